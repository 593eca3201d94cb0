//! `_gc`: the natives behind `vm/lib/gc.py` (the cycle collector is
//! `stmpy_core::gc`; the VM runs it at transaction boundaries).

use stmpy_core::error::PyResult;
use stmpy_core::stm::Tx;
use stmpy_core::value::Value;

use crate::builtins::{Table, arg_count};
use crate::threads;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("collect", collect),
    ("_last", last),
    ("enable", enable),
    ("disable", disable),
    ("isenabled", isenabled),
    ("_stats", stats),
    ("_registered", registered),
];

/// `collect()`: a full collection. Where a boundary can follow, it is requested and
/// the collection runs between this transaction and the next, in a transaction of its
/// own (so what this one released, such as a deleted global's old namespace version,
/// is gone first): returns None, and `_last()` then gives the result. Elsewhere
/// (inside `stm.atomic`, under native code) it runs in this transaction and returns
/// the number of unreachable objects found (0 if another thread runs Python).
fn collect(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("collect", a, 0, 0)?;
    if threads::request_boundary(vm) {
        stmpy_core::gc::request();
        return Ok(Value::None);
    }
    let found = threads::collect_cycles(tx)?;
    Ok(Value::Int(found.unwrap_or(0) as i64))
}

/// `_last()`: what the last collection found.
fn last(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("_last", a, 0, 0)?;
    Ok(Value::Int(stmpy_core::gc::last_found() as i64))
}

fn enable(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("enable", a, 0, 0)?;
    stmpy_core::gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("disable", a, 0, 0)?;
    stmpy_core::gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("isenabled", a, 0, 0)?;
    Ok(Value::Bool(stmpy_core::gc::is_enabled()))
}

/// `_stats()`: (collections, objects collected) since the start.
fn stats(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("_stats", a, 0, 0)?;
    let (runs, found) = stmpy_core::gc::stats();
    Ok(Value::tuple(vec![
        Value::Int(runs as i64),
        Value::Int(found as i64),
    ]))
}

/// `_registered()`: tracked objects in this thread's registry (`gc.get_count()[0]`).
fn registered(_vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("_registered", a, 0, 0)?;
    Ok(Value::Int(stmpy_core::gc::registered() as i64))
}
