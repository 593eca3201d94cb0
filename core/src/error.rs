//! Errors: one result type whose error side keeps STM control flow (conflict, retry)
//! apart from Python exceptions, so `?` propagates both and a Conflict always unwinds to
//! the transaction boundary instead of being caught by a Python `except`.

use stmpy_stm::{StmError, TVar};

use crate::dict::DictData;
use crate::fmt::{ErrorKind, FmtError};
use crate::types::{ExcKind, is_subtype, type_of_obj, types};
use crate::value::{ExcState, Instance, ObjRef, Payload, Value};

/// Why evaluation stops unwinding normally.
#[derive(Clone, Debug)]
pub enum Unwind {
    /// A Python exception (an instance of a BaseException subclass).
    Exc(ObjRef),
    /// The transaction must roll back (and re-run, or block for `retry`).
    Stm(StmError),
}

pub type PyResult<T> = Result<T, Unwind>;

impl From<StmError> for Unwind {
    fn from(e: StmError) -> Self {
        Unwind::Stm(e)
    }
}

impl From<FmtError> for Unwind {
    fn from(e: FmtError) -> Self {
        let k = match e.kind {
            ErrorKind::ValueError => ExcKind::ValueError,
            ErrorKind::OverflowError => ExcKind::OverflowError,
            ErrorKind::TypeError => ExcKind::TypeError,
        };
        Unwind::new(k, e.msg)
    }
}

impl Unwind {
    /// A built-in exception with a message.
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Unwind {
        Unwind::Exc(new_exception(
            types().exc(kind),
            vec![Value::string(msg.into())],
        ))
    }
    /// A built-in exception with no arguments (`raise StopIteration`).
    pub fn bare(kind: ExcKind) -> Unwind {
        Unwind::Exc(new_exception(types().exc(kind), vec![]))
    }
    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> Unwind {
        Unwind::Exc(new_exception(types().exc(kind), args))
    }
    /// A built-in exception with a message and attributes (`AttributeError.name`).
    pub fn with_attrs(kind: ExcKind, msg: impl Into<String>, attrs: &[(&str, Value)]) -> Unwind {
        let mut d = DictData::new();
        for (k, v) in attrs {
            d.insert_str(Value::str(k), crate::str::str_hash(k), v.clone());
        }
        Unwind::Exc(new_exception_with_attrs(
            types().exc(kind),
            vec![Value::string(msg.into())],
            d,
        ))
    }
    /// Is this a Python exception of class `kind` (or a subclass)?
    pub fn is(&self, kind: ExcKind) -> bool {
        match self {
            Unwind::Exc(e) => is_subtype(type_of_obj(e), types().exc(kind)),
            Unwind::Stm(_) => false,
        }
    }
}

pub fn type_error(msg: impl Into<String>) -> Unwind {
    Unwind::new(ExcKind::TypeError, msg)
}
pub fn value_error(msg: impl Into<String>) -> Unwind {
    Unwind::new(ExcKind::ValueError, msg)
}
pub fn index_error(msg: impl Into<String>) -> Unwind {
    Unwind::new(ExcKind::IndexError, msg)
}
pub fn attribute_error(msg: impl Into<String>) -> Unwind {
    Unwind::new(ExcKind::AttributeError, msg)
}
pub fn zero_division(msg: impl Into<String>) -> Unwind {
    Unwind::new(ExcKind::ZeroDivisionError, msg)
}
pub fn overflow_error(msg: impl Into<String>) -> Unwind {
    Unwind::new(ExcKind::OverflowError, msg)
}

/// Builds an exception instance of `class` with `args` (no `__init__` is run).
pub fn new_exception(class: &ObjRef, args: Vec<Value>) -> ObjRef {
    new_exception_with_attrs(class, args, DictData::new())
}

/// `new_exception` with attributes already in its dict (`NameError.name`, `OSError.errno`).
pub fn new_exception_with_attrs(class: &ObjRef, args: Vec<Value>, attrs: DictData) -> ObjRef {
    ObjRef::new(Payload::Instance(Instance::new(
        class.clone(),
        attrs,
        Some(TVar::new(ExcState {
            args: Value::tuple(args),
            ..ExcState::default()
        })),
    )))
}
