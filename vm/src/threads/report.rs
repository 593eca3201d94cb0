//! Conflict reports: `stmpy --stm-stats` (a summary on stderr at exit) and
//! `stmpy --stm-trace out.json` (Chrome trace-event JSON, for Perfetto or
//! `chrome://tracing`).
//!
//! Both turn on the engine's detailed statistics and hook the driver
//! (`Vm::run_toplevel`): [`begin`] when a top-level transaction starts, [`ending`]
//! right before its commit, [`committed`] / [`aborted`] after. Off (the default), each
//! hook is one relaxed load.
//!
//! **Sites.** The engine stamps each cell it writes with the committing transaction's
//! site, which the driver sets to the line where that transaction ends (the write side
//! of a conflict). The aborted side is the line the thread was running when the
//! conflict was found: the read itself when the engine saw the newer version while
//! reading, the transaction's last line when commit-time validation failed.
//!
//! **The object's type.** The engine knows only the cell's address; on an abort the
//! report looks for the object owning that cell among what the thread can reach (its
//! frames' globals, locals, cells and stacks, two levels deep). It says `?` when the
//! object is out of reach.
//!
//! Trace layout: one track (`tid`) per Python thread, named after its identifier; each
//! attempt is a complete slice (`ph: "X"`) named `tx` (committed) or `tx (aborted)`;
//! each abort is also an instant event (`ph: "i"`) named `abort` whose arguments give
//! the cause, both sites and the type.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use stmpy_core::stm::{AbortCause, Tx};
use stmpy_core::value::{Payload, Value};

use super::sites;
use crate::vm::{Frame, Vm};

static ACTIVE: AtomicBool = AtomicBool::new(false);
static CONFIG: OnceLock<Config> = OnceLock::new();
static EPOCH: OnceLock<Instant> = OnceLock::new();
static TRACE: Mutex<Vec<Event>> = Mutex::new(Vec::new());
static CONFLICTS: Mutex<Option<HashMap<ConflictKey, u64>>> = Mutex::new(None);

/// Events kept at most (about 100 bytes each): a long program's trace stays loadable.
const MAX_EVENTS: usize = 2_000_000;
/// Conflicts listed by `--stm-stats`.
const TOP_CONFLICTS: usize = 10;
/// Objects examined when looking for the owner of a conflicting cell.
const MAX_VISITED: usize = 20_000;

struct Config {
    stats: bool,
    trace: Option<std::path::PathBuf>,
}

/// (cause, aborted site, committing site, type of the object).
type ConflictKey = (&'static str, u64, u64, String);

enum Event {
    Slice {
        tid: u64,
        start_us: f64,
        dur_us: f64,
        committed: bool,
    },
    Abort {
        tid: u64,
        at_us: f64,
        cause: &'static str,
        site: u64,
        other_site: u64,
        ty: String,
    },
}

/// Turns the reports on (before the program runs).
pub fn enable(stats: bool, trace: Option<std::path::PathBuf>) {
    if !stats && trace.is_none() {
        return;
    }
    let _ = CONFIG.set(Config { stats, trace });
    EPOCH.get_or_init(Instant::now);
    stmpy_core::stm::enable_stats(true);
    ACTIVE.store(true, Ordering::Relaxed);
}

#[inline]
pub fn active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

fn tracing() -> bool {
    CONFIG.get().is_some_and(|c| c.trace.is_some())
}

fn micros(t: Instant) -> f64 {
    let epoch = *EPOCH.get_or_init(Instant::now);
    t.saturating_duration_since(epoch).as_secs_f64() * 1e6
}

/// A top-level transaction starts running `frame`: returns its start time (reports on).
#[inline]
pub fn begin(tx: &Tx, frame: &Frame) -> Option<Instant> {
    if !active() {
        return None;
    }
    tx.set_site(sites::site_of(frame));
    Some(Instant::now())
}

/// The transaction is about to commit at the boundary where `frame` stopped: its writes
/// are attributed to that line.
#[inline]
pub fn ending(tx: &Tx, frame: &Frame) {
    if active() {
        tx.set_site(sites::site_of(frame));
    }
}

pub fn committed(start: Option<Instant>) {
    let Some(start) = start else { return };
    if tracing() {
        push(Event::Slice {
            tid: super::ident(),
            start_us: micros(start),
            dur_us: start.elapsed().as_secs_f64() * 1e6,
            committed: true,
        });
    }
}

/// The attempt that began at `start` rolled back; `frame` is where the thread was when
/// the conflict was found (before the rollback restores it). `retry`: the program
/// asked to wait (`stm.retry()` or a blocking primitive), not a conflict.
pub fn aborted(vm: &Vm, frame: &Frame, start: Option<Instant>, retry: bool) {
    let Some(start) = start else { return };
    let last = stmpy_core::stm::take_last_conflict();
    let site = sites::site_of(frame);
    let (cause, other_site, ty) = match (retry, last) {
        (true, _) => ("retry", 0, String::new()),
        (false, Some(c)) => (
            cause_name(c.cause),
            c.other_site,
            if c.cell == 0 {
                String::new()
            } else {
                owner_type(vm, frame, c.cell)
            },
        ),
        (false, None) => ("unknown", 0, String::new()),
    };
    if !retry {
        let mut table = CONFLICTS.lock().unwrap_or_else(|p| p.into_inner());
        *table
            .get_or_insert_with(HashMap::new)
            .entry((cause, site, other_site, ty.clone()))
            .or_insert(0) += 1;
    }
    if tracing() {
        let tid = super::ident();
        let now = Instant::now();
        push(Event::Slice {
            tid,
            start_us: micros(start),
            dur_us: now.duration_since(start).as_secs_f64() * 1e6,
            committed: false,
        });
        push(Event::Abort {
            tid,
            at_us: micros(now),
            cause,
            site,
            other_site,
            ty,
        });
    }
}

fn push(e: Event) {
    let mut t = TRACE.lock().unwrap_or_else(|p| p.into_inner());
    if t.len() < MAX_EVENTS {
        t.push(e);
    }
}

fn cause_name(c: AbortCause) -> &'static str {
    match c {
        AbortCause::Validation => "validation",
        AbortCause::LockedCell => "locked",
        AbortCause::Inevitable => "inevitable",
        AbortCause::Retry => "retry",
        AbortCause::Stress => "stress",
    }
}

