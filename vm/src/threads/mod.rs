//! Python threads without a GIL: the `_thread`, `threading`, `queue` and `stm` modules
//! and the machinery behind them.
//!
//! **One OS thread per Python thread**, each with its own [`Vm`] sharing the
//! interpreter's [`Shared`]. Every thread runs its bytecode as a sequence of
//! transactions (driver: `Vm::run_toplevel` in `lib.rs`). While one Python thread runs,
//! transactions are inevitable (the engine's solo fast path, no logging); while more than
//! one runs they are optimistic, and the thread's own state (frames, stacks) is restored
//! from a snapshot when one aborts. See [`tx_mode`] and [`wants_snapshot`].
//!
//! **Effects that must not repeat** are deferred to the commit ([`Deferred`]): starting
//! an OS thread, sleeping. A native that needs its effect before the next bytecode asks
//! for a boundary right after it returns ([`request_boundary`]): the eval loop ends the
//! transaction there, the driver commits, then runs the deferred actions
//! ([`commit`]). Buffered output is written under one lock held across the commit, so
//! output appears in commit order (a thread that saw another's effect prints after it).
//!
//! **Waiting** is built on the STM's `retry`, not on OS mutexes: a lock, event or queue
//! that is not ready calls `_thread._block(deadline)`, which aborts the transaction and
//! parks the thread until a cell it read changes ([`block`]). Timeouts: the waiter also
//! reads a fresh cell that the timer service ([`timer`]) writes at the deadline. The
//! Python side fixes the deadline with a boundary (`_thread._boundary()`) before waiting,
//! because a retry re-runs the transaction from its start.
//!
//! **`stm.atomic`** keeps the thread's bytecode budget out of reach while the block runs,
//! so no boundary happens inside it: the block is part of one transaction.

mod natives;
pub mod report;
pub mod sites;
mod timer;

pub use natives::{QUEUE, STM, THREAD, THREADING};

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use stmpy_core::error::{PyResult, Unwind};
use stmpy_core::stm::{StmResult, Tx, TxMode};
use stmpy_core::types::ExcKind;
use stmpy_core::value::{ObjRef, Value};

use crate::vm::{CodeRef, Frame, LoadedCode, Shared, Vm};

/// Python threads running now (the main thread counts from the start).
static RUNNING: AtomicUsize = AtomicUsize::new(1);
/// Threads whose Python work is over but that have not finished their clean-up (their
/// objects, registry of tracked objects and retired values are still theirs).
static EXITING: AtomicUsize = AtomicUsize::new(0);
/// Set once a module that can block or start threads is imported: from then on the
/// driver keeps a rollback snapshot even for inevitable transactions (they may `retry`).
static CONCURRENT: AtomicBool = AtomicBool::new(false);
/// `STMPY_FORCE_OPTIMISTIC=1`: optimistic transactions even with one thread (to measure
/// the STM tax against the solo fast path).
static FORCE_OPTIMISTIC: OnceLock<bool> = OnceLock::new();
/// Held across commit + flush by transactions that print, so output follows commit order.
static OUTPUT_ORDER: Mutex<()> = Mutex::new(());
/// OS handles of non-daemon threads: the process waits for them at exit.
static NON_DAEMON: Mutex<Vec<std::thread::JoinHandle<()>>> = Mutex::new(Vec::new());
/// Source of thread identifiers (`get_ident()`); the main thread takes the first.
static NEXT_IDENT: AtomicU64 = AtomicU64::new(1);

/// Budget while inside `stm.atomic`: never reaches 0, so no boundary happens.
const ATOMIC_BUDGET: i64 = i64::MAX / 4;
/// Budget set by entering an outermost `stm.atomic` where a boundary can follow: the
/// eval loop ends the transaction right after the `with` entry when it sees this exact
/// value, so the block starts a transaction of its own. Any instruction run before that
/// check moves the budget off the sentinel (still huge): no boundary inside the block.
pub const ATOMIC_SPLIT: i64 = ATOMIC_BUDGET + 1;
/// Stack of each Python thread's OS thread (native code calling back into Python nests
/// Rust frames; the memory is only reserved).
const THREAD_STACK: usize = 256 << 20;

