//! The `sys` module.

use std::sync::atomic::Ordering;

use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{ExcKind, type_of};
use stmpy_core::value::{ObjRef, Value};

use super::set_attr;
use crate::builtins::Table;
use crate::ops;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("exit", exit),
    ("getrecursionlimit", getrecursionlimit),
    ("setrecursionlimit", setrecursionlimit),
    ("exc_info", exc_info),
    ("exception", exception),
    ("intern", intern),
    ("getsizeof", getsizeof),
];

pub fn init(vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    let argv: Vec<Value> = vm.shared.argv.iter().map(|a| Value::str(a)).collect();
    set_attr(tx, g, "argv", Value::list_from(argv))?;
    set_attr(tx, g, "path", Value::Obj(vm.shared.path.clone()))?;
    set_attr(tx, g, "modules", Value::Obj(vm.shared.modules.clone()))?;
    set_attr(tx, g, "stdout", crate::modules::io::sink(1))?;
    set_attr(tx, g, "stderr", crate::modules::io::sink(2))?;
    set_attr(tx, g, "__stdout__", crate::modules::io::sink(1))?;
    set_attr(tx, g, "__stderr__", crate::modules::io::sink(2))?;
    set_attr(tx, g, "stdin", crate::modules::io::sink(0))?;
    set_attr(tx, g, "maxsize", Value::Int(i64::MAX))?;
    set_attr(tx, g, "byteorder", Value::str("little"))?;
    set_attr(tx, g, "platform", Value::str("linux"))?;
    set_attr(tx, g, "version", Value::str("3.11.0 (stmpy)"))?;
    set_attr(tx, g, "executable", Value::str("stmpy"))?;
    set_attr(tx, g, "implementation", Value::str("stmpy"))?;
    set_attr(
        tx,
        g,
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    )?;
    set_attr(tx, g, "float_info_max", Value::Float(f64::MAX))?;
    set_attr(
        tx,
        g,
        "builtin_module_names",
        Value::tuple(
            crate::modules::NATIVE_MODULES
                .iter()
                .map(|m| Value::str(m.name))
                .collect(),
        ),
    )?;
    Ok(())
}

fn exit(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(Unwind::with_args(ExcKind::SystemExit, args.to_vec()))
}

fn getrecursionlimit(
    vm: &mut Vm,
    _tx: &Tx,
    _args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    Ok(Value::Int(vm.shared.recursion_limit() as i64))
}

fn setrecursionlimit(
    vm: &mut Vm,
    _tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let n = match args.first() {
        Some(v) => ops::index_of(v)?,
        None => {
            return Err(type_error(
                "setrecursionlimit() takes exactly one argument (0 given)",
            ));
        }
    };
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.shared
        .recursion_limit
        .store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = vm.handled.clone();
    if h.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    Ok(Value::tuple(vec![
        Value::Obj(type_of(&h).clone()),
        h,
        Value::None,
    ]))
}

fn exception(vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.handled.clone())
}

fn intern(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

fn getsizeof(_vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(64))
}
