//! Per-thread interpreter state (`Vm`), the state shared by all threads (`Shared`),
//! frames and loaded code objects.
//!
//! A `Vm` belongs to one OS thread. Its Python frames live in `frames` (callers) plus the
//! frame the eval loop is running; Python→Python calls push onto `frames` instead of
//! recursing on the Rust stack. Native code that calls back into Python (sorted's key,
//! `__eq__` from a dict lookup, `__init__`) runs a nested eval loop and raises
//! `native_depth`; transaction boundaries happen only at native depth 0.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::str::PyStr;
use stmpy_core::types::ExcKind;
use stmpy_core::value::{Function, ObjRef, Payload, Value};

use crate::bytecode::{CodeObject, Constant};

/// A code object with its constants and names converted to Python values (once, at load).
pub struct LoadedCode {
    pub code: Arc<CodeObject>,
    pub consts: Vec<Value>,
    /// `names` as str values (hash cached): attribute and global names.
    pub names: Vec<Value>,
    /// `varnames` as str values (keyword-argument binding, `locals()`).
    pub varnames: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
}

/// A handle on loaded code. A `Shared` (not an `Arc`) so that the code of an immortal
/// function is immortal too: every call clones its frame's code handle, and a call of
/// a module-level function then writes no count (see `op_make_function`).
pub type CodeRef = stmpy_core::stm::Shared<LoadedCode>;

impl LoadedCode {
    pub fn load(code: Arc<CodeObject>) -> CodeRef {
        let consts = code.constants.iter().map(constant_value).collect();
        let strs = |v: &[String]| v.iter().map(|s| stmpy_core::intern::intern(s)).collect();
        CodeRef::new(LoadedCode {
            consts,
            names: strs(&code.names),
            varnames: strs(&code.varnames),
            name: Value::str(&code.name),
            qualname: Value::str(&code.qualname),
            code,
        })
    }
}

/// The class of code objects (`type(f.__code__)`).
pub fn code_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("code"))
}

pub fn code_value(code: CodeRef) -> Value {
    Value::Obj(ObjRef::new(Payload::Opaque(
        code_type().clone(),
        Box::new(code),
    )))
}

pub fn as_code(v: &Value) -> Option<&CodeRef> {
    match v.payload() {
        Some(Payload::Opaque(_, data)) => data.downcast_ref::<CodeRef>(),
        _ => None,
    }
}

fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::complex(*real, *imag),
        Constant::Str(s) if stmpy_core::intern::interns_constant(s) => {
            stmpy_core::intern::intern(s)
        }
        Constant::Str(s) => Value::Obj(ObjRef::new(Payload::Str(PyStr::new(s)))),
        Constant::Bytes(b) => Value::bytes(b.to_vec()),
        Constant::Tuple(items) => Value::tuple(items.iter().map(constant_value).collect()),
        Constant::FrozenSet(items) => {
            let mut d = DictData::new();
            for it in items.iter() {
                let v = constant_value(it);
                if let Some(h) = crate::ops::hash_simple(&v) {
                    let mut eq = |a: &Value, b: &Value| {
                        Ok::<bool, ()>(crate::ops::simple_eq(a, b).unwrap_or(false))
                    };
                    let _ = d.insert(h, v, Value::None, &mut eq);
                }
            }
            Value::frozenset(d)
        }
        Constant::Ellipsis => Value::Obj(stmpy_core::types::types().ellipsis.clone()),
        Constant::Code(code) => code_value(LoadedCode::load(code.clone())),
    }
}

/// An iterator living privately on a frame's value stack (for loops over list, tuple,
/// range, str): no heap object, no STM cell; rolled back with the frame snapshot.
#[derive(Clone)]
pub struct PrivIter {
    /// Stack position of the marker value this iterator belongs to.
    pub depth: usize,
    pub kind: PrivIterKind,
}

