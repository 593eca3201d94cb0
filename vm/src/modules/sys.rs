//! The `sys` module.

use std::sync::atomic::Ordering;

use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{ExcKind, type_of};
use stmpy_core::value::{ObjRef, Payload, Value};

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
    ("getsizeof", super::sys_info::getsizeof),
    ("getrefcount", super::sys_info::getrefcount),
    ("_caller", caller),
    ("_format_tb_entry", format_tb_entry),
    ("_format_exception_only", format_exception_only),
    ("audit", audit),
    ("addaudithook", addaudithook),
    ("_getframe", super::frame::getframe),
    ("_format_exception", format_exception),
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
    super::sys_info::init(vm, tx, g)?;
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

fn exc_info(vm: &mut Vm, tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = vm.handled.clone();
    if h.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let tb = crate::ops::getattr(vm, tx, &h, &Value::str("__traceback__"))?;
    Ok(Value::tuple(vec![Value::Obj(type_of(&h).clone()), h, tb]))
}

fn exception(vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(vm.handled.clone())
}

fn intern(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

/// `sys.audit(event, *args)`: stmpy raises no audit events, and hooks are not kept.
fn audit(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.first().and_then(|v| v.as_str()).is_none() {
        return Err(stmpy_core::error::type_error(
            "audit() missing 1 required positional argument: 'event'",
        ));
    }
    Ok(Value::None)
}

/// `sys.addaudithook(hook)`: accepted (see `audit`).
fn addaudithook(
    _vm: &mut Vm,
    _tx: &Tx,
    _args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    Ok(Value::None)
}

/// `sys._caller(depth)`: `(filename, lineno, function name, globals)` of the frame
/// `depth` levels above the Python function calling it (0: that function), or None past
/// the outermost frame. The frozen `warnings` and `traceback` modules use it where
/// CPython uses `sys._getframe`.
fn caller(vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let depth = match args.first() {
        Some(v) => ops::index_of(v)?,
        None => 0,
    };
    if depth < 0 {
        return Err(value_error("depth must be >= 0"));
    }
    let depth = depth as usize;
    let (code, pc, globals) = if depth == 0 {
        let Some(c) = vm.caller.as_ref() else {
            return Ok(Value::None);
        };
        (c.code.clone(), c.pc, c.globals.clone())
    } else {
        let n = vm.frames.len();
        if depth > n {
            return Ok(Value::None);
        }
        let f = &vm.frames[n - depth];
        (f.code.clone(), f.pc, f.globals.clone())
    };
    let line = code.code.location(pc.saturating_sub(1) as u32).line;
    Ok(Value::tuple(vec![
        Value::string(code.code.filename.to_string()),
        Value::Int(line as i64),
        Value::string(code.code.name.to_string()),
        Value::Obj(globals),
    ]))
}

/// `sys._format_tb_entry(tb)`: the lines `traceback.format_tb` shows for one traceback
/// object (with CPython 3.11's `^^^` markers).
fn format_tb_entry(
    vm: &mut Vm,
    _tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    match args.first().and_then(crate::exceptions::as_traceback) {
        Some(tb) => Ok(Value::string(crate::exceptions::format_tb_entry(vm, tb))),
        None => Err(type_error(
            "_format_tb_entry() argument must be a traceback",
        )),
    }
}

/// `sys._format_exception_only(exc)`: the last lines of a traceback (`Type: message`,
/// SyntaxError's source line and markers, notes).
fn format_exception_only(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let exc = exception_arg(args, "_format_exception_only")?;
    Ok(Value::string(crate::exceptions::exception_only(
        vm, tx, exc,
    )?))
}

/// The exception instance that `sys._format_exception*` takes as first argument.
fn exception_arg<'a>(args: &'a [Value], fname: &str) -> PyResult<&'a ObjRef> {
    match args.first().and_then(|v| v.obj()) {
        Some(o) if matches!(&o.payload, Payload::Instance(i) if i.exc.is_some()) => Ok(o),
        _ => Err(type_error(format!(
            "{fname}() argument must be an exception"
        ))),
    }
}

/// `sys._format_exception(exc)`: the traceback text CPython prints for `exc`
/// (`traceback.format_exception`, `print_exc`).
fn format_exception(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let exc = exception_arg(args, "_format_exception")?;
    Ok(Value::string(crate::exceptions::format_exception(
        vm, tx, exc,
    )?))
}
