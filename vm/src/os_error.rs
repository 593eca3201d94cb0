//! `OSError` as CPython builds it: with 2 to 5 arguments `(errno, strerror[, filename[,
//! winerror[, filename2]]])` it has those attributes, keeps only `(errno, strerror)` as
//! `args` when a filename is given, prints as `[Errno 2] No such file: 'f'`, and
//! `OSError(errno, ...)` itself makes the PEP 3151 subclass for that errno
//! (`OSError(2, ...)` is a FileNotFoundError).
//!
//! The attributes live in the instance dict (set once, at `__init__`); `exc_attr` answers
//! `None` for an OSError that has none of them.

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, new_exception_with_attrs};
use stmpy_core::stm::Tx;
use stmpy_core::str::str_hash;
use stmpy_core::types::{ExcKind, is_subtype, type_of_obj, types};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::ops;
use crate::vm::Vm;

/// The attributes OSError adds, in argument order.
pub const ATTRS: [&str; 4] = ["errno", "strerror", "filename", "filename2"];

/// Is `o` an OSError (or subclass) instance?
pub fn is_os_error(o: &ObjRef) -> bool {
    is_subtype(type_of_obj(o), types().exc(ExcKind::OSError))
}

/// The `OSError` subclass CPython raises for `errno` (PEP 3151, Linux numbers).
pub fn errno_kind(errno: i64) -> ExcKind {
    match errno {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        4 => ExcKind::InterruptedError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => ExcKind::OSError,
    }
}

/// The message of OS error number `errno`, as C's `strerror` (without Rust's suffix).
pub fn errno_text(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror, ...)` called on OSError itself builds the errno's subclass.
pub fn subclass_for(cls: &ObjRef, args: &[Value]) -> Option<ObjRef> {
    if !cls.is(types().exc(ExcKind::OSError)) || !(2..=5).contains(&args.len()) {
        return None;
    }
    match &args[0] {
        Value::Int(e) => Some(types().exc(errno_kind(*e)).clone()),
        _ => None,
    }
}

/// The argument-derived state of `OSError.__init__(*args)`: the attributes to set (if the
/// arguments have the errno shape) and the `args` to keep.
fn split_args(args: &[Value]) -> (Option<[Value; 4]>, Vec<Value>) {
    if !(2..=5).contains(&args.len()) {
        return (None, args.to_vec());
    }
    let filename = args.get(2).cloned().unwrap_or_default();
    let filename2 = args.get(4).cloned().unwrap_or_default();
    let kept = if filename.is_none() {
        args.to_vec()
    } else {
        args[..2].to_vec()
    };
    (
        Some([args[0].clone(), args[1].clone(), filename, filename2]),
        kept,
    )
}

fn attrs_dict(attrs: [Value; 4]) -> DictData {
    let mut d = DictData::new();
    for (name, v) in ATTRS.iter().zip(attrs) {
        d.insert_str(Value::str(name), str_hash(name), v);
    }
    d
}

/// `OSError.__init__`: sets the attributes and trims `args` as CPython does.
pub fn init(tx: &Tx, o: &ObjRef, args: &[Value]) -> PyResult<()> {
    let Payload::Instance(inst) = &o.payload else {
        return Ok(());
    };
    let (attrs, kept) = split_args(args);
    if let Some(c) = &inst.exc {
        tx.modify(c, |s| s.args = Value::tuple(kept))?;
    }
    if let Some(attrs) = attrs {
        tx.modify(inst.dict(), |d| {
            for (name, v) in ATTRS.iter().zip(attrs) {
                d.insert_str(Value::str(name), str_hash(name), v);
            }
        })?;
    }
    Ok(())
}

/// The exception for a failed file-system call on `path` (and `dst` for two-path calls).
pub fn from_io(e: &std::io::Error, path: &str, dst: Option<&str>) -> Unwind {
    let errno = e.raw_os_error().unwrap_or(match e.kind() {
        std::io::ErrorKind::NotFound => 2,
        std::io::ErrorKind::PermissionDenied => 13,
        std::io::ErrorKind::AlreadyExists => 17,
        _ => 5,
    });
    from_errno(errno, Some(path), dst)
}

/// `OSError(errno, strerror(errno), path, None, dst)` of the errno's subclass.
pub fn from_errno(errno: i32, path: Option<&str>, dst: Option<&str>) -> Unwind {
    let text = Value::string(errno_text(errno));
    let attrs = [
        Value::Int(errno as i64),
        text.clone(),
        path.map(Value::str).unwrap_or_default(),
        dst.map(Value::str).unwrap_or_default(),
    ];
    Unwind::Exc(new_exception_with_attrs(
        types().exc(errno_kind(errno as i64)),
        vec![Value::Int(errno as i64), text],
        attrs_dict(attrs),
    ))
}

/// `str(e)` of an OSError with errno and strerror: `[Errno 2] text`, `: 'file'` and
/// ` -> 'file2'` when set; `None` to print it like any exception.
pub fn str_of(vm: &mut Vm, tx: &Tx, o: &ObjRef) -> PyResult<Option<String>> {
    let Payload::Instance(inst) = &o.payload else {
        return Ok(None);
    };
    let get = |name: &str| -> PyResult<Value> {
        Ok(tx
            .read(inst.dict())?
            .get_str(name, str_hash(name))
            .cloned()
            .unwrap_or_default())
    };
    let (errno, strerror, f1, f2) = (
        get("errno")?,
        get("strerror")?,
        get("filename")?,
        get("filename2")?,
    );
    if errno.is_none() || strerror.is_none() {
        return Ok(None);
    }
    let mut s = format!(
        "[Errno {}] {}",
        ops::str_of(vm, tx, &errno)?,
        ops::str_of(vm, tx, &strerror)?
    );
    if !f1.is_none() {
        s.push_str(&format!(": {}", ops::repr(vm, tx, &f1)?));
        if !f2.is_none() {
            s.push_str(&format!(" -> {}", ops::repr(vm, tx, &f2)?));
        }
    }
    Ok(Some(s))
}
