//! Standard streams (`sys.stdout`/`sys.stderr` objects writing into the transaction's
//! output buffer) and `open()` for text and binary files.

use std::sync::OnceLock;

use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, type_name};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::builtins::{Table, kwarg};
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

/// A standard stream: 0 stdin, 1 stdout, 2 stderr.
pub struct Sink(pub u8);

pub fn sink_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("TextIOWrapper"))
}

pub fn file_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("TextIOWrapper"))
}

pub fn sink(which: u8) -> Value {
    Value::Obj(ObjRef::new(Payload::Opaque(
        sink_type().clone(),
        Box::new(Sink(which)),
    )))
}

pub const SINK: Table = &[
    ("write", sink_write),
    ("flush", sink_flush),
    ("writelines", sink_writelines),
    ("readline", sink_readline),
    ("read", sink_read),
    ("fileno", sink_fileno),
    ("isatty", sink_isatty),
];

pub fn which(v: &Value) -> Option<u8> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d.downcast_ref::<Sink>().map(|s| s.0),
        _ => None,
    }
}

/// Writes `s` to a file-like object (`print(file=...)`).
pub fn write_to(vm: &mut Vm, tx: &Tx, f: &Value, s: String) -> PyResult<()> {
    match which(f) {
        Some(1) => vm.out.stdout.extend_from_slice(s.as_bytes()),
        Some(2) => vm.out.stderr.extend_from_slice(s.as_bytes()),
        _ => {
            let w = ops::getattr(vm, tx, f, &Value::str("write"))?;
            vm.call(tx, &w, &[Value::string(s)], &[])?;
        }
    }
    Ok(())
}

fn sink_write(vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args.get(1).and_then(|v| v.payload_str()).ok_or_else(|| {
        type_error(format!(
            "write() argument must be str, not {}",
            args.get(1).map(type_name).unwrap_or("nothing")
        ))
    })?;
    let n = s.chars().count();
    match which(&args[0]) {
        Some(2) => vm.out.stderr.extend_from_slice(s.as_bytes()),
        _ => vm.out.stdout.extend_from_slice(s.as_bytes()),
    }
    Ok(Value::Int(n as i64))
}

fn sink_writelines(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    for line in crate::iter::collect(vm, tx, args.get(1).unwrap_or(&Value::None))? {
        sink_write(vm, tx, &[args[0].clone(), line], &[])?;
    }
    Ok(Value::None)
}

fn sink_flush(vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if vm.out.unbuffered {
        vm.flush_output();
    }
    Ok(Value::None)
}

fn sink_readline(
    vm: &mut Vm,
    _tx: &Tx,
    _args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    vm.flush_output();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    Ok(Value::string(line))
}

fn sink_read(vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.flush_output();
    let mut s = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
    Ok(Value::string(s))
}

fn sink_fileno(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(which(&args[0]).unwrap_or(1) as i64))
}

fn sink_isatty(_vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

// ---------- files ----------

#[derive(Clone)]
pub struct FileState {
    pub path: String,
    pub binary: bool,
    pub writing: bool,
    pub data: Vec<u8>,
    pub pos: usize,
    pub closed: bool,
}

pub struct FileObj(pub TVar<FileState>);

pub const FILE: Table = &[
    ("read", file_read),
    ("readline", file_readline),
    ("readlines", file_readlines),
    ("write", file_write),
    ("close", file_close),
    ("flush", file_flush),
    ("__enter__", file_enter),
    ("__exit__", file_exit),
    ("__iter__", file_enter),
    ("__next__", file_next),
];

fn file(v: &Value) -> PyResult<&FileObj> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d
            .downcast_ref::<FileObj>()
            .ok_or_else(|| type_error("not a file")),
        _ => Err(type_error("not a file")),
    }
}

/// `open(path, mode='r')`. Reading loads the file at open; writing collects the data
/// and writes it at `close()` (files are not transactional: the write happens once,
/// when the object is closed).
pub fn open(vm: &mut Vm, _tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let _ = vm;
    let path = args
        .first()
        .and_then(|v| v.payload_str())
        .ok_or_else(|| type_error("open() requires a path string"))?
        .to_string();
    let mode = args
        .get(1)
        .or_else(|| kwarg(kw, "mode"))
        .and_then(|v| v.payload_str())
        .unwrap_or("r")
        .to_string();
    let binary = mode.contains('b');
    let writing = mode.contains('w') || mode.contains('a');
    let data = if writing {
        if mode.contains('a') {
            std::fs::read(&path).unwrap_or_default()
        } else {
            Vec::new()
        }
    } else {
        std::fs::read(&path).map_err(|e| os_error(&e, &path))?
    };
    if mode.contains('w') {
        std::fs::write(&path, b"").map_err(|e| os_error(&e, &path))?;
    }
    let st = FileState {
        path,
        binary,
        writing,
        data,
        pos: 0,
        closed: false,
    };
    Ok(Value::Obj(ObjRef::new(Payload::Opaque(
        file_type().clone(),
        Box::new(FileObj(TVar::new(st))),
    ))))
}

