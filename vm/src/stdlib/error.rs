//! The Python exception an algorithm raises, as a kind plus CPython's message. The
//! algorithms stay free of interpreter types (so they are tested alone); the bindings
//! turn a `PyErr` into a raised exception with `?`.

/// Which built-in exception class the VM should raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PyErrKind {
    ValueError,
    TypeError,
    IndexError,
    OverflowError,
    ZeroDivisionError,
}

/// A Python exception to be raised by the caller: `kind(msg)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyErr {
    pub kind: PyErrKind,
    pub msg: String,
}

impl PyErr {
    pub fn new(kind: PyErrKind, msg: impl Into<String>) -> Self {
        PyErr {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(PyErrKind::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        Self::new(PyErrKind::TypeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(PyErrKind::OverflowError, msg)
    }
    pub fn zero_div(msg: impl Into<String>) -> Self {
        Self::new(PyErrKind::ZeroDivisionError, msg)
    }
    /// `ValueError("math domain error")`, CPython's answer to an invalid argument.
    pub fn domain() -> Self {
        Self::value("math domain error")
    }
    /// `OverflowError("math range error")`, CPython's answer to a result too large.
    pub fn range() -> Self {
        Self::overflow("math range error")
    }
}

impl std::fmt::Display for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

pub type Res<T> = Result<T, PyErr>;

impl From<PyErr> for stmpy_core::error::Unwind {
    fn from(e: PyErr) -> Self {
        use stmpy_core::types::ExcKind;
        let kind = match e.kind {
            PyErrKind::ValueError => ExcKind::ValueError,
            PyErrKind::TypeError => ExcKind::TypeError,
            PyErrKind::IndexError => ExcKind::IndexError,
            PyErrKind::OverflowError => ExcKind::OverflowError,
            PyErrKind::ZeroDivisionError => ExcKind::ZeroDivisionError,
        };
        stmpy_core::error::Unwind::new(kind, e.msg)
    }
}
