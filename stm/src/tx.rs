//! Transactions: the per-thread context, the logs, and the read/write/modify paths.
//!
//! A [`Tx`] is a thin handle on the thread's [`Ctx`] (which owns reusable logs, so a
//! transaction allocates nothing once the thread is warm) plus a pinned epoch guard that
//! keeps every value and header the transaction can reach alive until it ends.
//!
//! Log entries:
//! - read set: the cell header only (validation compares its version with `rv`);
//! - write set (optimistic): header, the private new value (`Box<T>`, erased), its drop
//!   function, `shared` (a `read` handed out a reference to it since the last `modify`,
//!   so `modify` must copy before mutating), and the lock word displaced at commit;
//! - undo log (inevitable): header, the displaced value and its drop function, the lock
//!   word displaced, and `old_wtx` (0: first write of the cell in this transaction, the
//!   displaced value is committed; else: an earlier private value kept for a savepoint).

use std::cell::{Cell, UnsafeCell};
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use crossbeam_epoch::{Guard, LocalHandle};

use crate::clock::{self, is_locked, locked_by, owner, version};
use crate::commit::HomeBatch;
use crate::contention::Contention;
use crate::inevitable;
use crate::stats::{self, AbortCause, ThreadStats};
use crate::var::{
    CellDrop, DROP_BATCH, DropCellFn, DropFn, FLUSH_EVERY, FLUSHES_AFTER_HANDOVER, Header, TVar,
    drop_box, drop_no_value, free_dropped_cell, retire_batch,
};
use crate::{Site, StmError, StmResult, TxMode};

/// Write sets larger than this get a hash index (smaller ones are scanned).
pub(crate) const INDEX_FROM: usize = 12;
/// Spins on a locked cell before giving up (the committer holds it for a few dozen ns).
const LOCK_SPINS: u32 = 64;

static NEXT_TID: AtomicU64 = AtomicU64::new(1);

#[cfg(not(feature = "shuttle"))]
thread_local! {
    /// `serial << 1` of the inevitable transaction this thread runs or ran last (0:
    /// none yet). A cell created meanwhile starts as that transaction's private value
    /// (`Header::wtx`, see `TVar::new`). Never cleared: a finished transaction's serial
    /// is never reused, so a stale tag matches nobody.
    static NEW_OWNER: Cell<u64> = const { Cell::new(0) };
}

/// The `Header::wtx` a cell created now on this thread starts with.
#[inline]
pub(crate) fn new_cell_owner() -> u64 {
    #[cfg(not(feature = "shuttle"))]
    {
        NEW_OWNER.try_with(Cell::get).unwrap_or(0)
    }
    // Shuttle's threads share the OS thread's locals: no tagging under the model checker.
    #[cfg(feature = "shuttle")]
    0
}
/// See [`Ctx::solo_drop`].
enum SoloDrop {
    FreeNow,
    ValueNow,
    No,
}

/// Called when a `TVar` is dropped: frees it (or its value) at once when no transaction
/// can reach it (see [`Ctx::solo_drop`]), else queues it on this thread's batch of
/// dropped cells.
pub(crate) fn on_cell_drop(h: &Header, entry: (usize, DropCellFn)) -> CellDrop {
    CTX.try_with(|c| {
        let mut decision = CellDrop::Batched;
        let mut entry = entry;
        match c.solo_drop(h) {
            SoloDrop::FreeNow => return CellDrop::FreeNow,
            SoloDrop::ValueNow => {
                entry.1 = drop_no_value as DropCellFn;
                decision = CellDrop::ValueNow;
            }
            SoloDrop::No => {}
        }
        let solo_drop = (c.active.get() && c.mode.get() == Mode::Solo) || c.freeing_solo.get();
        if !solo_drop {
            c.dropped_beside_others.set(true);
        }
        let mut batch = c.dropped.take();
        batch.push(entry);
        if batch.len() >= DROP_BATCH && !c.freeing_solo.get() {
            c.hand_over_dropped(std::mem::take(&mut batch));
            c.dropped_beside_others.set(false);
        }
        c.dropped.set(batch);
        decision
    })
    .unwrap_or(CellDrop::RetireAlone)
}

/// Serial of the current/last inevitable transaction; written only by the token holder.
static ISERIAL: AtomicU64 = AtomicU64::new(0);

/// A header's bit in `Ctx::read_filter` (headers are 8-aligned; mix the bits above).
#[inline(always)]
fn header_bit(h: *const Header) -> u64 {
    let a = h as usize as u64;
    1 << ((a >> 3 ^ a >> 9) & 63)
}

/// Epoch steps of `Ctx::reclaim_now` (garbage is freed two steps after it is deferred).
const RECLAIM_ROUNDS: usize = 8;

/// The next inevitable serial (only the token holder calls this).
pub(crate) fn next_serial() -> u64 {
    let s = ISERIAL.load(Ordering::Relaxed) + 1;
    ISERIAL.store(s, Ordering::Relaxed);
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Optimistic,
    /// Inevitable with no other registered thread: no locks, no versions, no filter.
    Solo,
    /// Inevitable beside other threads: locks its writes, publishes its reads.
    Tracked,
}

pub(crate) struct WEntry {
    pub(crate) h: *const Header,
    pub(crate) new: *mut (),
    pub(crate) drop: DropFn,
    pub(crate) shared: bool,
    pub(crate) old_lock: u64,
}