#[derive(Clone)]
pub enum PrivIterKind {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// list: re-read each step (the loop body may mutate it).
    List {
        list: ObjRef,
        index: usize,
    },
    Tuple {
        tuple: ObjRef,
        index: usize,
    },
}

/// One Python frame.
#[derive(Clone)]
pub struct Frame {
    pub code: CodeRef,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
    pub cells: Vec<ObjRef>,
    pub globals: ObjRef,
    /// The locals mapping of module and class bodies (`LoadName`/`StoreName`).
    pub locals: Option<ObjRef>,
    pub iters: Vec<PrivIter>,
    /// The function this frame runs, if any (zero-argument super, tracebacks).
    pub func: Option<ObjRef>,
    /// The last `GlobalSubscrStart` borrowed its global (pushed nothing).
    pub borrowed_global: bool,
}

impl Frame {
    pub fn new(code: CodeRef, globals: ObjRef, locals: Option<ObjRef>) -> Frame {
        let nfast = code.code.varnames.len();
        let ncell = code.code.cellvars.len();
        Frame {
            stack: Vec::with_capacity(code.code.max_stack_depth as usize + 2),
            fast: vec![None; nfast],
            cells: (0..ncell).map(|_| new_cell(None)).collect(),
            code,
            pc: 0,
            globals,
            locals,
            iters: Vec::new(),
            func: None,
            borrowed_global: false,
        }
    }
    /// A frame with no locals, cells or stack yet (see [`Frame::start`]).
    fn unstarted(code: CodeRef, globals: ObjRef) -> Box<Frame> {
        Box::new(Frame {
            code,
            pc: 0,
            stack: Vec::new(),
            fast: Vec::new(),
            cells: Vec::new(),
            globals,
            locals: None,
            iters: Vec::new(),
            func: None,
            borrowed_global: false,
        })
    }

    /// Readies an unstarted or recycled frame (no locals, cells or stack) to run its code
    /// from the start, with `args` bound to the first locals.
    #[inline(always)]
    fn start(&mut self, args: &[Value]) {
        debug_assert!(self.fast.is_empty() && self.cells.is_empty() && self.stack.is_empty());
        let c = &self.code.code;
        let (nfast, ncells) = (c.varnames.len(), c.cellvars.len());
        self.stack.reserve(c.max_stack_depth as usize + 2);
        self.fast.reserve(nfast);
        self.fast.extend(
            args[..args.len().min(nfast)]
                .iter()
                .map(|a| Some(a.clone())),
        );
        self.fast.resize(nfast, None);
        if ncells != 0 {
            self.cells.extend((0..ncells).map(|_| new_cell(None)));
        }
        self.pc = 0;
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        // The compiler's stack discipline guarantees a value; None keeps a bug from
        // becoming a panic.
        self.stack.pop().unwrap_or_default()
    }
    #[inline]
    pub fn top(&self) -> &Value {
        static NONE: Value = Value::None;
        self.stack.last().unwrap_or(&NONE)
    }
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }
    pub fn line(&self) -> u32 {
        self.code.code.line_of(self.pc.saturating_sub(1) as u32)
    }
}

/// A closure cell. Empty cells hold the `UNBOUND` marker.
pub fn new_cell(v: Option<Value>) -> ObjRef {
    ObjRef::new(Payload::Cell(TVar::new(
        v.unwrap_or_else(|| Value::Obj(unbound_marker().clone())),
    )))
}

/// Marker for "no value" inside cells and for the `null` of LoadMethod.
pub fn unbound_marker() -> &'static ObjRef {
    static M: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    M.get_or_init(|| crate::builtins::make_instance_of(&stmpy_core::types::types().object))
}

#[inline]
pub fn is_marker(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.is(unbound_marker()))
}

