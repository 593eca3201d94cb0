//! The `time` module.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use stmpy_core::error::{PyResult, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::value::Value;

use crate::builtins::Table;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("time", time),
    ("time_ns", time_ns),
    ("perf_counter", perf_counter),
    ("perf_counter_ns", perf_counter_ns),
    ("monotonic", perf_counter),
    ("monotonic_ns", perf_counter_ns),
    ("process_time", perf_counter),
    ("sleep", sleep),
];

fn start() -> Instant {
    static S: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *S.get_or_init(Instant::now)
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn time(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn perf_counter(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Float(start().elapsed().as_secs_f64()))
}

fn perf_counter_ns(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(start().elapsed().as_nanos() as i64))
}

fn sleep(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let secs = match args.first() {
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        _ => return Err(type_error("sleep() argument must be a number")),
    };
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    // A transaction boundary: the pause happens after the commit (output so far is
    // visible before it, as with CPython).
    crate::threads::sleep(vm, tx, secs)?;
    Ok(Value::None)
}