pub(crate) struct UEntry {
    pub(crate) h: *const Header,
    pub(crate) old: *mut (),
    pub(crate) drop: DropFn,
    pub(crate) old_lock: u64,
    pub(crate) old_wtx: u64,
}

/// A write-set value overwritten while a savepoint was open (restored on rollback).
pub(crate) struct Shadow {
    pub(crate) index: usize,
    pub(crate) new: *mut (),
    pub(crate) drop: DropFn,
    pub(crate) shared: bool,
}

#[derive(Default)]
pub(crate) struct Logs {
    pub(crate) reads: Vec<*const Header>,
    pub(crate) writes: Vec<WEntry>,
    pub(crate) index: HashMap<usize, usize>,
    pub(crate) wmask: u64,
    pub(crate) undo: Vec<UEntry>,
    pub(crate) shadow: Vec<Shadow>,
    /// Private values that a reference may still point to: freed when the tx ends.
    pub(crate) keep: Vec<(*mut (), DropFn)>,
    /// Committed values this thread displaced, not yet handed to the epoch collector
    /// (kept across transactions; see `commit::RETIRE_BATCH`).
    pub(crate) retired: Vec<(*mut (), DropFn)>,
    /// Full batches of retired values waiting for the collector's go-ahead, oldest
    /// first (see `commit::HomeBatch`).
    pub(crate) waiting: VecDeque<HomeBatch>,
}

#[inline(always)]
pub(crate) fn wbit(h: *const Header) -> u64 {
    1u64 << ((h as usize >> 4) & 63)
}

impl Logs {
    #[inline]
    pub(crate) fn find(&self, h: *const Header) -> Option<usize> {
        if self.wmask & wbit(h) == 0 {
            return None;
        }
        if self.writes.len() <= INDEX_FROM {
            self.writes.iter().rposition(|e| e.h == h)
        } else {
            self.index.get(&(h as usize)).copied()
        }
    }

    pub(crate) fn push_write(&mut self, e: WEntry) {
        let h = e.h;
        self.wmask |= wbit(h);
        self.writes.push(e);
        let n = self.writes.len();
        if n == INDEX_FROM + 1 {
            for (i, e) in self.writes.iter().enumerate() {
                self.index.insert(e.h as usize, i);
            }
        } else if n > INDEX_FROM + 1 {
            self.index.insert(h as usize, n - 1);
        }
    }
}

/// Per-thread engine state. Lives in a thread-local; `Tx` handles point to it.
pub(crate) struct Ctx {
    pub(crate) tid: u64,
    handle: LocalHandle,
    registered: Cell<bool>,
    /// A top-level transaction is open on this thread.
    pub(crate) active: Cell<bool>,
    pub(crate) mode: Cell<Mode>,
    pub(crate) rv: Cell<u64>,
    /// `serial << 1` of this thread's inevitable transaction (matches `Header::wtx`).
    pub(crate) serial: Cell<u64>,
    pub(crate) site: Cell<Site>,
    /// Set when the engine has told the body to stop (Conflict/Retry): the transaction
    /// can only be rolled back now.
    pub(crate) doomed: Cell<Option<(StmError, AbortCause)>>,
    /// The last transaction was aborted by the engine for this cause: back off or wait
    /// once its guard is dropped (see `Ctx::settle`).
    pub(crate) pending: Cell<Option<AbortCause>>,
    /// (timestamp, wrote) of the last commit on this thread (see `commit_with_stamp`).
    pub(crate) stamp: Cell<(u64, bool)>,
    pub(crate) logs: UnsafeCell<Logs>,
    /// The cell whose value a `modify` closure is mutating right now.
    modifying: Cell<*const Header>,
    /// Savepoint nesting depth (nested `try_atomically`, `or_else`).
    pub(crate) sp_depth: Cell<u32>,
    pub(crate) bloom_dirty: Cell<u64>,
    pub(crate) started: Cell<Option<Instant>>,
    pub(crate) stats: Arc<ThreadStats>,
    pub(crate) cm: Contention,
    /// The next top-level attempt must be optimistic (an inevitable attempt retried and
    /// needs a read set to wait on).
    pub(crate) force_optimistic: Cell<bool>,
    /// Headers of cells dropped on this thread, not yet handed to the epoch collector
    /// (see `var::CellDrop::Batched`).
    dropped: Cell<Vec<(usize, DropCellFn)>>,
    /// Some cell in `dropped` was dropped outside a solo transaction of this thread (an
    /// optimistic or tracked one, or between transactions), so another thread's
    /// transaction may still reach it: the batch must go through the epoch.
    dropped_beside_others: Cell<bool>,
    /// `free_solo_dropped` is running: cells its drops release were reachable only from
    /// the cells it frees.
    freeing_solo: Cell<bool>,
    /// Transactions ended since this thread last flushed the epoch collector.
    ends_since_flush: Cell<u32>,
    /// Transaction ends that will still flush because this thread handed over garbage.
    flushes_owed: Cell<u32>,
    /// The running transaction is solo and unlogged ([`Tx::begin_unlogged`]): `modify`
    /// updates committed values in place.
    pub(crate) unlogged: Cell<bool>,
    /// One bit per header (see `header_bit`) that a `read` of this unlogged transaction
    /// handed out a committed value of: `modify` copies those (a `&T` may be alive).
    read_filter: Cell<u64>,
}

