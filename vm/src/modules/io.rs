//! Standard streams (`sys.stdout`/`sys.stderr` objects writing into the transaction's
//! output buffer) and the `_io` module (`open`, `UnsupportedOperation`; files are in
//! `file.rs`).

use std::sync::OnceLock;

use stmpy_core::error::{PyResult, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::builtins::Table;
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

/// A standard stream: 0 stdin, 1 stdout, 2 stderr.
pub struct Sink(pub u8);

pub fn sink_type() -> &'static ObjRef {
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

/// The native part of `io` (`vm/lib/io.py` adds StringIO and BytesIO).
pub const IO: Table = &[("open", super::file::open)];

pub fn init(_vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    let f = super::file::unsupported_operation();
    super::set_attr(tx, g, "UnsupportedOperation", Value::Obj(f.clone()))?;
    for (name, ty) in [
        ("TextIOWrapper", super::file::text_type()),
        ("BufferedReader", super::file::reader_type()),
        ("BufferedWriter", super::file::writer_type()),
    ] {
        super::set_attr(tx, g, name, Value::Obj(ty.clone()))?;
    }
    Ok(())
}