/// The type of the object that owns the cell at `addr`, searched from what the thread
/// can reach; `?` when not found.
fn owner_type(vm: &Vm, frame: &Frame, addr: usize) -> String {
    let mut visited = 0usize;
    let mut seen = std::collections::HashSet::new();
    let frames = std::iter::once(frame).chain(vm.frames.iter().rev().map(|f| &**f));
    for f in frames {
        if let Payload::Dict(d) = &f.globals.payload
            && d.addr() == addr
        {
            return "dict (module globals)".to_string();
        }
        let mut roots: Vec<Value> = vec![Value::Obj(f.globals.clone())];
        roots.extend(f.locals.iter().map(|l| Value::Obj(l.clone())));
        roots.extend(f.fast.iter().flatten().cloned());
        roots.extend(f.cells.iter().map(|c| Value::Obj(c.clone())));
        roots.extend(f.stack.iter().cloned());
        for r in roots {
            if let Some(t) = find(&r, addr, 2, &mut visited, &mut seen) {
                return t;
            }
        }
    }
    "?".to_string()
}

/// Depth-limited search for the cell at `addr` in `v` and what it holds.
fn find(
    v: &Value,
    addr: usize,
    depth: u32,
    visited: &mut usize,
    seen: &mut std::collections::HashSet<usize>,
) -> Option<String> {
    let o = v.obj()?;
    if *visited >= MAX_VISITED || !seen.insert(o.id()) {
        return None;
    }
    *visited += 1;
    let children: Vec<Value> = match &o.payload {
        Payload::List(l) => {
            if l.addr() == addr {
                return Some("list".into());
            }
            if depth == 0 {
                return None;
            }
            l.snapshot().iter().cloned().collect()
        }
        Payload::Dict(d) | Payload::Set(d) => {
            if d.addr() == addr {
                return Some(stmpy_core::types::type_name(v).to_string());
            }
            if depth == 0 {
                return None;
            }
            d.snapshot()
                .iter()
                .flat_map(|e| [e.key.clone(), e.value.clone()])
                .collect()
        }
        Payload::Cell(c) => {
            if c.addr() == addr {
                return Some("cell".into());
            }
            vec![c.snapshot()]
        }
        Payload::Instance(i) => {
            if i.dict().addr() == addr {
                let t = stmpy_core::types::type_name(v).to_string();
                return Some(format!("{t} (instance attributes)"));
            }
            if i.exc.as_ref().is_some_and(|e| e.addr() == addr) {
                return Some(stmpy_core::types::type_name(v).to_string());
            }
            if depth == 0 {
                return None;
            }
            i.dict()
                .snapshot()
                .iter()
                .map(|e| e.value.clone())
                .collect()
        }
        Payload::Module(m) => {
            if let Payload::Dict(d) = &m.dict.payload
                && d.addr() == addr
            {
                return Some("module (globals)".into());
            }
            vec![Value::Obj(m.dict.clone())]
        }
        Payload::Type(t) => {
            if t.dict.addr() == addr {
                return Some(format!("type {} (class attributes)", t.name));
            }
            Vec::new()
        }
        Payload::Tuple(items) => items.to_vec(),
        Payload::BoundMethod(f, s) => vec![f.clone(), s.clone()],
        _ => Vec::new(),
    };
    // Containers one level down from a root cost their length: keep the walk bounded.
    let next = depth.saturating_sub(1);
    children
        .iter()
        .find_map(|c| find(c, addr, next, visited, seen))
}