impl Ctx {
    /// What dropping the `TVar` of `h` may free at once instead of through the epoch
    /// (which cannot advance while this transaction keeps its guard pinned: a long
    /// transaction that drops a big structure and builds the next one, such as
    /// `words = None; l = text.split()`, would otherwise hold both until it ends). Only
    /// when the solo transaction running on this thread drops it and no retry-waiter
    /// watches it:
    /// - `FreeNow`, the whole cell, when no log entry of this transaction refers to it;
    /// - `ValueNow`, its value, when only stamp-only undo entries (unlogged updates,
    ///   which never read the value) refer to it; the header is freed at the end.
    ///
    /// Why that is safe: in solo mode no other thread runs a transaction (they wait at
    /// registration until the token is released), so none can reach the cell, and the
    /// logs of earlier transactions are gone; solo reads are not logged; every undo
    /// entry of this transaction stamps the cell with its serial (`wtx`), and of the
    /// cells so stamped only those it created and wrote in place without a savepoint
    /// are not `touched`; an undo entry that holds a displaced value sets `holds_undo`;
    /// a `&T` handed out by `read` borrows the `TVar`, so none is alive while the
    /// `TVar` is being dropped. Displaced values of the cell that wait in the epoch are
    /// separate allocations (`Header::detach`).
    fn solo_drop(&self, h: &Header) -> SoloDrop {
        if !self.active.get()
            || self.mode.get() != Mode::Solo
            || h.pins.load(Ordering::Relaxed) != 0
        {
            return SoloDrop::No;
        }
        let w = h.wtx.load(Ordering::Relaxed);
        let stamped_by_this = w != 0 && w >> 1 == self.serial.get() >> 1;
        if !stamped_by_this || !h.touched.load(Ordering::Relaxed) {
            SoloDrop::FreeNow
        } else if !h.holds_undo.load(Ordering::Relaxed) {
            SoloDrop::ValueNow
        } else {
            SoloDrop::No
        }
    }

    /// Hands the cells dropped on this thread so far to the epoch collector, as one
    /// deferred item, and lets the collector run now and then. Called when a top-level
    /// transaction ends.
    pub(crate) fn retire_dropped(&self) {
        self.free_safe_batches();
        if !self.dropped_beside_others.get() {
            self.free_solo_dropped();
        }
        let batch = self.take_dropped();
        if !batch.is_empty() {
            self.hand_over_dropped(batch);
            return;
        }
        // Still let the collector advance and free: it moves the epoch at most one step
        // per pin and frees garbage two steps old, so what this thread handed over is
        // freed only by collections during the next few ends (a program that drops a big
        // list of objects kept ~800 MB alive without them). Otherwise only now and then:
        // a flush ships this thread's partly filled bag to the global queue (a 2 KiB
        // copy and a node allocation) and runs a collection, which cost a 2-cell
        // transfer ~300 ns of its ~420.
        let owed = self.flushes_owed.get();
        let n = self.ends_since_flush.get() + 1;
        if owed > 0 || n >= FLUSH_EVERY {
            self.flushes_owed.set(owed.saturating_sub(1));
            self.ends_since_flush.set(0);
            self.handle.pin().flush();
        } else {
            self.ends_since_flush.set(n);
        }
    }

    /// The batch of dropped cells, emptied.
    fn take_dropped(&self) -> Vec<(usize, DropCellFn)> {
        self.dropped_beside_others.set(false);
        self.dropped.take()
    }

    /// Frees, without the epoch, the cells dropped during this thread's solo
    /// transactions, once the last of them has ended (and what freeing them drops in
    /// turn). A program that drops a big structure and builds the next one at once
    /// (`words = None; l = text.split()`) then reuses the memory instead of holding both
    /// until the epoch has moved on (word_count's peak RSS).
    ///
    /// Why that is safe: when such a cell was dropped, its last handle went away and no
    /// other thread ran a transaction (in solo mode they wait at registration), so none
    /// holds a reference to it, and none can get one afterwards; this thread's own
    /// transaction has ended, so none of its `&T` and log entries remain. A parked
    /// retry-waiter that watches the header keeps it (`free_dropped_cell`).
    fn free_solo_dropped(&self) {
        debug_assert!(!self.active.get());
        self.freeing_solo.set(true);
        loop {
            let batch = self.dropped.take();
            if batch.is_empty() {
                break;
            }
            for (header, drop_value) in batch {
                // SAFETY: see above; each header is in the batch once, and its `TVar`
                // was dropped.
                unsafe { free_dropped_cell(header, drop_value) };
            }
        }
        self.freeing_solo.set(false);
    }

    /// Hands dropped cells to the epoch collector as one deferred item (a bag of its
    /// own, once flushed), then flushes at the next few transaction ends so that they
    /// are freed soon (see `retire_dropped`): one more flush per handover, since a
    /// collection frees only a few bags.
    fn hand_over_dropped(&self, batch: Vec<(usize, DropCellFn)>) {
        retire_batch(batch);
        let owed = self.flushes_owed.get();
        self.flushes_owed
            .set(owed.max(FLUSHES_AFTER_HANDOVER).saturating_add(1));
    }

