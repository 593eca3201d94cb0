//! The embedding API for Rust hosts: one [`Runtime`] shared by many host threads, each
//! running Python against the same objects at once.
//!
//! A `Runtime` is a cheap-to-clone handle (`Send + Sync`) on one interpreter's shared
//! state and one `__main__` namespace. Every call ([`Runtime::exec`], [`Runtime::eval`],
//! [`Runtime::call`]) runs on the calling OS thread with a fresh per-call [`Vm`], as a
//! sequence of transactions exactly like a Python thread: while it runs it counts as a
//! running thread, so concurrent host calls run optimistically and see each other's
//! effects only at transaction boundaries (every bytecode stays atomic). Output of
//! `print` goes to the process's stdout at commit.
//!
//! ```
//! use stmpy_vm::embed::Runtime;
//! use stmpy_vm::core::value::Value;
//! let rt = Runtime::new();
//! rt.exec("def add(a, b):\n    return a + b\n").unwrap();
//! let v = rt.call("add", vec![Value::Int(2), Value::Int(3)]).unwrap();
//! assert!(matches!(v, Value::Int(5)));
//! ```
use std::sync::{Arc, OnceLock};

use stmpy_core::dict::DictData;
use stmpy_core::stm::TVar;
use stmpy_core::types::ExcKind;

use stmpy_core::error::Unwind;
use stmpy_core::types::type_name;
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::call::StrValue;
use crate::vm::{CodeRef, Frame, LoadedCode, Shared, Vm};
use crate::{Interpreter, builtins, compiler, exceptions, import, ops, run_in_tx, threads};

/// A Python exception that reached the host: its type, `str()` and the traceback text
/// CPython would print for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyError {
    /// The exception's type name (`ValueError`, `module.CustomError`).
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// `Traceback (most recent call last): ...` as CPython formats it.
    pub traceback: String,
}

impl std::fmt::Display for PyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

impl std::error::Error for PyError {}

/// A Python value converted to plain Rust data (see [`Runtime::to_host`]).
#[derive(Debug, Clone, PartialEq)]
pub enum HostValue {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<HostValue>),
    Tuple(Vec<HostValue>),
    /// Items in insertion order.
    Dict(Vec<(HostValue, HostValue)>),
    /// Anything else (big ints, sets, instances, ...): its `repr()`.
    Other(String),
}

/// A handle on one interpreter usable from any number of host threads.
#[derive(Clone)]
pub struct Runtime {
    shared: Arc<Shared>,
    globals: ObjRef,
}

impl Default for Runtime {
    fn default() -> Runtime {
        Runtime::new()
    }
}

impl Runtime {
    /// A fresh interpreter with an empty `__main__` namespace (`sys.argv == ['']`).
    pub fn new() -> Runtime {
        let mut interp = Interpreter::new(vec![String::new()]);
        let vm = &mut interp.vm;
        let globals = run_in_tx(vm, |vm, tx| {
            let (m, dict) = import::new_module("__main__", None);
            let builtins = Value::Obj(vm.shared.builtins.clone());
            builtins::dict_set_str(tx, &dict, Value::str("__builtins__"), builtins)?;
            builtins::dict_set_str(tx, &vm.shared.modules, Value::str("__main__"), m)?;
            Ok(Value::Obj(dict))
        });
        let globals = match globals {
            Ok(Value::Obj(g)) => g,
            // Creating a dict and two stores cannot raise; keep a usable namespace anyway.
            _ => ObjRef::new(Payload::Dict(TVar::new(DictData::new()))),
        };
        Runtime {
            shared: vm.shared.clone(),
            globals,
        }
    }

    /// Runs statements in `__main__` (definitions persist for later calls).
    pub fn exec(&self, src: &str) -> Result<(), PyError> {
        self.run_code(src, compiler::Mode::Module).map(|_| ())
    }

    /// Evaluates one expression in `__main__` and returns its value.
    pub fn eval(&self, expr: &str) -> Result<Value, PyError> {
        self.run_code(expr, compiler::Mode::Eval)
    }

