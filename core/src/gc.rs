//! The cycle collector: frees groups of objects that refer to each other but that
//! nothing else refers to (reference counting alone never frees them).
//!
//! **Which objects.** Containers that can close a cycle register themselves when they
//! are created ([`tracks`]): lists, dicts, sets, instances, closure cells, functions,
//! bound methods, and tuples that hold such objects. Each thread keeps a registry of
//! weak handles to them (no atomic operation: [`stmpy_stm::Shared::new_with_weak`]);
//! dead entries are pruned every time the registry doubles, so a registration costs
//! O(1) amortized. A thread's registry goes to a shared orphan list when it exits.
//!
//! **The algorithm** is CPython's (trial deletion): for every live tracked object take
//! its reference count, subtract the references that other tracked objects hold to it;
//! what is left over comes from outside (frames, value stacks, untracked objects,
//! caches, old cell versions not reclaimed yet): those objects are roots. Everything
//! reachable from a root lives; the rest is garbage, and clearing its containers (the
//! list emptied, the dict emptied, the cell set to None) breaks the cycles, so reference
//! counting frees it.
//!
//! **Why it is exact.** A reference that is subtracted must be one counted handle, and
//! subtracted once. Every `ObjRef` inside a tuple, a small list or dict (plain vectors,
//! copied when a transaction writes them), a cell or a function belongs to one object.
//! Big lists and dicts are `imbl` structures whose nodes two objects may share
//! (`b = a[:]`): one counted handle seen from both. Those handles are known by their
//! address in the node and subtracted once, however many objects share it. An
//! instance's namespace dict is traversed as part of the instance only while the
//! instance holds the dict's only handle. What is not traversed (generators,
//! iterators, natives' state, old cell versions awaiting reclamation) only keeps more
//! alive, never less.
//!
//! **When.** Only while one thread exists and it runs the engine's solo mode: nothing
//! else clones or drops handles while counts are compared, and clearing writes commit
//! at once. The VM collects at a transaction boundary when registrations since the last
//! collection doubled the live tracked objects ([`wanted`]), and on `gc.collect()`.
//! With several threads running, collection waits until one is left; counting cycles
//! concurrently is future work.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use stmpy_stm::{StmResult, Tx};

use crate::dict::DictData;
use crate::list::ListData;
use crate::value::{ObjRef, Object, Payload, Value, WeakObj};

/// Registrations between prunes of a small registry.
const MIN_PRUNE: usize = 512;
/// Live tracked objects below which no automatic collection happens.
const MIN_COLLECT: usize = 10_000;

/// A collection is due (set by a prune, cleared by a collection).
static WANTED: AtomicBool = AtomicBool::new(false);
/// `gc.enable()` / `gc.disable()`: automatic collections only.
static ENABLED: AtomicBool = AtomicBool::new(true);
/// Live tracked objects (in one registry) at which a collection is wanted.
static COLLECT_AT: AtomicUsize = AtomicUsize::new(MIN_COLLECT);
/// Registries of threads that ended.
static ORPHANS: Mutex<Vec<WeakObj>> = Mutex::new(Vec::new());
static COLLECTIONS: AtomicU64 = AtomicU64::new(0);
static COLLECTED: AtomicU64 = AtomicU64::new(0);
/// What the last collection found (`gc.collect()`'s result).
static LAST_FOUND: AtomicUsize = AtomicUsize::new(0);

struct Registry {
    objs: Vec<WeakObj>,
    /// Prune when `objs` reaches this length.
    next_prune: usize,
}

impl Registry {
    fn prune(&mut self) {
        self.objs.retain(|w| !w.is_dead());
        let live = self.objs.len();
        self.next_prune = live + live.max(MIN_PRUNE);
        if live >= COLLECT_AT.load(Ordering::Relaxed) && ENABLED.load(Ordering::Relaxed) {
            WANTED.store(true, Ordering::Relaxed);
        }
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let mut orphans = ORPHANS.lock().unwrap_or_else(|p| p.into_inner());
        orphans.append(&mut self.objs);
    }
}

thread_local! {
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry { objs: Vec::new(), next_prune: MIN_PRUNE })
    };
}

/// Whether objects with this payload are tracked (registered at creation).
pub(crate) fn tracks(p: &Payload) -> bool {
    match p {
        Payload::Tuple(items) => items.iter().any(|v| may_close_cycle(v, true)),
        _ => is_container(p),
    }
}

fn is_container(p: &Payload) -> bool {
    matches!(
        p,
        Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::Instance(_)
            | Payload::Cell(_)
            | Payload::Function(_)
            | Payload::BoundMethod(..)
    )
}