    /// Hands every value this thread retired to the epoch collector now (before the
    /// thread parks or ends, so that its batches are not held back meanwhile): released
    /// batches are freed here, the others are deferred again (freed by the collector on
    /// whichever thread; later than their first deferral, so as safe).
    pub(crate) fn flush_retired(&self) {
        self.free_safe_batches();
        let logs = self.logs();
        let mut batch = std::mem::take(&mut logs.retired);
        for b in std::mem::take(&mut logs.waiting) {
            batch.extend(b.values);
        }
        if !batch.is_empty() {
            let guard = self.handle.pin();
            crate::commit::retire_values(&guard, batch);
            guard.flush();
        }
    }

    fn new() -> Ctx {
        let tid = NEXT_TID.fetch_add(1, Ordering::Relaxed);
        crate::commit::init_stress_from_env();
        Ctx {
            tid,
            handle: crossbeam_epoch::default_collector().register(),
            registered: Cell::new(false),
            active: Cell::new(false),
            mode: Cell::new(Mode::Optimistic),
            rv: Cell::new(0),
            serial: Cell::new(0),
            site: Cell::new(0),
            doomed: Cell::new(None),
            pending: Cell::new(None),
            stamp: Cell::new((0, false)),
            logs: UnsafeCell::new(Logs::default()),
            modifying: Cell::new(std::ptr::null()),
            sp_depth: Cell::new(0),
            bloom_dirty: Cell::new(0),
            started: Cell::new(None),
            stats: stats::register_thread(),
            cm: Contention::new(tid),
            force_optimistic: Cell::new(false),
            dropped: Cell::new(Vec::new()),
            dropped_beside_others: Cell::new(false),
            freeing_solo: Cell::new(false),
            unlogged: Cell::new(false),
            read_filter: Cell::new(0),
            ends_since_flush: Cell::new(0),
            flushes_owed: Cell::new(0),
        }
    }