/// An effect that runs once, after the transaction that asked for it commits.
pub enum Deferred {
    Spawn(Spawn),
    Sleep(Duration),
}

/// A thread to start: `func(*args, **kwargs)` with the given identifier.
pub struct Spawn {
    pub func: Value,
    pub args: Value,
    pub kwargs: Value,
    pub ident: u64,
    pub daemon: bool,
}

/// Per-OS-thread state of this module (kept out of `Vm` so the runtime's struct stays
/// as it is; one Python thread per OS thread).
#[derive(Default)]
struct Local {
    deferred: Vec<Deferred>,
    /// Nesting of `stm.atomic` blocks.
    atomic_depth: u32,
    /// `atomic_depth` when the running transaction began (restored on rollback).
    atomic_at_begin: u32,
    /// Budget to restore when the outermost atomic block ends.
    saved_budget: i64,
    ident: u64,
    /// The running transaction was already lengthened by `hold_lock` (once only, or a
    /// loop that takes a lock every turn would never reach a boundary).
    held: bool,
    /// Counted in `EXITING` (once, however often the marking transaction re-runs).
    exiting: bool,
}

thread_local! {
    static LOCAL: RefCell<Local> = RefCell::new(Local::default());
}

/// This thread's identifier (assigned on first use).
pub fn ident() -> u64 {
    LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        if l.ident == 0 {
            l.ident = NEXT_IDENT.fetch_add(1, Ordering::Relaxed);
        }
        l.ident
    })
}

/// This thread's Python work is over (see `EXITING`).
pub fn mark_exiting() {
    LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        if !l.exiting {
            l.exiting = true;
            EXITING.fetch_add(1, Ordering::SeqCst);
        }
    });
}

pub fn new_ident() -> u64 {
    NEXT_IDENT.fetch_add(1, Ordering::Relaxed)
}

/// Threads that can block or run in parallel may exist from now on.
pub fn enable_concurrency() {
    CONCURRENT.store(true, Ordering::Relaxed);
}

/// Counts a host (embedding) thread as a running Python thread while it runs Python, so
/// that concurrent host calls use optimistic transactions.
pub struct RunningGuard(());

impl RunningGuard {
    pub fn enter() -> RunningGuard {
        RUNNING.fetch_add(1, Ordering::SeqCst);
        RunningGuard(())
    }
}

impl Drop for RunningGuard {
    fn drop(&mut self) {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
    }
}

pub fn running_threads() -> usize {
    RUNNING.load(Ordering::Relaxed)
}

/// Runs a cycle collection in `tx` if no other thread can run bytecode meanwhile: no
/// other thread runs Python (others are parked or asleep between transactions) and
/// `tx` runs the engine's solo mode, so none can begin a transaction before it ends.
/// Other threads then only clone and drop handles they hold, which makes the collector
/// keep more, never free what is reachable (see `stmpy_core::gc`).
pub fn collect_cycles(tx: &Tx) -> StmResult<Option<usize>> {
    if RUNNING.load(Ordering::SeqCst) != 1 || !tx.is_solo() {
        return Ok(None);
    }
    stmpy_core::gc::collect(tx).map(Some)
}

/// Longest a collection waits for finished threads to clean up.
const EXIT_WAIT: Duration = Duration::from_millis(500);

/// At a boundary of the top-level driver: a collection in a transaction of its own
/// (committed at once, so the garbage is freed before Python code runs again). Threads
/// whose Python work is over (a `join` just returned) are given a moment to hand over
/// their objects first, so that `join(); gc.collect()` sees what they left behind.
pub fn collect_cycles_if_wanted() {
    if !stmpy_core::gc::wanted() {
        return;
    }
    let start = std::time::Instant::now();
    while EXITING.load(Ordering::SeqCst) > 0
        && RUNNING.load(Ordering::SeqCst) == 1 + EXITING.load(Ordering::SeqCst)
        && start.elapsed() < EXIT_WAIT
    {
        std::thread::sleep(Duration::from_micros(200));
    }
    if RUNNING.load(Ordering::SeqCst) != 1 {
        return;
    }
    // Old cell versions and dropped cells hold handles too (they count as references
    // from outside): release them first.
    stmpy_core::stm::reclaim_now();
    let tx = Tx::begin(TxMode::Inevitable);
    match collect_cycles(&tx) {
        Ok(_) => {
            let _ = tx.commit();
        }
        Err(_) => tx.abort(),
    }
}

