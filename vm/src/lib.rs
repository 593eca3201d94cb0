//! stmpy-vm: front end, compiler, evaluation loop, builtins, modules, threads, embedding.
//!
//! Embedding: [`embed::Runtime`] for hosts running Python from many threads;
//! [`Interpreter::new`], [`Interpreter::run_source`], [`Interpreter::run_file`] to run scripts.
//! Each returns the process exit status CPython would give (0, 1 for an uncaught
//! exception, `sys.exit(n)`), having printed output and tracebacks.
pub use stmpy_core as core;

mod attr_cache;
pub mod builtins;
pub mod bytecode;
pub mod call;
pub mod cli;
pub mod compiler;
pub mod embed;
pub mod eval;
mod eval_ops;
pub mod exceptions;
pub mod frontend;
mod global_cache;
pub mod import;
pub mod iter;
pub mod modules;
pub mod ops;
pub mod os_error;
mod repl;
pub mod stdlib;
pub mod subclass;
pub mod threads;
pub mod vm;

use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind};
use stmpy_core::stm::{StmError, TVar, Tx, TxMode};
use stmpy_core::types::{ExcKind, types};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::call::StrValue;
use crate::eval::Exit;
use crate::vm::{Frame, LoadedCode, Shared, Vm};

/// One interpreter: shared state plus the main thread's state.
pub struct Interpreter {
    pub vm: Vm,
}

impl Interpreter {
    /// A fresh interpreter; `argv` becomes `sys.argv` and `argv[0]`'s directory the
    /// first `sys.path` entry.
    pub fn new(argv: Vec<String>) -> Interpreter {
        builtins::install_methods();
        let script_dir = argv
            .first()
            .filter(|a| a.ends_with(".py"))
            .map(|a| {
                let p = std::path::Path::new(a)
                    .parent()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let p = if p.is_empty() { ".".to_string() } else { p };
                // CPython puts the script's directory on sys.path as an absolute path.
                std::fs::canonicalize(&p)
                    .map(|a| a.to_string_lossy().into_owned())
                    .unwrap_or(p)
            })
            .unwrap_or_else(|| ".".to_string());
        let builtins = ObjRef::new(Payload::Dict(TVar::new(builtins_dict())));
        let modules = ObjRef::new(Payload::Dict(TVar::new(DictData::new())));
        let path = ObjRef::new(Payload::List(TVar::new(
            vec![Value::str(&script_dir)].into(),
        )));
        let shared = Arc::new(Shared {
            builtins,
            modules,
            path,
            argv,
            sources: Mutex::new(HashMap::new()),
            recursion_limit: AtomicUsize::new(1000),
            sys_module: Mutex::new(None),
        });
        let mut vm = Vm::new(shared);
        // Register `builtins` and `sys` in sys.modules.
        let _ = run_in_tx(&mut vm, |vm, tx| {
            let (bm, _) = import::new_module("builtins", None);
            if let Value::Obj(o) = &bm
                && let Payload::Module(m) = &o.payload
            {
                // The builtins module's namespace is the builtins dict itself.
                let bm2 = Value::Obj(ObjRef::new(Payload::Module(stmpy_core::value::Module {
                    name: m.name.clone(),
                    dict: vm.shared.builtins.clone(),
                })));
                builtins::dict_set_str(tx, &vm.shared.modules, Value::str("builtins"), bm2)?;
            }
            import::import_module(vm, tx, "sys")?;
            Ok(Value::None)
        });
        Interpreter { vm }
    }

    /// Runs a script file as `__main__`; returns the exit status.
    pub fn run_file(&mut self, path: &str) -> i32 {
        match std::fs::read_to_string(path) {
            Ok(src) => {
                // CPython names the main script by its absolute path (tracebacks, __file__).
                let abs = std::path::absolute(path)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or(path.to_string());
                self.run_source(&src, &abs)
            }
            Err(e) => {
                let msg = match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                    _ => e.to_string(),
                };
                let abs = std::fs::canonicalize(path)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| {
                        std::env::current_dir()
                            .map(|d| d.join(path).to_string_lossy().into_owned())
                            .unwrap_or(path.to_string())
                    });
                eprintln!("stmpy: can't open file '{abs}': [Errno 2] {msg}");
                2
            }
        }
    }

    /// Runs source text as the `__main__` module; returns the exit status.
    pub fn run_source(&mut self, src: &str, filename: &str) -> i32 {
        let vm = &mut self.vm;
        if let Ok(mut s) = vm.shared.sources.lock() {
            s.insert(filename.to_string(), Arc::from(src));
        }
        let code = match compiler::compile(src, filename, compiler::Mode::Module) {
            Ok(c) => c,
            Err(info) => {
                let r = run_in_tx(vm, |vm, tx| {
                    let e = syntax_error_object(vm, tx, &info)?;
                    Err(Unwind::Exc(e))
                });
                return finish(vm, r);
            }
        };
        let r = run_main(vm, code, filename);
        let status = finish(vm, r);
        // Like CPython: the main thread's traceback first, then wait for the others,
        // then the atexit handlers.
        threads::wait_for_threads();
        run_atexit(vm);
        status
    }
}