    /// The logs. Callers never hold the returned borrow across user code (closures
    /// passed to `modify`, drops of `T`), and `Ctx` is thread-local, so borrows from
    /// different call frames never overlap.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub(crate) fn logs(&self) -> &mut Logs {
        // SAFETY: see above: single thread, no overlapping borrows.
        unsafe { &mut *self.logs.get() }
    }

    /// Frees what can be freed now of what this thread dropped and retired: hands it
    /// all to the epoch collector and lets the epoch advance and collect a few times
    /// (each step frees what a drop in the step before released: a dropped cell's value
    /// may hold the last handle on other cells). Between transactions only: inside one,
    /// the pinned guard holds the epoch back.
    pub(crate) fn reclaim_now(&self) {
        if self.active.get() {
            return;
        }
        for _ in 0..RECLAIM_ROUNDS {
            let dropped = self.take_dropped();
            if !dropped.is_empty() {
                retire_batch(dropped);
            }
            self.flush_retired();
            self.handle.pin().flush();
            self.free_safe_batches();
        }
    }

    pub(crate) fn detach(&self) {
        if self.registered.get() && !self.active.get() {
            self.registered.set(false);
            inevitable::deregister();
        }
    }

    /// Marks the transaction doomed and records the abort cause; returns `Conflict`.
    #[cold]
    pub(crate) fn conflict(&self, cause: AbortCause, h: *const Header) -> StmError {
        if self.doomed.get().is_none() {
            self.doomed.set(Some((StmError::Conflict, cause)));
            if stats::enabled() {
                let other = if h.is_null() {
                    0
                } else {
                    // SAFETY: logged headers stay valid while we are pinned.
                    unsafe { (*h).site.load(Ordering::Relaxed) }
                };
                self.stats
                    .conflict(cause, h as usize, self.site.get(), other);
            }
        }
        StmError::Conflict
    }

    #[inline]
    fn check_not_modifying(&self, h: *const Header) {
        assert!(
            self.modifying.get() != h,
            "stmpy-stm: a Tx::modify closure accessed the cell it is modifying"
        );
    }

    // ---------------------------------------------------------------- reads

    /// `share`: the caller hands out a reference that may outlive its call (`Tx::read`),
    /// so a private value read here must be copied before it is mutated again.
    #[inline]
    pub(crate) fn read_optimistic(&self, h: *const Header, share: bool) -> StmResult<*const ()> {
        let logs = self.logs();
        if let Some(i) = logs.find(h) {
            self.check_not_modifying(h);
            let e = &mut logs.writes[i];
            if share {
                e.shared = true;
            }
            return Ok(e.new);
        }
        // SAFETY: the caller borrows the cell (or it is logged and we are pinned).
        let hr = unsafe { &*h };
        let mut spins = 0;
        loop {
            let l1 = hr.lock.load(Ordering::Acquire);
            crate::sync::switch();
            if is_locked(l1) {
                if spins < LOCK_SPINS {
                    spins += 1;
                    crate::sync::spin_loop();
                    continue;
                }
                return Err(self.conflict(self.lock_cause(l1), h));
            }
            let p = hr.value.load(Ordering::Acquire);
            crate::sync::switch();
            let l2 = hr.lock.load(Ordering::Acquire);
            if l1 != l2 {
                continue;
            }
            if version(l1) > self.rv.get() {
                if self.extend() {
                    continue;
                }
                return Err(self.conflict(AbortCause::Validation, h));
            }
            self.logs().reads.push(h);
            return Ok(p);
        }
    }

    /// Why a lock word held by someone else stops us.
    pub(crate) fn lock_cause(&self, l: u64) -> AbortCause {
        if inevitable::holder_tid() == owner(l) {
            AbortCause::Inevitable
        } else {
            AbortCause::LockedCell
        }
    }

    /// Snapshot extension (LSA): if every read so far is still current, move the read
    /// version to now. Keeps opacity: all reads are then consistent at the new version.
    fn extend(&self) -> bool {
        let now = clock::now();
        for &r in &self.logs().reads {
            // SAFETY: logged headers stay valid while we are pinned.
            let l = unsafe { (*r).lock.load(Ordering::Acquire) };
            if is_locked(l) || version(l) > self.rv.get() {
                return false;
            }
        }
        self.rv.set(now);
        true
    }

    /// `share`: as for `read_optimistic`.
    #[inline(always)]
    pub(crate) fn read_inevitable(&self, h: *const Header, share: bool) -> *const () {
        // SAFETY: the caller borrows the cell (or it is logged and we are pinned).
        let hr = unsafe { &*h };
        let w = hr.wtx.load(Ordering::Relaxed);
        if w >> 1 == self.serial.get() >> 1 {
            // Our own private value (the cell is ours until we end).
            self.check_not_modifying(h);
            if share && w & 1 == 0 {
                hr.wtx.store(w | 1, Ordering::Relaxed);
            }
            return hr.value.load(Ordering::Relaxed);
        }
        if self.mode.get() == Mode::Solo {
            if share && self.unlogged.get() {
                self.read_filter.set(self.read_filter.get() | header_bit(h));
            }
            return hr.value.load(Ordering::Acquire);
        }
        let word = inevitable::bloom_add(h);
        self.bloom_dirty.set(self.bloom_dirty.get() | 1 << word);
        inevitable::bloom_fence();
        crate::sync::switch();
        loop {
            let l1 = hr.lock.load(Ordering::SeqCst);
            if is_locked(l1) {
                // A committer that has not seen our filter bit: it finishes soon.
                crate::sync::yield_now();
                continue;
            }
            let p = hr.value.load(Ordering::Acquire);
            crate::sync::switch();
            if hr.lock.load(Ordering::Acquire) == l1 {
                return p;
            }
        }
    }

    // ---------------------------------------------------------------- writes

    #[inline]
    pub(crate) fn write_optimistic(&self, h: *const Header, new: *mut (), drop: DropFn) {
        let logs = self.logs();
        if let Some(i) = logs.find(h) {
            self.check_not_modifying(h);
            let e = &mut logs.writes[i];
            let old = std::mem::replace(&mut e.new, new);
            let shared = std::mem::replace(&mut e.shared, false);
            self.dispose_private(i, old, shared, drop);
            return;
        }
        // SAFETY: the caller borrows the cell.
        let hr = unsafe { &*h };
        if !hr.touched.load(Ordering::Relaxed) {
            hr.touched.store(true, Ordering::Release);
        }
        logs.push_write(WEntry {
            h,
            new,
            drop,
            shared: false,
            old_lock: 0,
        });
    }

    /// A private value of write-set entry `i` was replaced: keep it for a savepoint,
    /// keep it alive if a reference to it may exist, or free it.
    fn dispose_private(&self, i: usize, old: *mut (), shared: bool, drop: DropFn) {
        let logs = self.logs();
        if self.sp_depth.get() > 0 {
            logs.shadow.push(Shadow {
                index: i,
                new: old,
                drop,
                shared,
            });
        } else if shared {
            logs.keep.push((old, drop));
        } else {
            // SAFETY: the value is private to this transaction and nothing refers to it.
            unsafe { drop(old) };
        }
    }

    /// Locks `h` for the tracked inevitable transaction, waiting out a committer.
    fn lock_for_inevitable(&self, hr: &Header) -> u64 {
        loop {
            let l = hr.lock.load(Ordering::Acquire);
            if is_locked(l) {
                crate::sync::yield_now();
                continue;
            }
            if hr
                .lock
                .compare_exchange(l, locked_by(self.tid), Ordering::SeqCst, Ordering::Relaxed)
                .is_ok()
            {
                return l;
            }
        }
    }

    #[inline]
    /// Unlogged solo `modify` of a committed value: the cell becomes this transaction's
    /// (later updates are in place without this check) and gets a stamp-only undo
    /// entry (no old value), so the commit still gives it a new version and wakes its
    /// retry-waiters.
    pub(crate) fn adopt_unlogged(&self, hr: &Header, drop: DropFn) {
        // The undo entry points at the header: it must not be freed early.
        hr.touched.store(true, Ordering::Relaxed);
        self.logs().undo.push(UEntry {
            h: hr,
            old: std::ptr::null_mut(),
            drop,
            old_lock: 0,
            old_wtx: 0,
        });
        hr.wtx.store(self.serial.get(), Ordering::Relaxed);
    }

    pub(crate) fn write_inevitable(&self, h: *const Header, new: *mut (), drop: DropFn) {
        // SAFETY: the caller borrows the cell.
        let hr = unsafe { &*h };
        let serial = self.serial.get();
        let w = hr.wtx.load(Ordering::Relaxed);
        let old = hr.value.load(Ordering::Relaxed);
        if w >> 1 == serial >> 1 {
            self.check_not_modifying(h);
            hr.value.store(new, Ordering::Release);
            hr.wtx.store(serial, Ordering::Relaxed);
            if self.sp_depth.get() > 0 {
                // The undo entry points at the header and holds a value: neither may
                // be freed early (see `solo_drop`).
                hr.touched.store(true, Ordering::Relaxed);
                hr.holds_undo.store(true, Ordering::Relaxed);
                self.logs().undo.push(UEntry {
                    h,
                    old,
                    drop,
                    old_lock: 0,
                    old_wtx: w,
                });
            } else if w & 1 != 0 {
                // SAFETY: `old` was just replaced in the cell.
                self.logs().keep.push((unsafe { hr.detach(old) }, drop));
            } else {
                // SAFETY: our private value, just replaced in the cell; nothing refers
                // to it (not handed out), and in tracked mode others never dereference a
                // value of a locked cell.
                unsafe { drop(hr.detach(old)) };
            }
            return;
        }
        let old_lock = if self.mode.get() == Mode::Tracked {
            self.lock_for_inevitable(hr)
        } else {
            0
        };
        if !hr.touched.load(Ordering::Relaxed) {
            hr.touched.store(true, Ordering::Release);
        }
        crate::sync::switch();
        let old = hr.value.load(Ordering::Relaxed);
        hr.value.store(new, Ordering::Release);
        hr.wtx.store(serial, Ordering::Relaxed);
        hr.holds_undo.store(true, Ordering::Relaxed);
        self.logs().undo.push(UEntry {
            h,
            old,
            drop,
            old_lock,
            old_wtx: 0,
        });
    }
}