fn os_error(e: &std::io::Error, path: &str) -> Unwind {
    let (kind, errno, text) = match e.kind() {
        std::io::ErrorKind::NotFound => {
            (ExcKind::FileNotFoundError, 2, "No such file or directory")
        }
        std::io::ErrorKind::PermissionDenied => (ExcKind::PermissionError, 13, "Permission denied"),
        _ => (ExcKind::OSError, 5, "Input/output error"),
    };
    Unwind::new(kind, format!("[Errno {errno}] {text}: '{path}'"))
}

fn chunk(st: &FileState, bytes: &[u8]) -> Value {
    if st.binary {
        Value::bytes(bytes.to_vec())
    } else {
        Value::string(String::from_utf8_lossy(bytes).into_owned())
    }
}

fn file_read(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = tx.view(&f.0, |v| v.clone())?;
    if st.closed {
        return Err(value_error("I/O operation on closed file."));
    }
    let end = match args.get(1) {
        Some(Value::Int(n)) if *n >= 0 => (st.pos + *n as usize).min(st.data.len()),
        _ => st.data.len(),
    };
    let v = chunk(&st, &st.data[st.pos..end]);
    tx.modify(&f.0, |s| s.pos = end)?;
    Ok(v)
}

fn next_line(st: &FileState) -> Option<(usize, usize)> {
    if st.pos >= st.data.len() {
        return None;
    }
    let rest = &st.data[st.pos..];
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| st.pos + i + 1)
        .unwrap_or(st.data.len());
    Some((st.pos, end))
}

fn file_readline(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = tx.view(&f.0, |v| v.clone())?;
    match next_line(&st) {
        Some((a, b)) => {
            tx.modify(&f.0, |s| s.pos = b)?;
            Ok(chunk(&st, &st.data[a..b]))
        }
        None => Ok(chunk(&st, b"")),
    }
}

fn file_readlines(
    _vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let f = file(&args[0])?;
    let mut st = tx.view(&f.0, |v| v.clone())?;
    let mut out = Vec::new();
    while let Some((a, b)) = next_line(&st) {
        out.push(chunk(&st, &st.data[a..b]));
        st.pos = b;
    }
    let pos = st.pos;
    tx.modify(&f.0, |s| s.pos = pos)?;
    Ok(Value::list_from(out))
}

fn file_next(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = tx.view(&f.0, |v| v.clone())?;
    match next_line(&st) {
        Some((a, b)) => {
            tx.modify(&f.0, |s| s.pos = b)?;
            Ok(chunk(&st, &st.data[a..b]))
        }
        None => Err(Unwind::bare(ExcKind::StopIteration)),
    }
}

fn file_write(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let bytes: Vec<u8> = match args.get(1).and_then(|v| v.payload()) {
        Some(Payload::Str(s)) => s.as_str().as_bytes().to_vec(),
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ => return Err(type_error("write() argument must be str")),
    };
    let n = match args.get(1).and_then(|v| v.as_str()) {
        Some(s) => s.char_len(),
        None => bytes.len(),
    };
    tx.modify(&f.0, |s| s.data.extend_from_slice(&bytes))?;
    Ok(Value::Int(n as i64))
}

fn file_close(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = tx.view(&f.0, |v| v.clone())?;
    if st.writing && !st.closed {
        std::fs::write(&st.path, &st.data).map_err(|e| os_error(&e, &st.path))?;
    }
    tx.modify(&f.0, |s| s.closed = true)?;
    Ok(Value::None)
}

fn file_flush(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = tx.view(&f.0, |v| v.clone())?;
    if st.writing && !st.closed {
        std::fs::write(&st.path, &st.data).map_err(|e| os_error(&e, &st.path))?;
    }
    Ok(Value::None)
}

fn file_enter(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn file_exit(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    file_close(vm, tx, &args[..1], &[])?;
    Ok(Value::Bool(false))
}