/// Compiles for `import`, turning a syntax error into a raised SyntaxError.
pub fn compile_or_raise(
    vm: &mut Vm,
    tx: &Tx,
    src: &str,
    filename: &str,
) -> PyResult<Arc<bytecode::CodeObject>> {
    if let Ok(mut s) = vm.shared.sources.lock() {
        s.insert(filename.to_string(), Arc::from(src));
    }
    match compiler::compile(src, filename, compiler::Mode::Module) {
        Ok(c) => Ok(c),
        Err(info) => Err(Unwind::Exc(syntax_error_object(vm, tx, &info)?)),
    }
}

pub(crate) fn syntax_error_object(
    vm: &mut Vm,
    tx: &Tx,
    info: &frontend::SyntaxErrorInfo,
) -> PyResult<ObjRef> {
    let kind = match info.kind {
        frontend::SyntaxErrorKind::SyntaxError => ExcKind::SyntaxError,
        frontend::SyntaxErrorKind::IndentationError => ExcKind::IndentationError,
        frontend::SyntaxErrorKind::TabError => ExcKind::TabError,
    };
    let e = stmpy_core::error::new_exception(types().exc(kind), vec![Value::str(&info.message)]);
    let ev = Value::Obj(e.clone());
    let set = |vm: &mut Vm, n: &str, v: Value| ops::setattr(vm, tx, &ev, &Value::str(n), v);
    set(vm, "msg", Value::str(&info.message))?;
    set(vm, "filename", Value::str(&info.filename))?;
    set(vm, "lineno", Value::Int(info.lineno as i64))?;
    set(vm, "offset", Value::Int(info.offset as i64))?;
    set(vm, "end_lineno", Value::Int(info.end_lineno as i64))?;
    set(vm, "end_offset", Value::Int(info.end_offset as i64))?;
    set(
        vm,
        "text",
        info.text.as_deref().map(Value::str).unwrap_or_default(),
    )?;
    Ok(e)
}

/// Runs `f` in its own transaction (commit, then flush output).
pub fn run_in_tx(
    vm: &mut Vm,
    mut f: impl FnMut(&mut Vm, &Tx) -> PyResult<Value>,
) -> PyResult<Value> {
    loop {
        let tx = Tx::begin(TxMode::Inevitable);
        match f(vm, &tx) {
            Err(Unwind::Stm(StmError::Conflict)) => {
                tx.abort();
                vm.out.stdout.clear();
                vm.out.stderr.clear();
                continue;
            }
            Err(Unwind::Stm(StmError::Retry)) => {
                tx.abort_and_wait();
                vm.out.stdout.clear();
                vm.out.stderr.clear();
                continue;
            }
            r => {
                if threads::commit(vm, tx).is_err() {
                    threads::rolled_back(vm);
                    continue;
                }
                return r;
            }
        }
    }
}

fn run_main(vm: &mut Vm, code: Arc<bytecode::CodeObject>, filename: &str) -> PyResult<Value> {
    let globals = run_in_tx(vm, |vm, tx| {
        let (m, dict) = import::new_module("__main__", Some(filename));
        builtins::dict_set_str(
            tx,
            &dict,
            Value::str("__builtins__"),
            Value::Obj(vm.shared.builtins.clone()),
        )?;
        builtins::dict_set_str(tx, &vm.shared.modules, Value::str("__main__"), m)?;
        Ok(Value::Obj(dict))
    })?;
    let Value::Obj(globals) = globals else {
        return Ok(Value::None);
    };
    let frame = Frame::new(LoadedCode::load(code), globals.clone(), Some(globals));
    vm.run_toplevel(frame)
}