impl Drop for Ctx {
    fn drop(&mut self) {
        self.flush_retired();
        retire_batch(self.take_dropped());
        if self.registered.get() {
            inevitable::deregister();
        }
        stats::unregister_thread(&self.stats);
    }
}

#[cfg(not(feature = "shuttle"))]
thread_local! {
    static CTX: Ctx = Ctx::new();
}
#[cfg(feature = "shuttle")]
shuttle::thread_local! {
    static CTX: Ctx = Ctx::new();
}

pub(crate) fn with_ctx<R>(f: impl FnOnce(&Ctx) -> R) -> R {
    CTX.with(f)
}

/// Puts back `Ctx::modifying` when a `modify`/`view` closure ends (or unwinds).
struct Restore<'a>(&'a Cell<*const Header>, *const Header);

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        self.0.set(self.1);
    }
}

/// A running transaction (or a nested handle on the thread's running transaction).
/// Not `Send`: it belongs to the thread that began it.
pub struct Tx {
    ctx: *const Ctx,
    guard: Guard,
    nested: bool,
}

impl Tx {
    /// Begins an inevitable transaction that the caller promises never to roll back
    /// (no `retry`, no error returned from the body, no savepoint rollback). Alone on
    /// the engine (solo), `modify` then updates a committed value in place instead of
    /// copying it, since no undo copy is needed: the copy (and freeing the old value at
    /// commit) was a fifth of the time of programs that update many objects once per
    /// transaction. If it rolls back after all, updates made in place stay (memory
    /// stays safe; the state is what the body left). Beside other threads: as
    /// `begin(TxMode::Inevitable)`. Nested: a handle on the running transaction.
    pub fn begin_unlogged() -> Tx {
        let tx = Tx::begin(TxMode::Inevitable);
        let c = tx.ctx();
        if !tx.nested && c.mode.get() == Mode::Solo {
            c.unlogged.set(true);
            c.read_filter.set(0);
        }
        tx
    }

    /// Begins a transaction on this thread.
    ///
    /// If a transaction is already running on this thread, returns a handle on it
    /// instead (nesting flattens); committing that handle does nothing, and the outer
    /// transaction decides. After repeated aborts on this thread, an `Optimistic`
    /// request runs `Inevitable` (contention management); check [`Tx::mode`].
    pub fn begin(mode: TxMode) -> Tx {
        let ctx: *const Ctx = CTX.with(|c| c as *const Ctx);
        // SAFETY: the thread-local outlives every Tx of this thread (Tx is !Send).
        let c = unsafe { &*ctx };
        if c.active.get() {
            return Tx {
                ctx,
                guard: c.handle.pin(),
                nested: true,
            };
        }
        if !c.registered.get() {
            c.registered.set(true);
            inevitable::register(c.tid);
        }
        let mut inevitable = mode == TxMode::Inevitable;
        if !inevitable && c.cm.should_escalate() && !c.force_optimistic.get() {
            inevitable = true;
            c.stats.escalation();
        }
        c.force_optimistic.set(false);
        if inevitable {
            c.start_inevitable();
            // Solo only: cells this transaction creates cannot be reached by any other
            // thread's transaction before it ends (every other thread waits at
            // registration), so they may be written in place, without undo entries (on
            // a rollback nothing reaches them through the STM any more). Beside other
            // threads a cell may escape by a path outside the STM (a channel) while it
            // is still unlocked, and its in-place writes would be read dirty (tested in
            // tests/concurrency.rs): tracked transactions create ordinary cells.
            #[cfg(not(feature = "shuttle"))]
            NEW_OWNER.with(|o| {
                o.set(if c.mode.get() == Mode::Solo {
                    c.serial.get()
                } else {
                    0
                })
            });
        } else {
            c.mode.set(Mode::Optimistic);
            c.rv.set(clock::now());
        }
        c.active.set(true);
        c.site.set(0);
        c.doomed.set(None);
        c.sp_depth.set(0);
        if stats::enabled() {
            c.started.set(Some(Instant::now()));
        }
        // Pin last: acquiring the token may park, and a parked thread must not hold
        // back reclamation.
        let guard = c.handle.pin();
        Tx {
            ctx,
            guard,
            nested: false,
        }
    }

