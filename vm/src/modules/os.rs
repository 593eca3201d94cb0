//! `_os`: the operating-system calls under `os` and `os.path` (`vm/lib/os/`).
//!
//! The Python side holds the logic CPython keeps in Python (`os.walk`, `os.makedirs`,
//! `posixpath`); this file holds what must touch the OS. Calls that change the file
//! system are irrevocable effects: each makes the transaction inevitable before acting,
//! so a retried transaction never removes or renames twice. Calls that only read (stat,
//! listdir, getcwd) may run again on a retry; that is harmless.
//!
//! `os.environ` is a snapshot dict taken at import: Rust 2024 no longer offers a safe way
//! to change the process environment, and with threads running it is unsound, so assignments to
//! `os.environ` are seen by this program only (there is no subprocess to pass them to).

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{ObjRef, Payload, Value};

use super::set_attr;
use crate::builtins::Table;
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("getcwd", getcwd),
    ("chdir", chdir),
    ("listdir", listdir),
    ("stat", stat),
    ("lstat", lstat),
    ("remove", remove),
    ("rename", rename),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("getpid", getpid),
    ("cpu_count", cpu_count),
    ("fspath", fspath),
    ("strerror", strerror),
    ("urandom", urandom),
];

pub fn init(_vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    let mut env = DictData::new();
    for (k, v) in std::env::vars_os() {
        let k = Value::string(k.to_string_lossy().into_owned());
        let v = Value::string(v.to_string_lossy().into_owned());
        let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
        env.insert_str(k, h, v);
    }
    set_attr(tx, g, "environ", Value::dict(env))?;
    Ok(())
}

/// CPython's `[Errno N] text: 'path'` (and `-> 'dst'` for two-path calls).
pub fn os_error(e: &std::io::Error, path: &str, dst: Option<&str>) -> Unwind {
    crate::os_error::from_io(e, path, dst)
}

/// A path argument: str, bytes (decoded) or an object with `__fspath__`.
fn path_arg(vm: &mut Vm, tx: &Tx, v: Option<&Value>, func: &str) -> PyResult<String> {
    let v =
        v.ok_or_else(|| type_error(format!("{func}() missing required argument 'path' (pos 1)")))?;
    if let Some(s) = v.payload_str() {
        return Ok(s.to_string());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    if !matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None
    ) && let Some(r) = ops::call_special(vm, tx, v, "__fspath__", &[])?
        && let Some(s) = r.payload_str()
    {
        return Ok(s.to_string());
    }
    Err(type_error(format!(
        "{func}: path should be string, bytes, os.PathLike or integer, not {}",
        type_name(v)
    )))
}

fn getcwd(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let d = std::env::current_dir().map_err(|e| os_error(&e, ".", None))?;
    Ok(Value::string(d.to_string_lossy().into_owned()))
}

fn chdir(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, tx, a.first(), "chdir")?;
    tx.make_inevitable()?;
    std::env::set_current_dir(&p).map_err(|e| os_error(&e, &p, None))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let p = match a.first() {
        None | Some(Value::None) => ".".to_string(),
        v => path_arg(vm, tx, v, "listdir")?,
    };
    let rd = std::fs::read_dir(&p).map_err(|e| os_error(&e, &p, None))?;
    let mut names = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| os_error(&e, &p, None))?;
        names.push(Value::string(
            ent.file_name().to_string_lossy().into_owned(),
        ));
    }
    Ok(Value::list_from(names))
}

/// `(st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime, st_mtime,
/// st_ctime)`: the Python side wraps it in `os.stat_result`.
fn stat_tuple(m: &std::fs::Metadata) -> Value {
    let t = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    Value::tuple(vec![
        Value::Int(i64::from(m.permissions().mode())),
        Value::Int(m.ino() as i64),
        Value::Int(m.dev() as i64),
        Value::Int(m.nlink() as i64),
        Value::Int(i64::from(m.uid())),
        Value::Int(i64::from(m.gid())),
        Value::Int(m.size() as i64),
        t(m.atime(), m.atime_nsec()),
        t(m.mtime(), m.mtime_nsec()),
        t(m.ctime(), m.ctime_nsec()),
    ])
}

fn stat(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, tx, a.first(), "stat")?;
    let m = std::fs::metadata(&p).map_err(|e| os_error(&e, &p, None))?;
    Ok(stat_tuple(&m))
}

fn lstat(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, tx, a.first(), "lstat")?;
    let m = std::fs::symlink_metadata(&p).map_err(|e| os_error(&e, &p, None))?;
    Ok(stat_tuple(&m))
}

fn remove(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, tx, a.first(), "remove")?;
    tx.make_inevitable()?;
    std::fs::remove_file(&p).map_err(|e| os_error(&e, &p, None))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let src = path_arg(vm, tx, a.first(), "rename")?;
    let dst = path_arg(vm, tx, a.get(1), "rename")?;
    tx.make_inevitable()?;
    std::fs::rename(&src, &dst).map_err(|e| os_error(&e, &src, Some(&dst)))?;
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, tx, a.first(), "mkdir")?;
    let mode = match a.get(1) {
        Some(Value::Int(m)) => *m as u32,
        _ => 0o777,
    };
    tx.make_inevitable()?;
    let mut b = std::fs::DirBuilder::new();
    std::os::unix::fs::DirBuilderExt::mode(&mut b, mode);
    b.create(&p).map_err(|e| os_error(&e, &p, None))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, tx, a.first(), "rmdir")?;
    tx.make_inevitable()?;
    std::fs::remove_dir(&p).map_err(|e| os_error(&e, &p, None))?;
    Ok(Value::None)
}

fn getpid(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(i64::from(std::process::id())))
}

fn cpu_count(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

fn fspath(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let v = a.first().cloned().unwrap_or(Value::None);
    if v.payload_str().is_some() || matches!(v.payload(), Some(Payload::Bytes(_))) {
        return Ok(v);
    }
    if !matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None
    ) && let Some(r) = ops::call_special(vm, tx, &v, "__fspath__", &[])?
    {
        if r.payload_str().is_some() || matches!(r.payload(), Some(Payload::Bytes(_))) {
            return Ok(r);
        }
        return Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(&v),
            type_name(&r)
        )));
    }
    Err(type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        type_name(&v)
    )))
}

fn strerror(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    match a.first() {
        Some(Value::Int(n)) => Ok(Value::string(crate::os_error::errno_text(*n as i32))),
        Some(v) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
        None => Err(type_error(
            "strerror() takes exactly one argument (0 given)",
        )),
    }
}

fn urandom(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let n = match a.first() {
        Some(Value::Int(n)) if *n >= 0 => *n as usize,
        Some(Value::Int(_)) => {
            return Err(stmpy_core::error::value_error(
                "negative argument not allowed",
            ));
        }
        _ => return Err(type_error("urandom() argument must be an integer")),
    };
    let mut buf = vec![0u8; n];
    let read = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
    read.map_err(|e| os_error(&e, "/dev/urandom", None))?;
    Ok(Value::bytes(buf))
}