impl Vm {
    /// Runs a frame as the bottom of this thread's stack, as a sequence of transactions
    /// that end at boundaries (see `eval.rs`). On a conflict, the thread's state rolls
    /// back to the transaction's start and the transaction re-runs.
    pub fn run_toplevel(&mut self, frame: Frame) -> PyResult<Value> {
        let mut frame = Box::new(frame);
        let base = self.frames.len();
        self.depth += 1;
        let result = loop {
            // The solo fast path while one Python thread runs, optimistic while several
            // do (`threads::tx_mode`); a snapshot wherever the transaction may roll back.
            let mode = threads::tx_mode();
            let snapshot = threads::wants_snapshot(mode).then(|| {
                (
                    frame.clone(),
                    self.frames.clone(),
                    self.depth,
                    self.handled.clone(),
                )
            });
            // Without a snapshot this transaction is never rolled back (nothing could
            // re-run it): tell the engine, which then updates objects in place when
            // alone instead of copying each one the transaction first writes.
            let tx = if snapshot.is_none() && mode == TxMode::Inevitable {
                Tx::begin_unlogged()
            } else {
                Tx::begin(mode)
            };
            self.budget = self.budget_size;
            threads::on_begin(self);
            let started = threads::report::begin(&tx, &frame);
            self.tx_count += 1;
            let r = self.execute(&tx, &mut frame, base, true);
            let stm_err = match r {
                Err(Unwind::Stm(e)) => Some(e),
                _ => None,
            };
            match stm_err {
                None => {
                    threads::report::ending(&tx, &frame);
                    if threads::commit(self, tx).is_ok() {
                        threads::report::committed(started);
                        match r {
                            Ok(Exit::Boundary) => {
                                threads::collect_cycles_if_wanted();
                                continue;
                            }
                            Ok(Exit::Return(v)) | Ok(Exit::Yield(v)) => break Ok(v),
                            Err(e) => break Err(e),
                        }
                    }
                }
                Some(StmError::Retry) => threads::abort_and_wait(tx),
                Some(StmError::Conflict) => tx.abort(),
            }
            // Roll back this thread's own state and re-run the transaction.
            threads::report::aborted(self, &frame, started, stm_err == Some(StmError::Retry));
            threads::rolled_back(self);
            if stm_err != Some(StmError::Retry) {
                self.budget_size = (self.budget_size / 2).max(100);
            }
            if let Some((f, frames, depth, handled)) = snapshot {
                frame = f;
                self.frames = frames;
                self.depth = depth;
                self.handled = handled;
            }
        };
        self.depth -= 1;
        result
    }
}

/// Runs `atexit`'s handlers if the program imported it.
fn run_atexit(vm: &mut Vm) {
    let modules = vm.shared.modules.clone();
    let _ = run_in_tx(vm, |vm, tx| {
        let Some(m) = crate::builtins::mapping_get(vm, tx, &modules, &Value::str("atexit"))? else {
            return Ok(Value::None);
        };
        let f = ops::getattr(vm, tx, &m, &Value::str("_run_exitfuncs"))?;
        vm.call(tx, &f, &[], &[])
    });
    vm.flush_output();
}

/// Prints an uncaught exception like CPython and returns the exit status.
pub(crate) fn finish(vm: &mut Vm, r: PyResult<Value>) -> i32 {
    let exc = match r {
        Ok(_) => return 0,
        Err(Unwind::Exc(e)) => e,
        Err(Unwind::Stm(_)) => return 1,
    };
    let status = run_in_tx(vm, |vm, tx| {
        if ops::isinstance(&Value::Obj(exc.clone()), types().exc(ExcKind::SystemExit)) {
            let code = exceptions::exc_attr(tx, &exc, "code")?.unwrap_or_default();
            return Ok(match code {
                Value::None => Value::Int(0),
                Value::Int(i) => Value::Int(i & 0xff),
                Value::Bool(b) => Value::Int(b as i64),
                other => {
                    let s = ops::str_of(vm, tx, &other)?;
                    vm.out.stderr.extend_from_slice(s.as_bytes());
                    vm.out.stderr.push(b'\n');
                    Value::Int(1)
                }
            });
        }
        let text = exceptions::format_exception(vm, tx, &exc)?;
        vm.out.stderr.extend_from_slice(text.as_bytes());
        Ok(Value::Int(1))
    });
    match status {
        Ok(Value::Int(i)) => i as i32,
        _ => 1,
    }
}

/// The builtins namespace: functions, types, exceptions, constants.
fn builtins_dict() -> DictData {
    let t = types();
    let mut d = DictData::new();
    let mut put = |name: &str, v: Value| {
        d.insert_str(Value::str(name), stmpy_core::str::str_hash(name), v);
    };
    for (name, f) in builtins::funcs::FUNCTIONS {
        put(name, call::native_value(name, *f));
    }
    let tys: [(&str, &ObjRef); 20] = [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("tuple", &t.tuple),
        ("list", &t.list),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("bytearray", &t.bytearray),
        ("complex", &t.complex),
    ];
    for (name, ty) in tys {
        put(name, Value::Obj(ty.clone()));
    }
    put(
        "memoryview",
        Value::Obj(builtins::memoryview::memoryview_type().clone()),
    );
    put(
        "BaseException",
        Value::Obj(t.exc(ExcKind::BaseException).clone()),
    );
    for (kind, name, _) in ExcKind::ALL {
        put(name, Value::Obj(t.exc(*kind).clone()));
    }
    put(
        "EnvironmentError",
        Value::Obj(t.exc(ExcKind::OSError).clone()),
    );
    put("IOError", Value::Obj(t.exc(ExcKind::OSError).clone()));
    put("NotImplemented", Value::Obj(t.not_implemented.clone()));
    put("Ellipsis", Value::Obj(t.ellipsis.clone()));
    put("__name__", Value::str("builtins"));
    put("__debug__", Value::Bool(true));
    d
}

/// Convenience for hosts: the str of a value.
pub fn value_str(v: &Value) -> Option<&str> {
    v.payload_str()
}