    /// Calls the callable bound to `name` in `__main__` with positional arguments.
    pub fn call(&self, name: &str, args: Vec<Value>) -> Result<Value, PyError> {
        let f = self.get(name).ok_or_else(|| PyError {
            type_name: "NameError".into(),
            message: format!("name '{name}' is not defined"),
            traceback: format!("NameError: name '{name}' is not defined\n"),
        })?;
        self.call_value(&f, args)
    }

    /// Calls any Python callable (e.g. a value returned by [`Runtime::eval`]).
    pub fn call_value(&self, f: &Value, args: Vec<Value>) -> Result<Value, PyError> {
        // `f(*a)` evaluated in a private namespace, run like any top-level code (with
        // transaction boundaries inside long calls).
        static CODE: OnceLock<Option<CodeRef>> = OnceLock::new();
        let code = CODE.get_or_init(|| {
            compiler::compile("f(*a)", "<embedded call>", compiler::Mode::Eval)
                .ok()
                .map(LoadedCode::load)
        });
        let code = code.clone();
        self.with_vm(|vm| {
            let Some(code) = code else {
                return Err(Unwind::new(ExcKind::SystemError, "call trampoline"));
            };
            let ns = run_in_tx(vm, |vm, tx| {
                let ns = ObjRef::new(Payload::Dict(TVar::new(DictData::new())));
                let builtins = Value::Obj(vm.shared.builtins.clone());
                builtins::dict_set_str(tx, &ns, Value::str("__builtins__"), builtins)?;
                builtins::dict_set_str(tx, &ns, Value::str("f"), f.clone())?;
                builtins::dict_set_str(tx, &ns, Value::str("a"), Value::tuple(args.clone()))?;
                Ok(Value::Obj(ns))
            })?;
            let Value::Obj(ns) = ns else {
                return Ok(Value::None);
            };
            vm.run_toplevel(Frame::new(code, ns.clone(), Some(ns)))
        })
    }

    /// The value bound to `name` in `__main__`, if any.
    pub fn get(&self, name: &str) -> Option<Value> {
        let mut vm = Vm::new(self.shared.clone());
        let g = self.globals.clone();
        let r = run_in_tx(&mut vm, |_, tx| {
            let Payload::Dict(cell) = &g.payload else {
                return Ok(Value::Obj(unset().clone()));
            };
            let h = stmpy_core::str::str_hash(name);
            Ok(tx
                .view(cell, |d| d.get_str(name, h).cloned())?
                .unwrap_or(Value::Obj(unset().clone())))
        });
        match r {
            Ok(Value::Obj(o)) if o.is(unset()) => None,
            Ok(v) => Some(v),
            Err(_) => None,
        }
    }

    /// Binds `name` in `__main__` (one transaction: atomic with respect to Python code).
    pub fn set(&self, name: &str, value: Value) {
        let mut vm = Vm::new(self.shared.clone());
        let g = self.globals.clone();
        let _ = run_in_tx(&mut vm, |_, tx| {
            builtins::dict_set_str(tx, &g, Value::str(name), value.clone())?;
            Ok(Value::None)
        });
    }

    /// `repr(value)`, as Python prints it.
    pub fn repr(&self, value: &Value) -> String {
        let mut vm = Vm::new(self.shared.clone());
        match run_in_tx(&mut vm, |vm, tx| Ok(Value::str(&ops::repr(vm, tx, value)?))) {
            Ok(v) => v.payload_str().unwrap_or_default().to_string(),
            Err(_) => format!("<{} object>", type_name(value)),
        }
    }

    /// Converts a Python value to plain Rust data, read in one transaction (a consistent
    /// snapshot even while other threads mutate the containers).
    pub fn to_host(&self, value: &Value) -> HostValue {
        let mut vm = Vm::new(self.shared.clone());
        let mut out = HostValue::None;
        let _ = run_in_tx(&mut vm, |vm, tx| {
            out = convert(vm, tx, value, 0)?;
            Ok(Value::None)
        });
        out
    }