/// State shared by every thread of one interpreter.
pub struct Shared {
    pub builtins: ObjRef,
    /// `sys.modules` (a dict object).
    pub modules: ObjRef,
    /// `sys.path` (a list object).
    pub path: ObjRef,
    pub argv: Vec<String>,
    /// Source text of loaded files, for traceback lines.
    pub sources: Mutex<HashMap<String, Arc<str>>>,
    pub recursion_limit: AtomicUsize,
    /// Main-module name for the running script's globals.
    pub sys_module: Mutex<Option<ObjRef>>,
}

impl Shared {
    /// The `__main__` module's globals (for `__import__` without globals).
    pub fn main_globals(&self, tx: &Tx) -> PyResult<ObjRef> {
        if let Payload::Dict(d) = &self.modules.payload
            && let Some(Value::Obj(m)) = tx
                .read(d)?
                .get_str("__main__", stmpy_core::str::str_hash("__main__"))
            && let Payload::Module(m) = &m.payload
        {
            return Ok(m.dict.clone());
        }
        Ok(self.builtins.clone())
    }

    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed)
    }
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let sources = self.sources.lock().ok()?;
        let src = sources.get(filename)?;
        src.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(|l| l.to_string())
    }
}

/// Buffered output of the running transaction: written out only after commit, so a
/// re-executed transaction never prints twice.
#[derive(Default)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// `-u` / interactive: flush at every boundary regardless of size.
    pub unbuffered: bool,
}

/// Per-thread interpreter state.
pub struct Vm {
    pub shared: Arc<Shared>,
    /// Frames of callers of the running frame, outermost first. Boxed, so a call or a
    /// return moves a pointer, not the frame.
    pub frames: Vec<Box<Frame>>,
    /// Python call depth (all nested loops together), for RecursionError.
    pub depth: usize,
    /// How many native frames (Rust code calling back into Python) are active.
    pub native_depth: u32,
    /// The exception being handled (`sys.exc_info()`), None when none.
    pub handled: Value,
    pub out: Output,
    /// Bytecodes left before the next transaction boundary.
    pub budget: i64,
    /// Budget a fresh transaction starts with (adaptive: shrinks after aborts).
    pub budget_size: i64,
    pub tx_count: u64,
    /// Set by `Reraise`/bare `raise`: the unwinding exception gets no new traceback entry.
    pub reraising: bool,
    /// Objects whose repr is in progress (recursive containers print as `[...]`).
    pub repr_guard: Vec<usize>,
    /// The caller of a frame-aware builtin (`globals()`, `super()`...), set just before.
    pub caller: Option<crate::builtins::funcs::CallerInfo>,
    /// Finished frames, with their vectors' capacity, reused by new frames (a call then
    /// allocates nothing). Boxed: a frame moves in and out as a pointer.
    #[allow(clippy::vec_box)]
    pool_frames: Vec<Box<Frame>>,
    /// Nesting of native calls (see `Vm::call`).
    pub native_calls: u32,
    /// Remembered MRO lookups of the attribute paths (see `attr_cache.rs`).
    pub attr_cache: crate::attr_cache::AttrCache,
    /// Remembered global-name lookups (see `global_cache.rs`).
    global_cache: crate::global_cache::GlobalCache,
}

pub const DEFAULT_BUDGET: i64 = 20_000;
/// Pooled frames `Vm::function_frame` looks through for one that last ran the function.
const POOL_SEARCH: usize = 4;

impl Vm {
    pub fn new(shared: Arc<Shared>) -> Vm {
        Vm {
            shared,
            frames: Vec::new(),
            depth: 0,
            native_depth: 0,
            handled: Value::None,
            out: Output::default(),
            budget: DEFAULT_BUDGET,
            budget_size: DEFAULT_BUDGET,
            tx_count: 0,
            reraising: false,
            repr_guard: Vec::new(),
            caller: None,
            pool_frames: Vec::new(),
            native_calls: 0,
            attr_cache: Default::default(),
            global_cache: Default::default(),
        }
    }