/// Whether a tuple item can lead back to the tuple. A tuple item is looked into one
/// level only (a chain of nested tuples built one by one would otherwise cost
/// quadratic time): below that, any tuple counts as a possible container.
fn may_close_cycle(v: &Value, look_into_tuples: bool) -> bool {
    let Value::Obj(o) = v else { return false };
    match &o.payload {
        Payload::Tuple(items) if look_into_tuples => {
            items.iter().any(|v| may_close_cycle(v, false))
        }
        Payload::Tuple(_) => true,
        p => is_container(p),
    }
}

/// Adds a new object to this thread's registry.
pub(crate) fn register(w: WeakObj) {
    let mut w = Some(w);
    let _ = REGISTRY.try_with(|r| {
        let mut r = r.borrow_mut();
        r.objs.extend(w.take());
        if r.objs.len() >= r.next_prune {
            r.prune();
        }
    });
    // Created while the thread's locals are being destroyed.
    if let Some(w) = w {
        ORPHANS.lock().unwrap_or_else(|p| p.into_inner()).push(w);
    }
}

/// Moves this thread's registry to the orphans (a thread that is about to end).
pub fn hand_over_registry() {
    let mut objs = REGISTRY.with(|r| std::mem::take(&mut r.borrow_mut().objs));
    ORPHANS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .append(&mut objs);
}

/// An automatic collection is due.
#[inline]
pub fn wanted() -> bool {
    WANTED.load(Ordering::Relaxed)
}

/// Asks for a collection at the next boundary, enabled or not (`gc.collect()`). If
/// none can run there (another thread runs Python), the last result stays as it was:
/// it reads 0.
pub fn request() {
    LAST_FOUND.store(0, Ordering::Relaxed);
    WANTED.store(true, Ordering::Relaxed);
}

/// What the last collection found.
pub fn last_found() -> usize {
    LAST_FOUND.load(Ordering::Relaxed)
}

pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
    if !on {
        WANTED.store(false, Ordering::Relaxed);
    }
}

pub fn is_enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// (collections run, objects found unreachable) since the start.
pub fn stats() -> (u64, u64) {
    (
        COLLECTIONS.load(Ordering::Relaxed),
        COLLECTED.load(Ordering::Relaxed),
    )
}

/// Tracked objects that this thread's registry holds (dead ones not pruned yet
/// included): `gc.get_count()`.
pub fn registered() -> usize {
    REGISTRY.with(|r| r.borrow().objs.len())
}

/// Object addresses hash by their bits above the allocation alignment.
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only addresses are hashed")
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Index = HashMap<usize, u32, BuildHasherDefault<AddrHasher>>;

/// Runs a full collection in `tx` and returns how many objects were found unreachable
/// (and cleared; they are freed when `tx` commits, which the caller does next).
///
/// The caller guarantees what the module comment requires: `tx` runs solo and no other
/// thread exists that could clone or drop handles meanwhile.
pub fn collect(tx: &Tx) -> StmResult<usize> {
    WANTED.store(false, Ordering::Relaxed);
    let mut weak = REGISTRY.with(|r| std::mem::take(&mut r.borrow_mut().objs));
    weak.append(&mut ORPHANS.lock().unwrap_or_else(|p| p.into_inner()));
    // Strong handles on the live mortal objects (immortal ones are roots forever and
    // are not traversed: what they refer to counts as referred to from outside).
    let mut kept: Vec<WeakObj> = Vec::with_capacity(weak.len());
    let mut objs: Vec<ObjRef> = Vec::new();
    for w in weak {
        if let Some(o) = w.upgrade() {
            if !o.is_immortal() {
                objs.push(o);
            }
            kept.push(w);
        }
    }
    let found = match find_garbage(tx, &objs)? {
        Some(garbage) => {
            for &i in &garbage {
                clear(tx, &objs[i])?;
            }
            garbage.len()
        }
        None => 0,
    };
    drop(objs);
    kept.retain(|w| !w.is_dead());
    // The garbage is freed when `tx` commits; its entries are pruned later.
    let live = kept.len().saturating_sub(found);
    COLLECT_AT.store((2 * live).max(MIN_COLLECT), Ordering::Relaxed);
    COLLECTIONS.fetch_add(1, Ordering::Relaxed);
    COLLECTED.fetch_add(found as u64, Ordering::Relaxed);
    LAST_FOUND.store(found, Ordering::Relaxed);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        kept.append(&mut r.objs);
        r.objs = kept;
        r.next_prune = r.objs.len() + live.max(MIN_PRUNE);
    });
    Ok(found)
}