    #[inline(always)]
    pub(crate) fn ctx(&self) -> &Ctx {
        // SAFETY: see `begin`.
        unsafe { &*self.ctx }
    }

    pub(crate) fn is_nested(&self) -> bool {
        self.nested
    }

    pub fn mode(&self) -> TxMode {
        if self.ctx().mode.get() == Mode::Optimistic {
            TxMode::Optimistic
        } else {
            TxMode::Inevitable
        }
    }

    pub fn is_inevitable(&self) -> bool {
        self.mode() == TxMode::Inevitable
    }

    /// Inevitable with no other thread registered: the fast path with no bookkeeping
    /// (for tests and diagnostics).
    pub fn is_solo(&self) -> bool {
        self.ctx().mode.get() == Mode::Solo
    }

    /// Makes this transaction irrevocable (it will not abort from now on).
    /// Fails with `Conflict` if what it has read is already stale.
    pub fn become_inevitable(&mut self) -> StmResult<()> {
        self.make_inevitable()
    }

    /// Labels the code this transaction is running, for conflict attribution.
    #[inline]
    pub fn set_site(&self, site: Site) {
        self.ctx().site.set(site);
    }

    pub fn site(&self) -> Site {
        self.ctx().site.get()
    }

    /// Reads `var`. The reference stays valid until the transaction ends. Writes no
    /// shared memory. Optimistic: `Conflict` if the cell changed since the transaction's
    /// snapshot and the snapshot cannot be extended. Inevitable: never fails.
    #[inline]
    pub fn read<'t, T: Send + Sync + 'static>(&'t self, var: &'t TVar<T>) -> StmResult<&'t T> {
        let c = self.ctx();
        debug_assert!(c.active.get(), "Tx::read on a finished transaction");
        let h = var.header() as *const Header;
        let p = if c.mode.get() == Mode::Optimistic {
            c.read_optimistic(h, true)?
        } else {
            c.read_inevitable(h, true)
        };
        // SAFETY: `p` is a live `Box<T>` of this cell: a committed value (retired only
        // through the epoch, and we are pinned) or our private value (freed only when
        // replaced while not handed out, or when the transaction ends).
        Ok(unsafe { &*(p as *const T) })
    }

    /// Reads `var` and passes the value to `f`. Same guarantees as [`Tx::read`], but the
    /// reference does not outlive `f`, so reading this transaction's private value does
    /// not force the next [`Tx::modify`] of `var` to copy it (a `read` must assume the
    /// reference is still held). `f` must not access `var` through this transaction
    /// (that panics), exactly as for `modify`.
    #[inline(always)]
    pub fn view<T: Send + Sync + 'static, R>(
        &self,
        var: &TVar<T>,
        f: impl FnOnce(&T) -> R,
    ) -> StmResult<R> {
        let c = self.ctx();
        debug_assert!(c.active.get(), "Tx::view on a finished transaction");
        let h = var.header() as *const Header;
        let p = if c.mode.get() == Mode::Optimistic {
            c.read_optimistic(h, false)?
        } else {
            c.read_inevitable(h, false)
        };
        let _restore = Restore(&c.modifying, c.modifying.replace(h));
        // SAFETY: as in `read`, `p` is live; and nothing can mutate or free it while `f`
        // runs: in-place mutation and freeing of a private value happen only in
        // `modify`/`write`, which refuse `var` while `modifying` names it.
        Ok(f(unsafe { &*(p as *const T) }))
    }

    /// Writes `value` to `var`; visible to others only once the transaction commits.
    #[inline]
    pub fn write<T: Send + Sync + 'static>(&self, var: &TVar<T>, value: T) -> StmResult<()> {
        let c = self.ctx();
        debug_assert!(c.active.get(), "Tx::write on a finished transaction");
        let h = var.header() as *const Header;
        let new = Box::into_raw(Box::new(value)) as *mut ();
        if c.mode.get() == Mode::Optimistic {
            c.write_optimistic(h, new, drop_box::<T>);
        } else {
            c.write_inevitable(h, new, drop_box::<T>);
        }
        Ok(())
    }

    /// Updates the value in place through `f`. Semantically `read` + clone + `write`, but
    /// the clone happens only on the first write of `var` in this transaction or when a
    /// `read` has handed out a reference to the private copy since the last `modify`.
    /// `f` must not access `var` through this transaction (that panics).
    pub fn modify<T: Clone + Send + Sync + 'static, R>(
        &self,
        var: &TVar<T>,
        f: impl FnOnce(&mut T) -> R,
    ) -> StmResult<R> {
        let c = self.ctx();
        debug_assert!(c.active.get(), "Tx::modify on a finished transaction");
        let h = var.header() as *const Header;
        let p: *mut T = if c.mode.get() == Mode::Optimistic {
            let logs = c.logs();
            match logs.find(h) {
                Some(i) if !logs.writes[i].shared => {
                    c.check_not_modifying(h);
                    logs.writes[i].new as *mut T
                }
                _ => {
                    let cur = self.view(var, T::clone)?;
                    let new = Box::into_raw(Box::new(cur));
                    c.write_optimistic(h, new as *mut (), drop_box::<T>);
                    new
                }
            }
        } else {
            let hr = var.header();
            let w = hr.wtx.load(Ordering::Relaxed);
            if w == c.serial.get() && c.sp_depth.get() == 0 {
                c.check_not_modifying(h);
                hr.value.load(Ordering::Relaxed) as *mut T
            } else if c.unlogged.get()
                && c.mode.get() == Mode::Solo
                && c.sp_depth.get() == 0
                && w >> 1 != c.serial.get() >> 1
                && c.read_filter.get() & header_bit(h) == 0
            {
                c.check_not_modifying(h);
                c.adopt_unlogged(hr, drop_box::<T>);
                hr.value.load(Ordering::Relaxed) as *mut T
            } else {
                let cur = self.view(var, T::clone)?;
                let new = Box::into_raw(Box::new(cur));
                c.write_inevitable(h, new as *mut (), drop_box::<T>);
                new
            }
        };
        let _restore = Restore(&c.modifying, c.modifying.replace(h));
        // SAFETY: `p` is this transaction's private value of `var`, not handed out by
        // any `read` (or freshly made), and nothing else can reach it while `f` runs:
        // others never dereference private values, and our own accesses to `var` are
        // refused while `modifying` names it. Or (unlogged) the committed value, which
        // no `read` of this transaction handed out (the filter) and no other thread
        // can reach: solo, none runs a transaction, and values are reached only inside
        // transactions.
        Ok(f(unsafe { &mut *p }))
    }

    /// Aborts and blocks until a cell this transaction read changes.
    pub fn retry<R>(&self) -> StmResult<R> {
        let c = self.ctx();
        if c.doomed.get().is_none() {
            c.doomed.set(Some((StmError::Retry, AbortCause::Retry)));
        }
        Err(StmError::Retry)
    }

    /// Commits. Consumes the transaction, so no reference from it survives.
    /// Optimistic: `Err(Conflict)` if validation fails (everything is rolled back).
    /// Inevitable: always succeeds. A doomed transaction (one that saw Conflict/Retry)
    /// rolls back and returns that error. On a nested handle: does nothing.
    pub fn commit(self) -> StmResult<()> {
        if self.nested {
            return match self.ctx().doomed.get() {
                Some((e, _)) => Err(e),
                None => Ok(()),
            };
        }
        // SAFETY: see `begin`; the context outlives this handle.
        let c = unsafe { &*self.ctx };
        let r = c.commit(&self.guard);
        c.finish();
        drop(self);
        c.settle();
        c.retire_dropped();
        r
    }

    /// Commits and returns the commit's place in the serialization order: `(timestamp,
    /// wrote)`. A writer (or inevitable) transaction is ordered at `timestamp` after
    /// every other writer with a smaller timestamp (equal timestamps never conflict);
    /// a read-only one right after all writers with `timestamp <= ` its own. For tests
    /// and tools (the serializability test replays commits in this order).
    pub fn commit_with_stamp(self) -> StmResult<(u64, bool)> {
        // SAFETY: see `begin`; the context outlives this handle.
        let c = unsafe { &*self.ctx };
        self.commit()?;
        Ok(c.stamp.get())
    }

    /// Rolls back every write of this transaction. On a nested handle: dooms the outer
    /// transaction (flattened nesting cannot roll back half of it).
    pub fn abort(self) {
        // SAFETY: see `begin`; the context outlives this handle.
        let c = unsafe { &*self.ctx };
        if self.nested {
            if c.doomed.get().is_none() {
                c.doomed
                    .set(Some((StmError::Conflict, AbortCause::Validation)));
            }
            return;
        }
        c.rollback(&self.guard);
        c.finish();
        drop(self);
        c.settle();
        c.retire_dropped();
    }

    /// Rolls back, then blocks until a cell this transaction read is changed by a commit
    /// (what [`StmError::Retry`] asks for).
    pub fn abort_and_wait(self) {
        if self.nested {
            self.abort();
            return;
        }
        // SAFETY: see `begin`; the context outlives this handle.
        let c = unsafe { &*self.ctx };
        if c.doomed.get().is_none() {
            c.doomed.set(Some((StmError::Retry, AbortCause::Retry)));
        }
        let wait = c.prepare_wait();
        c.rollback(&self.guard);
        c.finish();
        drop(self);
        c.settle();
        c.retire_dropped();
        // A parked thread runs no transaction: while it waits, a thread left alone may
        // take the solo fast path (whose commits still bump the versions it watches).
        // It registers again on its next transaction.
        c.detach();
        c.flush_retired();
        wait.wait();
    }

    /// Makes the running transaction inevitable (see [`Tx::become_inevitable`]).
    pub fn make_inevitable(&self) -> StmResult<()> {
        self.ctx().make_inevitable()
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        let c = self.ctx();
        if !self.nested && c.active.get() {
            // Neither committed nor aborted (e.g. unwinding): roll back.
            c.rollback(&self.guard);
            c.finish();
        }
    }
}