    /// A new frame, reusing a pooled one, its first locals set to `args` (at most as
    /// many as it has locals).
    pub fn new_frame(
        &mut self,
        code: CodeRef,
        globals: ObjRef,
        locals: Option<ObjRef>,
        args: &[Value],
    ) -> Box<Frame> {
        let mut f = match self.pool_frames.pop() {
            Some(f) => f,
            None => Frame::unstarted(code.clone(), globals.clone()),
        };
        f.code = code;
        f.globals = globals;
        f.locals = locals;
        f.func = None;
        f.start(args);
        f
    }

    /// A frame for a call of the Python function `fobj` (`func` is its payload), with
    /// `args` bound to the first parameters. A frame from the pool that last ran the same
    /// function keeps its code, globals and function references: a hot call site pays
    /// no reference-count traffic for them (atomic increments, shared between threads).
    pub fn function_frame(&mut self, fobj: &ObjRef, func: &Function, args: &[Value]) -> Box<Frame> {
        // A pooled frame that last ran this function needs no set-up: look a few deep
        // (calls alternate between a few functions, so the top one often last ran
        // another).
        let n = self.pool_frames.len();
        if let Some(i) = (n.saturating_sub(POOL_SEARCH)..n).rev().find(|&i| {
            self.pool_frames[i]
                .func
                .as_ref()
                .is_some_and(|g| g.is(fobj))
        }) {
            let mut f = self.pool_frames.swap_remove(i);
            f.locals = None;
            f.start(args);
            return f;
        }
        let mut f = match self.pool_frames.pop() {
            Some(f) if f.func.as_ref().is_some_and(|g| g.is(fobj)) => f,
            Some(mut f) => {
                f.code = crate::call::func_code(func);
                f.globals = func.globals.clone();
                f.func = Some(fobj.clone());
                f
            }
            None => {
                let mut f = Frame::unstarted(crate::call::func_code(func), func.globals.clone());
                f.func = Some(fobj.clone());
                f
            }
        };
        f.locals = None;
        f.start(args);
        f
    }

    /// Returns a finished frame to the pool. Values it holds are dropped now (objects
    /// die when CPython frees them); code, globals and function stay until the frame is
    /// reused (see [`Vm::function_frame`]).
    #[inline]
    pub fn recycle(&mut self, mut frame: Box<Frame>) {
        if self.pool_frames.len() < 64 {
            frame.stack.clear();
            frame.fast.clear();
            frame.cells.clear();
            frame.iters.clear();
            frame.locals = None;
            self.pool_frames.push(frame);
        }
    }

    /// Writes buffered output to the real streams (called after a commit).
    pub fn flush_output(&mut self) {
        use std::io::Write;
        if !self.out.stdout.is_empty() {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(&self.out.stdout);
            let _ = o.flush();
            self.out.stdout.clear();
        }
        if !self.out.stderr.is_empty() {
            let mut e = std::io::stderr().lock();
            let _ = e.write_all(&self.out.stderr);
            let _ = e.flush();
            self.out.stderr.clear();
        }
    }

    pub fn check_recursion(&self) -> PyResult<()> {
        if self.depth >= self.shared.recursion_limit() {
            return Err(Unwind::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// Reads a global name (a str): globals, then builtins, through the thread's
    /// global-name cache.
    /// `f` on the global `name` borrowed in place (see `GlobalCache::with_value`).
    pub fn with_global<R>(
        &mut self,
        tx: &Tx,
        globals: &ObjRef,
        name: &Value,
        f: impl FnOnce(&Value) -> R,
    ) -> PyResult<Option<R>> {
        match name {
            Value::Obj(n) => self
                .global_cache
                .with_value(tx, globals, &self.shared.builtins, n, f),
            _ => Ok(None),
        }
    }

    pub fn load_global(
        &mut self,
        tx: &Tx,
        globals: &ObjRef,
        name: &Value,
    ) -> PyResult<Option<Value>> {
        match name {
            Value::Obj(n) => self
                .global_cache
                .lookup(tx, globals, &self.shared.builtins, n),
            _ => Ok(None),
        }
    }
}
