//! The native modules: `_thread` (primitives for the Python code of `threading` and
//! `queue`), `threading`, `queue` and `stm`. The Python-visible classes are Python source
//! (`threading.py`, `queue.py`, `stm.py` beside this file) over these primitives: their
//! waits are STM `retry`s, so the classes need no OS lock.

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::ExcKind;
use stmpy_core::value::{ObjRef, Value};

use crate::builtins::Table;
use crate::modules::NativeModule;
use crate::vm::Vm;

use super::{Deferred, Spawn};

pub const THREAD: NativeModule = NativeModule {
    name: "_thread",
    functions: THREAD_FUNCTIONS,
    init: Some(init_thread),
};
pub const THREADING: NativeModule = NativeModule {
    name: "threading",
    functions: &[],
    init: Some(init_threading),
};
pub const QUEUE: NativeModule = NativeModule {
    name: "queue",
    functions: &[],
    init: Some(init_queue),
};
pub const STM: NativeModule = NativeModule {
    name: "stm",
    functions: STM_FUNCTIONS,
    init: Some(init_stm),
};

const THREAD_FUNCTIONS: Table = &[
    ("get_ident", get_ident),
    ("get_native_id", get_ident),
    ("start_new_thread", start_new_thread),
    ("_start", start),
    ("_count", count),
    ("_boundary", boundary),
    ("_exiting", exiting),
    ("_hold", hold),
    ("_block", block),
    ("_retry", retry),
    ("_monotonic", monotonic),
    ("_atomic_enter", atomic_enter),
    ("_atomic_exit", atomic_exit),
    ("_format_exc", format_exc),
    ("_write_stderr", write_stderr),
];

const STM_FUNCTIONS: Table = &[
    ("retry", retry),
    ("stats", stats),
    ("_atomic_enter", atomic_enter),
    ("_atomic_exit", atomic_exit),
    ("atomic_depth", atomic_depth),
    ("running_threads", count),
];

fn init_thread(_vm: &mut Vm, _tx: &Tx, _g: &ObjRef) -> PyResult<()> {
    super::enable_concurrency();
    Ok(())
}

fn init_threading(vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    super::exec_source(vm, tx, g, include_str!("threading.py"), "<stmpy threading>")
}

fn init_queue(vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    super::exec_source(vm, tx, g, include_str!("queue.py"), "<stmpy queue>")
}

fn init_stm(vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    super::enable_concurrency();
    super::exec_source(vm, tx, g, include_str!("stm.py"), "<stmpy stm>")
}

fn get_ident(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(super::ident() as i64))
}

fn count(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(super::running_threads() as i64))
}

fn monotonic(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Float(super::monotonic()))
}

/// `_start(func, args, kwargs, daemon) -> ident`: the thread starts once this
/// transaction commits (right after this call where possible), so it sees everything
/// its starter did before.
fn start(vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    if a.len() != 4 {
        return Err(type_error("_start expected 4 arguments"));
    }
    let ident = super::new_ident();
    super::defer(Deferred::Spawn(Spawn {
        func: a[0].clone(),
        args: a[1].clone(),
        kwargs: a[2].clone(),
        ident,
        daemon: matches!(a[3], Value::Bool(true)),
    }));
    super::request_boundary(vm);
    Ok(Value::Int(ident as i64))
}

/// `_thread.start_new_thread(function, args[, kwargs])`.
fn start_new_thread(vm: &mut Vm, tx: &Tx, a: &[Value], k: &[(Value, Value)]) -> PyResult<Value> {
    if !k.is_empty() {
        return Err(type_error("start_new_thread() takes no keyword arguments"));
    }
    if a.len() < 2 || a.len() > 3 {
        return Err(type_error(format!(
            "start_new_thread expected at least 2 arguments, got {}",
            a.len()
        )));
    }
    if a[1].as_tuple().is_none() {
        return Err(type_error("2nd arg must be a tuple"));
    }
    let kwargs = match a.get(2) {
        None => Value::dict(DictData::new()),
        Some(v) if matches!(v.payload(), Some(stmpy_core::value::Payload::Dict(_))) => v.clone(),
        Some(_) => return Err(type_error("optional 3rd arg must be a dictionary")),
    };
    let _ = tx;
    // Threads of `_thread` are daemons: the process does not wait for them.
    start(
        vm,
        tx,
        &[a[0].clone(), a[1].clone(), kwargs, Value::Bool(true)],
        &[],
    )
}