fn force_optimistic() -> bool {
    *FORCE_OPTIMISTIC.get_or_init(|| {
        std::env::var("STMPY_FORCE_OPTIMISTIC").is_ok_and(|v| !v.is_empty() && v != "0")
    })
}

/// The mode of the next top-level transaction: the solo fast path while one Python
/// thread runs, optimistic while several do. The switch is safe in both directions:
/// a thread registering with the engine waits for a solo inevitable transaction to end,
/// and an inevitable transaction beside optimistic ones runs in the engine's tracked mode.
#[inline]
pub fn tx_mode() -> TxMode {
    if RUNNING.load(Ordering::Relaxed) > 1 || force_optimistic() {
        TxMode::Optimistic
    } else {
        TxMode::Inevitable
    }
}

/// Whether the driver must snapshot the thread's state: an optimistic transaction may
/// abort, and once blocking primitives exist any transaction may `retry`.
#[inline]
pub fn wants_snapshot(mode: TxMode) -> bool {
    mode == TxMode::Optimistic || CONCURRENT.load(Ordering::Relaxed)
}

/// Called by the driver when a top-level transaction begins (after it has set the
/// budget): a transaction that begins inside `stm.atomic` gets no boundary before the
/// block ends.
pub fn on_begin(vm: &mut Vm) {
    LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        l.atomic_at_begin = l.atomic_depth;
        l.held = false;
        if l.atomic_depth > 0 {
            l.saved_budget = vm.budget;
            vm.budget = ATOMIC_BUDGET;
        }
    });
}

/// Commits `tx`, writes its buffered output in commit order, then runs the actions it
/// deferred. On failure (the commit's validation) everything is rolled back and the
/// caller re-runs the transaction after [`rolled_back`].
pub fn commit(vm: &mut Vm, tx: Tx) -> StmResult<()> {
    let prints = !vm.out.stdout.is_empty() || !vm.out.stderr.is_empty();
    let guard = (prints && RUNNING.load(Ordering::Relaxed) > 1)
        .then(|| OUTPUT_ORDER.lock().unwrap_or_else(|p| p.into_inner()));
    tx.commit()?;
    vm.flush_output();
    drop(guard);
    if vm.budget_size < crate::vm::DEFAULT_BUDGET {
        // No abort this time: let transactions grow back towards the default length.
        vm.budget_size = (vm.budget_size + vm.budget_size / 4 + 1).min(crate::vm::DEFAULT_BUDGET);
    }
    run_deferred(vm);
    Ok(())
}

/// After a rollback: forget the transaction's output, deferred actions and atomic blocks.
pub fn rolled_back(vm: &mut Vm) {
    vm.out.stdout.clear();
    vm.out.stderr.clear();
    LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        l.deferred.clear();
        l.atomic_depth = l.atomic_at_begin;
    });
}

/// Runs the actions deferred by the transaction that just committed.
pub fn run_deferred(vm: &mut Vm) {
    let actions = LOCAL.with(|l| std::mem::take(&mut l.borrow_mut().deferred));
    for a in actions {
        match a {
            Deferred::Spawn(s) => spawn(vm.shared.clone(), s),
            Deferred::Sleep(d) => {
                // Not running transactions for a while: let a thread alone elsewhere use
                // the engine's solo fast path meanwhile.
                stmpy_core::stm::detach_thread();
                let _idle = Idle::new();
                std::thread::sleep(d);
            }
        }
    }
}

/// While alive, this thread does not count as running: a thread parked in a wait or
/// asleep runs no transaction, so one left alone elsewhere (a worker whose starter
/// waits in `join`) gets inevitable transactions (no read/write logging) instead of
/// optimistic ones.
struct Idle(());

impl Idle {
    fn new() -> Idle {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        Idle(())
    }
}

impl Drop for Idle {
    fn drop(&mut self) {
        RUNNING.fetch_add(1, Ordering::SeqCst);
    }
}