    fn run_code(&self, src: &str, mode: compiler::Mode) -> Result<Value, PyError> {
        let filename = "<embedded>";
        if let Ok(mut s) = self.shared.sources.lock() {
            s.insert(filename.to_string(), Arc::from(src));
        }
        let globals = self.globals.clone();
        self.with_vm(|vm| {
            let code = match compiler::compile(src, filename, mode) {
                Ok(c) => c,
                Err(info) => {
                    return run_in_tx(vm, |vm, tx| {
                        Err(Unwind::Exc(crate::syntax_error_object(vm, tx, &info)?))
                    });
                }
            };
            let frame = Frame::new(LoadedCode::load(code), globals.clone(), Some(globals));
            vm.run_toplevel(frame)
        })
    }

    /// Runs `f` on a fresh Vm of this thread, counted as a running Python thread.
    fn with_vm(
        &self,
        f: impl FnOnce(&mut Vm) -> stmpy_core::error::PyResult<Value>,
    ) -> Result<Value, PyError> {
        let _running = threads::RunningGuard::enter();
        let mut vm = Vm::new(self.shared.clone());
        match f(&mut vm) {
            Ok(v) => Ok(v),
            Err(Unwind::Exc(e)) => Err(describe(&mut vm, &e)),
            Err(Unwind::Stm(e)) => Err(PyError {
                type_name: "SystemError".into(),
                message: format!("transaction ended unexpectedly: {e:?}"),
                traceback: String::new(),
            }),
        }
    }
}

/// A marker no Python code can bind (distinguishes "unbound" from `None`).
fn unset() -> &'static ObjRef {
    crate::vm::unbound_marker()
}

fn describe(vm: &mut Vm, e: &ObjRef) -> PyError {
    let mut err = PyError {
        type_name: String::new(),
        message: String::new(),
        traceback: String::new(),
    };
    let _ = run_in_tx(vm, |vm, tx| {
        let ev = Value::Obj(e.clone());
        err.type_name = exceptions::display_name(tx, stmpy_core::types::type_of(&ev))?;
        err.message = ops::str_of(vm, tx, &ev)?;
        err.traceback = exceptions::format_exception(vm, tx, e)?;
        Ok(Value::None)
    });
    err
}

/// Containers nested deeper than this convert to [`HostValue::Other`] (cycles too).
const MAX_DEPTH: usize = 64;

fn convert(
    vm: &mut Vm,
    tx: &stmpy_core::stm::Tx,
    v: &Value,
    depth: usize,
) -> stmpy_core::error::PyResult<HostValue> {
    Ok(match v {
        Value::None => HostValue::None,
        Value::Bool(b) => HostValue::Bool(*b),
        Value::Int(i) => HostValue::Int(*i),
        Value::Float(f) => HostValue::Float(*f),
        Value::Obj(o) => {
            if let Some(s) = v.payload_str() {
                return Ok(HostValue::Str(s.to_string()));
            }
            if depth >= MAX_DEPTH {
                return Ok(HostValue::Other(ops::repr(vm, tx, v)?));
            }
            match &o.payload {
                Payload::List(cell) => {
                    let items: Vec<Value> = tx.view(cell, |v| v.iter().cloned().collect())?;
                    let mut out = Vec::with_capacity(items.len());
                    for x in &items {
                        out.push(convert(vm, tx, x, depth + 1)?);
                    }
                    HostValue::List(out)
                }
                Payload::Tuple(items) => {
                    let mut out = Vec::with_capacity(items.len());
                    for x in items.iter() {
                        out.push(convert(vm, tx, x, depth + 1)?);
                    }
                    HostValue::Tuple(out)
                }
                Payload::Dict(cell) => {
                    let items: Vec<(Value, Value)> = tx.view(cell, |d| {
                        d.iter().map(|e| (e.key.clone(), e.value.clone())).collect()
                    })?;
                    let mut out = Vec::with_capacity(items.len());
                    for (k, x) in &items {
                        out.push((
                            convert(vm, tx, k, depth + 1)?,
                            convert(vm, tx, x, depth + 1)?,
                        ));
                    }
                    HostValue::Dict(out)
                }
                _ => HostValue::Other(ops::repr(vm, tx, v)?),
            }
        }
    })
}