/// At exit: prints the `--stm-stats` summary on stderr and writes the `--stm-trace`
/// file.
pub fn finish() {
    if !active() {
        return;
    }
    let Some(cfg) = CONFIG.get() else { return };
    if cfg.stats {
        eprint!("{}", summary());
    }
    if let Some(path) = &cfg.trace
        && let Err(e) = std::fs::write(path, trace_json())
    {
        eprintln!("stmpy: cannot write trace {}: {e}", path.display());
    }
}

/// The `--stm-stats` text.
pub fn summary() -> String {
    let s = stmpy_core::stm::stats();
    let attempts = s.commits + s.aborts();
    let rate = if attempts == 0 {
        0.0
    } else {
        100.0 * s.aborts() as f64 / attempts as f64
    };
    let mut out = String::new();
    let _ = writeln!(out, "stm-stats: commits {}", s.commits);
    let _ = writeln!(
        out,
        "stm-stats: inevitable commits {}",
        s.inevitable_commits
    );
    let _ = writeln!(
        out,
        "stm-stats: aborts {} (validation {}, locked {}, inevitable {}, retry {}, stress {})",
        s.aborts(),
        s.aborts_validation,
        s.aborts_locked,
        s.aborts_inevitable,
        s.aborts_retry,
        s.aborts_stress
    );
    let _ = writeln!(out, "stm-stats: abort rate {rate:.2}%");
    let _ = writeln!(
        out,
        "stm-stats: wasted time {:.6} s",
        s.wasted_ns as f64 / 1e9
    );
    let table = CONFLICTS.lock().unwrap_or_else(|p| p.into_inner());
    let mut rows: Vec<(&ConflictKey, &u64)> = table.iter().flatten().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let _ = writeln!(out, "stm-stats: top conflicts ({} kinds)", rows.len());
    for ((cause, site, other, ty), n) in rows.into_iter().take(TOP_CONFLICTS) {
        let ty = if ty.is_empty() { "-" } else { ty.as_str() };
        let _ = writeln!(
            out,
            "stm-stats:   {n:>8} x {cause}: read at {} / written at {} / object {ty}",
            sites::describe(*site),
            sites::describe(*other)
        );
    }
    out
}

fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The `--stm-trace` file: `{"traceEvents": [...]}`.
pub fn trace_json() -> String {
    let events = TRACE.lock().unwrap_or_else(|p| p.into_inner());
    let mut out = String::from("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
    let mut tids: Vec<u64> = events
        .iter()
        .map(|e| match e {
            Event::Slice { tid, .. } | Event::Abort { tid, .. } => *tid,
        })
        .collect();
    tids.sort_unstable();
    tids.dedup();
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(",\n");
        }
        first = false;
    };
    for tid in &tids {
        sep(&mut out);
        let _ = write!(
            out,
            "{{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":{tid},\"args\":{{\"name\":\"Python thread {tid}\"}}}}"
        );
    }
    for e in events.iter() {
        sep(&mut out);
        match e {
            Event::Slice {
                tid,
                start_us,
                dur_us,
                committed,
            } => {
                let name = if *committed { "tx" } else { "tx (aborted)" };
                let _ = write!(
                    out,
                    "{{\"ph\":\"X\",\"name\":\"{name}\",\"cat\":\"stm\",\"pid\":1,\"tid\":{tid},\"ts\":{start_us:.3},\"dur\":{dur_us:.3}}}"
                );
            }
            Event::Abort {
                tid,
                at_us,
                cause,
                site,
                other_site,
                ty,
            } => {
                let _ = write!(
                    out,
                    "{{\"ph\":\"i\",\"s\":\"t\",\"name\":\"abort\",\"cat\":\"stm\",\"pid\":1,\"tid\":{tid},\"ts\":{at_us:.3},\"args\":{{\"cause\":{},\"read_site\":{},\"write_site\":{},\"type\":{}}}}}",
                    json_str(cause),
                    json_str(&sites::describe(*site)),
                    json_str(&sites::describe(*other_site)),
                    json_str(if ty.is_empty() { "-" } else { ty }),
                );
            }
        }
    }
    out.push_str("\n]}\n");
    out
}