/// Rolls back a transaction that called `retry` and parks until a cell it read changes.
/// The thread does not count as running while it is parked: a thread left alone (a
/// worker whose starter waits in `join`) runs inevitable transactions meanwhile.
pub fn abort_and_wait(tx: Tx) {
    let _idle = Idle::new();
    tx.abort_and_wait();
}

pub fn defer(a: Deferred) {
    LOCAL.with(|l| l.borrow_mut().deferred.push(a));
}

/// Whether a boundary can follow the running native call: at native depth 0 (called by
/// the top-level eval loop) and outside `stm.atomic`.
pub fn boundary_possible(vm: &Vm) -> bool {
    vm.native_depth == 0 && LOCAL.with(|l| l.borrow().atomic_depth == 0)
}

/// Asks the eval loop to end the transaction as soon as the running native returns.
/// Returns false (and does nothing) where no boundary can happen.
/// Budget left to a transaction right after it took a lock (see `natives::hold`).
const HOLD_BUDGET: i64 = 400;

pub fn hold_lock(vm: &mut Vm) {
    if vm.budget < HOLD_BUDGET && RUNNING.load(Ordering::Relaxed) > 1 {
        LOCAL.with(|l| {
            let mut l = l.borrow_mut();
            if !l.held {
                l.held = true;
                vm.budget = HOLD_BUDGET;
            }
        });
    }
}

pub fn request_boundary(vm: &mut Vm) -> bool {
    if boundary_possible(vm) {
        vm.budget = 0;
        true
    } else {
        false
    }
}

pub fn atomic_enter(vm: &mut Vm) {
    let split = boundary_possible(vm);
    LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        if l.atomic_depth == 0 {
            l.saved_budget = vm.budget;
        }
        l.atomic_depth += 1;
    });
    vm.budget = if split { ATOMIC_SPLIT } else { ATOMIC_BUDGET };
}

pub fn atomic_exit(vm: &mut Vm) {
    LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        if l.atomic_depth == 0 {
            return;
        }
        l.atomic_depth -= 1;
        if l.atomic_depth == 0 {
            vm.budget = l.saved_budget.min(vm.budget_size);
        }
    });
}

pub fn atomic_depth() -> u32 {
    LOCAL.with(|l| l.borrow().atomic_depth)
}

/// `time.sleep`: a transaction boundary, then the pause outside any transaction. Where
/// no boundary can happen (inside `stm.atomic`, or under native code) the transaction
/// becomes inevitable, its output is written, and the thread sleeps inside it.
pub fn sleep(vm: &mut Vm, tx: &Tx, secs: f64) -> PyResult<()> {
    let d = Duration::from_secs_f64(secs);
    if request_boundary(vm) {
        defer(Deferred::Sleep(d));
        return Ok(());
    }
    tx.make_inevitable()?;
    vm.flush_output();
    std::thread::sleep(d);
    Ok(())
}

/// Blocks until something the transaction read changes (or `deadline`, a
/// `time.monotonic()` value, passes): `Ok(false)` once the deadline is past, else the
/// transaction retries.
pub fn block(tx: &Tx, deadline: Option<f64>) -> PyResult<bool> {
    if let Some(d) = deadline {
        let now = monotonic();
        if now >= d {
            return Ok(false);
        }
        let cell = timer::alarm(Duration::from_secs_f64(d - now));
        tx.read(&cell)?;
    }
    Err(Unwind::Stm(
        tx.retry::<()>()
            .err()
            .unwrap_or(stmpy_core::stm::StmError::Retry),
    ))
}

/// Starts the OS thread of a Python thread (after the commit that asked for it).
fn spawn(shared: Arc<Shared>, s: Spawn) {
    RUNNING.fetch_add(1, Ordering::SeqCst);
    let daemon = s.daemon;
    let r = std::thread::Builder::new()
        .name(format!("stmpy-{}", s.ident))
        .stack_size(THREAD_STACK)
        .spawn(move || thread_main(shared, s));
    match r {
        Ok(h) if !daemon => NON_DAEMON.lock().unwrap_or_else(|p| p.into_inner()).push(h),
        Ok(_) => {}
        Err(e) => {
            RUNNING.fetch_sub(1, Ordering::SeqCst);
            eprintln!("stmpy: can't start new thread: {e}");
        }
    }
}