/// `_boundary()`: end the transaction right after this call (what came before is
/// committed and stays so even if what follows retries). False where impossible.
fn boundary(vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(super::request_boundary(vm)))
}

/// `_exiting()`: the calling thread's Python work is over (`Thread._bootstrap` says so
/// in the transaction that marks it dead): a collector waits for its clean-up.
fn exiting(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    super::mark_exiting();
    Ok(Value::None)
}

/// `_hold()`: the caller just took a lock. While other threads run, make the
/// transaction long enough that a short critical section ends inside it: a boundary
/// between acquire and release commits the lock as held, and every other thread that
/// wants it then parks and is woken (two context switches) instead of just waiting
/// for this transaction's commit.
fn hold(vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    super::hold_lock(vm);
    Ok(Value::None)
}

/// `_block(deadline)`: the condition the caller waits for is false. Returns False once
/// the deadline (a `_monotonic()` value; None: no deadline) is past; otherwise the
/// transaction retries: it rolls back and runs again once something it read changed.
fn block(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let deadline = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::stdlib::args::to_f64(vm, tx, v)?),
    };
    super::block(tx, deadline).map(Value::Bool)
}

fn retry(_vm: &mut Vm, tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    super::block(tx, None).map(Value::Bool)
}

fn atomic_enter(vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    super::atomic_enter(vm);
    Ok(Value::None)
}

fn atomic_exit(vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    super::atomic_exit(vm);
    Ok(Value::Bool(false))
}

fn atomic_depth(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(super::atomic_depth() as i64))
}

/// `_format_exc(exc)`: the traceback text CPython would print for `exc`.
fn format_exc(vm: &mut Vm, tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    match a.first() {
        Some(Value::Obj(e)) => Ok(Value::string(crate::exceptions::format_exception(
            vm, tx, e,
        )?)),
        _ => Err(type_error("_format_exc expects an exception")),
    }
}

/// `_write_stderr(text)`: buffered like every output, written at commit.
fn write_stderr(vm: &mut Vm, _tx: &Tx, a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    match a.first().and_then(|v| v.as_str()) {
        Some(s) => {
            vm.out.stderr.extend_from_slice(s.as_str().as_bytes());
            Ok(Value::None)
        }
        None => Err(type_error("_write_stderr expects a str")),
    }
}

/// `stm.stats()`: the engine's counters summed over all threads.
fn stats(_vm: &mut Vm, _tx: &Tx, _a: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let s = stmpy_core::stm::stats();
    let mut d = DictData::new();
    let put = |d: &mut DictData, k: &str, v: Value| {
        d.insert_str(Value::str(k), stmpy_core::str::str_hash(k), v);
    };
    put(&mut d, "commits", Value::Int(s.commits as i64));
    put(
        &mut d,
        "inevitable_commits",
        Value::Int(s.inevitable_commits as i64),
    );
    put(&mut d, "aborts", Value::Int(s.aborts() as i64));
    let mut by = DictData::new();
    for (k, v) in [
        ("validation", s.aborts_validation),
        ("locked", s.aborts_locked),
        ("inevitable", s.aborts_inevitable),
        ("retry", s.aborts_retry),
        ("stress", s.aborts_stress),
    ] {
        put(&mut by, k, Value::Int(v as i64));
    }
    put(&mut d, "aborts_by_cause", Value::dict(by));
    put(&mut d, "escalations", Value::Int(s.escalations as i64));
    put(
        &mut d,
        "wasted_seconds",
        Value::Float(s.wasted_ns as f64 / 1e9),
    );
    let conflicts: Vec<Value> = s
        .conflicts
        .iter()
        .take(10)
        .map(|c| {
            let mut e = DictData::new();
            put(
                &mut e,
                "cause",
                Value::str(&format!("{:?}", c.cause).to_lowercase()),
            );
            put(
                &mut e,
                "site",
                Value::string(super::sites::describe(c.aborted_site)),
            );
            put(
                &mut e,
                "other_site",
                Value::string(super::sites::describe(c.other_site)),
            );
            put(&mut e, "count", Value::Int(c.count as i64));
            Value::dict(e)
        })
        .collect();
    put(&mut d, "conflicts", Value::list_from(conflicts));
    let _ = ExcKind::RuntimeError;
    let _ = Unwind::bare;
    Ok(Value::dict(d))
}