/// Trial deletion over `objs`: the indices of those that nothing outside refers to,
/// directly or through other objects. `None` if the counts do not add up (a reference
/// subtracted that no count backs; never expected): then nothing is collected.
fn find_garbage(tx: &Tx, objs: &[ObjRef]) -> StmResult<Option<Vec<usize>>> {
    let mut index = Index::with_capacity_and_hasher(objs.len(), Default::default());
    for (i, o) in objs.iter().enumerate() {
        index.insert(o.id(), i as u32);
    }
    // References from outside: the count less ours (`objs`) less the tracked ones'.
    let mut outside: Vec<isize> = objs.iter().map(|o| o.strong_count() as isize - 1).collect();
    // A handle in persistent storage is subtracted once however many objects share
    // the node it lies in: it is known by its own address.
    let mut seen_shared: HashSet<usize, BuildHasherDefault<AddrHasher>> = HashSet::default();
    for o in objs {
        referents(tx, o, &mut |r, shared| {
            if let Some(&j) = index.get(&r.id())
                && (!shared || seen_shared.insert(r as *const ObjRef as usize))
            {
                outside[j as usize] -= 1;
            }
        })?;
    }
    if outside.iter().any(|&n| n < 0) {
        debug_assert!(false, "gc: more references subtracted than counted");
        return Ok(None);
    }
    let mut reachable: Vec<bool> = outside.iter().map(|&n| n > 0).collect();
    let mut stack: Vec<usize> = (0..objs.len()).filter(|&i| reachable[i]).collect();
    while let Some(i) = stack.pop() {
        referents(tx, &objs[i], &mut |r, _| {
            if let Some(&j) = index.get(&r.id()) {
                let j = j as usize;
                if !reachable[j] {
                    reachable[j] = true;
                    stack.push(j);
                }
            }
        })?;
    }
    Ok(Some((0..objs.len()).filter(|&i| !reachable[i]).collect()))
}

/// Calls `f` on every counted handle that `o` owns and that the collector traverses
/// (see the module comment for what is left out), with whether the handle lies in
/// persistent storage that another object may share.
fn referents(tx: &Tx, o: &Object, f: &mut dyn FnMut(&ObjRef, bool)) -> StmResult<()> {
    match &o.payload {
        Payload::Tuple(items) => items.iter().for_each(|v| visit(v, false, f)),
        Payload::List(cell) => tx.view(cell, |l| {
            let shared = l.is_persistent();
            l.iter().for_each(|v| visit(v, shared, f))
        })?,
        Payload::Dict(cell) | Payload::Set(cell) => tx.view(cell, |d| dict_items(d, f))?,
        Payload::Instance(inst) => {
            match inst.dict_if_sole_owner() {
                Some(d) => tx.view(d, |d| dict_items(d, f))?,
                None => inst.dict_object().into_iter().for_each(|d| f(d, false)),
            }
            if let Some(e) = &inst.exc {
                tx.view(e, |e| {
                    visit(&e.args, false, f);
                    visit(&e.cause, false, f);
                    visit(&e.context, false, f);
                    e.tb_obj.iter().for_each(|v| visit(v, false, f));
                })?;
            }
            inst.base.iter().for_each(|v| visit(v, false, f));
        }
        Payload::Cell(c) => tx.view(c, |v| visit(v, false, f))?,
        Payload::Function(func) => {
            func.defaults.iter().for_each(|v| visit(v, false, f));
            func.kwdefaults.iter().for_each(|(_, v)| visit(v, false, f));
            func.closure.iter().for_each(|c| f(c, false));
            f(&func.globals, false);
            tx.view(&func.dict, |d| dict_items(d, f))?;
        }
        Payload::BoundMethod(a, b) => {
            visit(a, false, f);
            visit(b, false, f);
        }
        _ => {}
    }
    Ok(())
}

#[inline]
fn visit(v: &Value, shared: bool, f: &mut dyn FnMut(&ObjRef, bool)) {
    if let Value::Obj(r) = v {
        f(r, shared)
    }
}

fn dict_items(d: &DictData, f: &mut dyn FnMut(&ObjRef, bool)) {
    let shared = d.is_persistent();
    for e in d.iter() {
        visit(&e.key, shared, f);
        visit(&e.value, shared, f);
    }
}

/// Breaks the cycles through a garbage object by emptying its containers.
fn clear(tx: &Tx, o: &Object) -> StmResult<()> {
    match &o.payload {
        Payload::List(cell) => tx.write(cell, ListData::default()),
        Payload::Dict(cell) | Payload::Set(cell) => tx.write(cell, DictData::new()),
        Payload::Instance(inst) => {
            if let Some(d) = inst.dict_if_sole_owner() {
                tx.write(d, DictData::new())?;
            }
            if let Some(e) = &inst.exc {
                tx.modify(e, |e| {
                    e.args = Value::None;
                    e.cause = Value::None;
                    e.context = Value::None;
                    e.tb_obj = None;
                })?;
            }
            Ok(())
        }
        Payload::Cell(c) => tx.write(c, Value::None),
        Payload::Function(func) => tx.write(&func.dict, DictData::new()),
        _ => Ok(()),
    }
}