/// The body of every Python thread's OS thread: `func(*args, **kwargs)` as the bottom
/// of a fresh frame stack, run as transactions like the main program.
fn thread_main(shared: Arc<Shared>, s: Spawn) {
    LOCAL.with(|l| l.borrow_mut().ident = s.ident);
    let mut vm = Vm::new(shared);
    let failed = match run_call(&mut vm, s.func.clone(), s.args, s.kwargs) {
        Err(Unwind::Exc(e)) => Some(e),
        _ => None,
    };
    if let Some(e) = failed {
        // Threads started by `threading` catch everything in `_bootstrap`; this is the
        // bare `_thread.start_new_thread` case (CPython prints it the same way).
        let _ = crate::run_in_tx(&mut vm, |vm, tx| {
            if !crate::ops::isinstance(
                &Value::Obj(e.clone()),
                stmpy_core::types::types().exc(ExcKind::SystemExit),
            ) {
                let f = crate::ops::repr(vm, tx, &s.func)?;
                let text = crate::exceptions::format_exception(vm, tx, &e)?;
                let msg = format!("Exception ignored in thread started by: {f}\n{text}");
                vm.out.stderr.extend_from_slice(msg.as_bytes());
            }
            Ok(Value::None)
        });
    }
    // Clean up before this thread stops counting: its objects go, what it tracked goes
    // to the collector's orphans, what it retired is freed or handed over, and the
    // engine no longer counts it (the thread left alone may run solo again).
    drop(s.func);
    drop(vm);
    stmpy_core::gc::hand_over_registry();
    stmpy_core::stm::reclaim_now();
    stmpy_core::stm::detach_thread();
    if LOCAL.with(|l| std::mem::take(&mut l.borrow_mut().exiting)) {
        EXITING.fetch_sub(1, Ordering::SeqCst);
    }
    RUNNING.fetch_sub(1, Ordering::SeqCst);
}

/// Runs `func(*args, **kwargs)` on this thread's Vm as a top-level frame (boundaries
/// allowed), through a one-line module-level trampoline.
fn run_call(vm: &mut Vm, func: Value, args: Value, kwargs: Value) -> PyResult<Value> {
    static CODE: OnceLock<Option<CodeRef>> = OnceLock::new();
    let code = CODE.get_or_init(|| {
        crate::compiler::compile("f(*a, **k)\n", "<thread>", crate::compiler::Mode::Module)
            .ok()
            .map(LoadedCode::load)
    });
    let Some(code) = code.clone() else {
        return Err(Unwind::new(ExcKind::SystemError, "thread trampoline"));
    };
    let globals = crate::run_in_tx(vm, |vm, tx| {
        let g = ObjRef::new(stmpy_core::value::Payload::Dict(
            stmpy_core::stm::TVar::new(stmpy_core::dict::DictData::new()),
        ));
        let set = |n: &str, v: Value| crate::builtins::dict_set_str(tx, &g, Value::str(n), v);
        set("__builtins__", Value::Obj(vm.shared.builtins.clone()))?;
        set("f", func.clone())?;
        set("a", args.clone())?;
        set("k", kwargs.clone())?;
        Ok(Value::Obj(g))
    })?;
    let Value::Obj(g) = globals else {
        return Ok(Value::None);
    };
    vm.run_toplevel(Frame::new(code, g.clone(), Some(g)))
}

/// Seconds since the first call (the clock of `_thread._monotonic`, used for deadlines).
pub fn monotonic() -> f64 {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
}

/// At exit: waits for every non-daemon thread (including ones started meanwhile).
pub fn wait_for_threads() {
    loop {
        let h = NON_DAEMON.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match h {
            Some(h) => {
                let _ = h.join();
            }
            None => return,
        }
    }
}

/// Runs Python source embedded in this module's files in a module's globals.
pub(crate) fn exec_source(
    vm: &mut Vm,
    tx: &Tx,
    globals: &ObjRef,
    src: &str,
    filename: &str,
) -> PyResult<()> {
    let code = crate::compile_or_raise(vm, tx, src, filename)?;
    let frame = Frame::new(
        LoadedCode::load(code),
        globals.clone(),
        Some(globals.clone()),
    );
    vm.run_nested(tx, frame)?;
    Ok(())
}
