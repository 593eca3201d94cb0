//! Ending a transaction: the commit protocol, rollback, becoming inevitable, waiting
//! for `retry`, and savepoints (nested `try_atomically`, `or_else`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use crossbeam_epoch::Guard;

use crate::StmError;
use crate::clock::{self, is_locked, locked_by, owner, unlocked, version};
use crate::contention::ESCALATE_AFTER;
use crate::inevitable::{self, Holder};
use crate::park;
use crate::stats::{self, AbortCause};
use crate::tx::{Ctx, Mode, UEntry};
use crate::var::{DropFn, Header};

static STRESS: AtomicU32 = AtomicU32::new(0);

/// Stress mode: make one optimistic commit in `one_in` fail spuriously (0 = off), so
/// every retry path of the callers runs. Inevitable transactions are never affected.
/// The environment variable `STMPY_STM_STRESS=n` sets it when the process first uses
/// the engine (CI runs the test suite once that way).
pub fn set_stress(one_in: u32) {
    STRESS.store(one_in, Ordering::Relaxed);
}

pub(crate) fn init_stress_from_env() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Some(n) = std::env::var("STMPY_STM_STRESS")
            .ok()
            .and_then(|v| v.parse::<u32>().ok())
        {
            set_stress(n);
        }
    });
}

/// Committed values displaced on one thread are handed to the epoch collector in
/// batches of this many, as one deferred item: deferring each on its own filled the
/// thread's bag every 32 two-cell commits, and shipping a full bag to the global queue
/// (a 2 KiB copy, a node allocation, a collection) cost more than the commit itself.
pub(crate) const RETIRE_BATCH: usize = 64;

/// Defers freeing `batch` (committed values that other transactions may still be
/// reading, each with its drop function).
///
/// Deferring later than the moment a value was unlinked is as safe as deferring then:
/// the collector runs `free` only after every thread pinned now has unpinned, which
/// includes every thread that was pinned at the unlink and still is; a thread that
/// pinned after the unlink cannot reach the value.
pub(crate) fn retire_values(guard: &Guard, batch: Vec<(*mut (), DropFn)>) {
    if batch.is_empty() {
        return;
    }
    let batch = SendValues(batch);
    let free = move || {
        let batch = batch;
        for (p, drop) in batch.0 {
            // SAFETY: `p` was the committed value of a cell, replaced there before it
            // was batched, so it was retired once; `drop` matches its type.
            unsafe { drop(p) };
        }
    };
    // SAFETY: the values are of `Send + Sync + 'static` cells (see above for when it runs).
    unsafe { guard.defer_unchecked(free) };
}

/// Retired values travel to whichever thread runs the collection.
struct SendValues(Vec<(*mut (), DropFn)>);
// SAFETY: every value is the `Box<T>` of a `TVar<T>` with `T: Send + Sync`.
unsafe impl Send for SendValues {}

/// A full batch of retired values, waiting on the thread that retired them until the
/// epoch collector says that no transaction can still read them.
///
/// Why not let the collector free them: it runs deferred items on whichever thread
/// collects, and a value freed on a thread other than the one that allocated it goes
/// through the allocator's cross-thread free list, whose cache line the allocating
/// thread keeps writing: two threads committing disjoint cells spent a quarter of their
/// time in `mi_free` and ran at 0.43x the throughput of one thread. The deferred item
/// now only raises `safe`; the owner frees at a transaction end (see
/// `Ctx::free_safe_batches`).
pub(crate) struct HomeBatch {
    pub(crate) values: Vec<(*mut (), DropFn)>,
    pub(crate) safe: Arc<AtomicBool>,
}

impl Ctx {
    /// Queues a displaced committed value for reclamation (see [`RETIRE_BATCH`]).
    ///
    /// # Safety
    /// `p` was the committed value of `h` and has just been replaced there.
    #[inline]
    unsafe fn retire(&self, guard: &Guard, h: &Header, p: *mut (), drop: DropFn) {
        // SAFETY: by this function's contract.
        let p = unsafe { h.detach(p) };
        let logs = self.logs();
        logs.retired.push((p, drop));
        if logs.retired.len() >= RETIRE_BATCH {
            let values = std::mem::replace(&mut logs.retired, Vec::with_capacity(RETIRE_BATCH));
            let safe = Arc::new(AtomicBool::new(false));
            let raise = safe.clone();
            // Runs once every thread pinned now has unpinned (see `retire_values` for
            // why deferring after the unlink is sound). No flush owed (unlike dropped
            // cells): a transaction-heavy thread pins often, and the collector runs
            // every 128 pins; the memory test bounds it.
            guard.defer(move || raise.store(true, Ordering::Release));
            logs.waiting.push_back(HomeBatch { values, safe });
        }
    }

    /// Frees the oldest waiting batches that the collector has released. Called at a
    /// top-level transaction end, with no log borrowed (drops run user code).
    #[inline]
    pub(crate) fn free_safe_batches(&self) {
        loop {
            let logs = self.logs();
            match logs.waiting.front() {
                Some(b) if b.safe.load(Ordering::Acquire) => {}
                _ => return,
            }
            let batch = logs.waiting.pop_front().expect("front was checked");
            for (p, drop) in batch.values {
                // SAFETY: `p` was a committed value, replaced in its cell before it was
                // batched (so retired once); `safe` was raised by the collector after
                // every transaction that could read it had ended; `drop` matches its type.
                unsafe { drop(p) };
            }
        }
    }
}

/// A retry-waiter's condition: some watched cell changed after `rv`, or (with nothing
/// to watch) the clock moved.
pub(crate) struct WaitSet {
    cells: Vec<*const Header>,
    rv: u64,
}

impl WaitSet {
    pub(crate) fn wait(self) {
        let changed = || {
            if self.cells.is_empty() {
                return clock::now() != self.rv;
            }
            self.cells.iter().any(|&h| {
                // SAFETY: pinned for waiting (`pin_for_wait`), so still allocated.
                let l = unsafe { (*h).lock.load(Ordering::SeqCst) };
                is_locked(l) || version(l) > self.rv
            })
        };
        if self.cells.is_empty() {
            park::wait_until(changed);
        } else {
            park::wait_for_cells(changed);
        }
        for h in self.cells {
            // SAFETY: each was pinned once in `prepare_wait`.
            unsafe { Header::unpin_for_wait(h) };
        }
    }
}

/// Marks of the logs at a savepoint.
pub(crate) struct Savepoint {
    writes: usize,
    undo: usize,
    shadow: usize,
}

impl Ctx {
    pub(crate) fn start_inevitable(&self) {
        let solo = inevitable::acquire(self.tid);
        let s = crate::tx::next_serial();
        self.serial.set(s << 1);
        self.bloom_dirty.set(0);
        self.mode.set(if solo { Mode::Solo } else { Mode::Tracked });
    }

    /// Commit steps (numbered as in the overview in lib.rs).
    pub(crate) fn commit(&self, guard: &Guard) -> Result<(), StmError> {
        if let Some((e, _)) = self.doomed.get() {
            self.rollback(guard);
            return Err(e);
        }
        if self.mode.get() != Mode::Optimistic {
            self.commit_inevitable(guard);
            return Ok(());
        }
        let logs = self.logs();
        // (1) Read-only: every read was validated against rv when it was made, so the
        // transaction is consistent at rv. Nothing shared is written.
        if logs.writes.is_empty() {
            if self.stressed() {
                return Err(self.fail(guard, AbortCause::Stress, std::ptr::null(), 0));
            }
            self.stamp.set((self.rv.get(), false));
            self.stats.commit(false);
            self.cm.reset();
            return Ok(());
        }
        // (2) Lock the write set.
        let tid = self.tid;
        for i in 0..logs.writes.len() {
            // SAFETY: logged headers stay valid while we are pinned.
            let h = unsafe { &*logs.writes[i].h };
            let mut spins = 0;
            loop {
                let l = h.lock.load(Ordering::Acquire);
                if is_locked(l) {
                    if spins < 64 {
                        spins += 1;
                        crate::sync::spin_loop();
                        continue;
                    }
                    let cause = self.lock_cause(l);
                    return Err(self.fail(guard, cause, h, i));
                }
                if h.lock
                    .compare_exchange_weak(l, locked_by(tid), Ordering::SeqCst, Ordering::Relaxed)
                    .is_ok()
                {
                    logs.writes[i].old_lock = l;
                    crate::sync::switch();
                    break;
                }
            }
        }
        let n = logs.writes.len();
        // (3) Stay off the inevitable transaction's reads (see inevitable.rs).
        match inevitable::holder(tid) {
            Holder::None => {}
            Holder::Tracked => {
                for e in &logs.writes {
                    if inevitable::bloom_has(e.h) {
                        return Err(self.fail(guard, AbortCause::Inevitable, e.h, n));
                    }
                }
            }
            Holder::Exclusive => {
                return Err(self.fail(guard, AbortCause::Inevitable, std::ptr::null(), n));
            }
        }
        let wake = park::must_wake(|| {
            logs.writes.iter().any(|e| {
                // SAFETY: logged headers stay valid while we are pinned.
                unsafe { (*e.h).watched() }
            })
        });
        crate::sync::switch();
        // (4) Take the write version: the linearization point of the commit.
        let (wv, exclusive) = clock::tick();
        // (5) Validate the read set (skipped when nobody can have committed since rv).
        let rv = self.rv.get();
        crate::sync::switch();
        if !(exclusive && wv == rv + 1) {
            for &r in &logs.reads {
                crate::sync::switch();
                // SAFETY: logged headers stay valid while we are pinned.
                let l = unsafe { (*r).lock.load(Ordering::Acquire) };
                let ok = if !is_locked(l) {
                    version(l) <= rv
                } else if owner(l) == tid {
                    let i = logs.find(r).expect("a cell we locked is in our write set");
                    version(logs.writes[i].old_lock) <= rv
                } else {
                    false
                };
                if !ok {
                    let cause = if is_locked(l) && owner(l) != tid {
                        self.lock_cause(l)
                    } else {
                        AbortCause::Validation
                    };
                    return Err(self.fail(guard, cause, r, n));
                }
            }
        }
        // Spurious abort in stress mode: after validation, so that real conflicts are
        // still seen, and with the locks held, so that their release path runs.
        if self.stressed() {
            return Err(self.fail(guard, AbortCause::Stress, std::ptr::null(), n));
        }
        // (6) Write back: publish the new values, retire the old ones.
        let site = stats::enabled().then(|| self.site.get());
        for e in &logs.writes {
            // SAFETY: logged headers stay valid while we are pinned; we hold the lock.
            let h = unsafe { &*e.h };
            let old = h.value.load(Ordering::Relaxed);
            h.value.store(e.new, Ordering::Release);
            if let Some(s) = site {
                h.site.store(s, Ordering::Relaxed);
            }
            // SAFETY: `old` was the committed value, replaced just above.
            unsafe { self.retire(guard, h, old, e.drop) };
            crate::sync::switch();
        }
        // (7) Release the locks with the new version.
        for e in &logs.writes {
            // SAFETY: as above.
            unsafe { (*e.h).lock.store(unlocked(wv), Ordering::Release) };
            crate::sync::switch();
        }
        // The cells own the new values now.
        logs.writes.clear();
        if wake {
            park::wake_all();
        }
        self.stamp.set((wv, true));
        self.stats.commit(false);
        self.cm.reset();
        Ok(())
    }

    #[inline(always)]
    fn stressed(&self) -> bool {
        let n = STRESS.load(Ordering::Relaxed);
        n != 0 && self.cm.chance(n)
    }

    /// An engine abort during commit: release the first `locked` write locks, roll
    /// back, count it. The caller returns `Conflict`.
    #[cold]
    fn fail(&self, guard: &Guard, cause: AbortCause, h: *const Header, locked: usize) -> StmError {
        let logs = self.logs();
        for e in &logs.writes[..locked] {
            // SAFETY: logged headers stay valid while we are pinned; we hold the lock.
            unsafe { (*e.h).lock.store(e.old_lock, Ordering::Release) };
        }
        self.conflict(cause, h);
        self.rollback(guard);
        StmError::Conflict
    }

    fn commit_inevitable(&self, guard: &Guard) {
        let logs = self.logs();
        let site = stats::enabled().then(|| self.site.get());
        // One clock step even in solo mode (cheap: the line is ours when alone), so
        // commit stamps order inevitable transactions among the others.
        let wv = if self.mode.get() == Mode::Tracked {
            clock::tick().0
        } else {
            clock::tick_solo()
        };
        self.stamp.set((wv, true));
        // Whether a parked `retry` waiter watches a cell written here (see park.rs).
        let mut pinned = false;
        if self.mode.get() == Mode::Tracked {
            for u in logs.undo.drain(..) {
                // SAFETY: logged headers stay valid while we are pinned.
                let h = unsafe { &*u.h };
                pinned |= h.watched();
                h.holds_undo.store(false, Ordering::Relaxed);
                if u.old_wtx == 0 {
                    if let Some(s) = site {
                        h.site.store(s, Ordering::Relaxed);
                    }
                    h.lock.store(unlocked(wv), Ordering::Release);
                    // SAFETY: `u.old` was the committed value, replaced by our write.
                    unsafe { self.retire(guard, h, u.old, u.drop) };
                } else {
                    // SAFETY: an earlier private value of ours, replaced by our write;
                    // the cell was locked by us the whole time, so nobody else
                    // dereferenced it.
                    unsafe { (u.drop)(h.detach(u.old)) };
                }
            }
            inevitable::bloom_clear(self.bloom_dirty.replace(0));
        } else {
            for u in logs.undo.drain(..) {
                // SAFETY: logged headers stay valid while we are pinned.
                let h = unsafe { &*u.h };
                h.holds_undo.store(false, Ordering::Relaxed);
                if let Some(s) = site {
                    h.site.store(s, Ordering::Relaxed);
                }
                // No transaction runs beside a solo one, but a thread parked in `retry`
                // (deregistered while it waits) watches the versions of what it read.
                h.lock.store(unlocked(wv), Ordering::Release);
                pinned |= h.watched();
                // Null: a stamp-only entry (an unlogged in-place update), nothing displaced.
                if !u.old.is_null() {
                    // SAFETY (solo mode): no other thread is registered, and references
                    // to values exist only inside transactions, so nothing refers to
                    // the displaced value once this transaction ends (now).
                    unsafe { (u.drop)(h.detach(u.old)) };
                }
            }
        }
        inevitable::release();
        if pinned && park::anyone_waiting() {
            park::wake_all();
        }
        self.stats.commit(true);
        self.cm.reset();
    }

    /// Rolls back everything. If the transaction was doomed by the engine, counts the
    /// abort and remembers to back off (done by `settle` once unpinned).
    pub(crate) fn rollback(&self, _guard: &Guard) {
        let logs = self.logs();
        if self.mode.get() == Mode::Optimistic {
            for e in logs.writes.drain(..) {
                // SAFETY: private, never published; references to it are dead (the
                // transaction is being consumed).
                unsafe { (e.drop)(e.new) };
            }
        } else {
            self.undo_to(0);
            inevitable::bloom_clear(self.bloom_dirty.replace(0));
            inevitable::release();
            self.mode.set(Mode::Optimistic);
        }
        if let Some((_, cause)) = self.doomed.get() {
            self.stats.abort(cause);
            if let Some(t) = self.started.get() {
                self.stats.wasted(t.elapsed().as_nanos() as u64);
            }
            self.pending.set(Some(cause));
        }
    }

    /// Restores undo entries above `mark` (inevitable mode), newest first.
    fn undo_to(&self, mark: usize) {
        let logs = self.logs();
        while logs.undo.len() > mark {
            let u: UEntry = logs.undo.pop().expect("len > mark");
            // SAFETY: logged headers stay valid while we are pinned.
            let h = unsafe { &*u.h };
            if mark == 0 {
                // The transaction ends: no entry of it is left (a partial rollback may
                // leave another entry for this cell, so it keeps the flag).
                h.holds_undo.store(false, Ordering::Relaxed);
            }
            if u.old.is_null() {
                // An unlogged in-place update (`Tx::begin_unlogged`): there is no old
                // value to restore; the cell keeps what the body left and stops being
                // ours.
                h.wtx.store(0, Ordering::Relaxed);
                continue;
            }
            let cur = h.value.load(Ordering::Relaxed);
            let cur_shared = h.wtx.load(Ordering::Relaxed) & 1 != 0;
            h.value.store(u.old, Ordering::Release);
            if u.old_wtx == 0 {
                h.wtx.store(0, Ordering::Relaxed);
                if self.mode.get() == Mode::Tracked {
                    h.lock.store(u.old_lock, Ordering::Release);
                }
            } else {
                h.wtx.store(u.old_wtx, Ordering::Relaxed);
            }
            // SAFETY: `cur` was just replaced in the cell by the restored value.
            let cur = unsafe { h.detach(cur) };
            if cur_shared {
                logs.keep.push((cur, u.drop));
            } else {
                // SAFETY: our private value, not handed out, never dereferenced by
                // others (solo: no others; tracked: the cell was locked).
                unsafe { (u.drop)(cur) };
            }
        }
    }

    /// Clears the per-transaction state; the thread may begin a new transaction.
    pub(crate) fn finish(&self) {
        self.unlogged.set(false);
        let logs = self.logs();
        logs.reads.clear();
        debug_assert!(logs.writes.is_empty() && logs.undo.is_empty());
        logs.writes.clear();
        logs.index.clear();
        logs.wmask = 0;
        for s in logs.shadow.drain(..) {
            // Shadows only exist inside savepoints, which are closed by now unless the
            // transaction unwound: then the values are private and unreferenced.
            // SAFETY: a private value of a write-set entry, never published.
            unsafe { (s.drop)(s.new) };
        }
        for (p, d) in logs.keep.drain(..) {
            // SAFETY: private values kept alive for references that died with the
            // transaction.
            unsafe { d(p) };
        }
        self.sp_depth.set(0);
        self.mode.set(Mode::Optimistic);
        self.started.set(None);
        self.active.set(false);
    }

    /// After a transaction ended (and its guard is dropped): back off after an engine
    /// abort, or wait for the inevitable transaction that was in the way.
    pub(crate) fn settle(&self) {
        match self.pending.take() {
            None | Some(AbortCause::Retry) => {}
            Some(AbortCause::Inevitable) => {
                self.cm.note_abort();
                inevitable::wait_for_release(self.tid);
            }
            Some(_) => self.cm.aborted(),
        }
    }

    /// Collects what a `retry` waits on, pinning each header so it stays allocated
    /// while we wait unpinned. Call before `rollback`.
    pub(crate) fn prepare_wait(&self) -> WaitSet {
        if self.mode.get() != Mode::Optimistic {
            // No read set is kept in inevitable mode: wait for any commit, and run the
            // next attempt optimistically so that it records what it reads.
            self.force_optimistic.set(true);
            return WaitSet {
                cells: Vec::new(),
                rv: clock::now(),
            };
        }
        let mut cells = self.logs().reads.clone();
        cells.sort_unstable();
        cells.dedup();
        for &h in &cells {
            // SAFETY: logged headers stay valid while we are pinned (we still are).
            unsafe { (*h).pin_for_wait() };
        }
        WaitSet {
            cells,
            rv: self.rv.get(),
        }
    }

    /// Turns the running optimistic transaction inevitable (see inevitable.rs).
    pub(crate) fn make_inevitable(&self) -> Result<(), StmError> {
        if self.mode.get() != Mode::Optimistic {
            return Ok(());
        }
        if let Some((e, _)) = self.doomed.get() {
            return Err(e);
        }
        if self.sp_depth.get() > 0 {
            // Converting the logs inside a savepoint would lose what it must restore:
            // abort, and make the next attempt inevitable from the start.
            self.cm.consecutive.set(ESCALATE_AFTER);
            return Err(self.conflict(AbortCause::Inevitable, std::ptr::null()));
        }
        self.start_inevitable();
        let logs = self.logs();
        if self.mode.get() == Mode::Tracked {
            let mut dirty = 0u64;
            for &r in &logs.reads {
                dirty |= 1 << inevitable::bloom_add(r);
            }
            self.bloom_dirty.set(dirty);
            inevitable::bloom_fence();
        }
        let rv = self.rv.get();
        for &r in &logs.reads {
            // SAFETY: logged headers stay valid while we are pinned.
            let h = unsafe { &*r };
            let l = loop {
                let l = h.lock.load(Ordering::SeqCst);
                if !is_locked(l) {
                    break l;
                }
                crate::sync::yield_now();
            };
            if version(l) > rv {
                inevitable::bloom_clear(self.bloom_dirty.replace(0));
                inevitable::release();
                self.mode.set(Mode::Optimistic);
                return Err(self.conflict(AbortCause::Validation, r));
            }
        }
        let serial = self.serial.get();
        let tracked = self.mode.get() == Mode::Tracked;
        for e in logs.writes.drain(..) {
            // SAFETY: logged headers stay valid while we are pinned.
            let h = unsafe { &*e.h };
            let old_lock = if tracked {
                loop {
                    let l = h.lock.load(Ordering::Acquire);
                    if !is_locked(l)
                        && h.lock
                            .compare_exchange(
                                l,
                                locked_by(self.tid),
                                Ordering::SeqCst,
                                Ordering::Relaxed,
                            )
                            .is_ok()
                    {
                        break l;
                    }
                    crate::sync::yield_now();
                }
            } else {
                0
            };
            let old = h.value.load(Ordering::Relaxed);
            h.value.store(e.new, Ordering::Release);
            h.wtx.store(serial | e.shared as u64, Ordering::Relaxed);
            h.holds_undo.store(true, Ordering::Relaxed);
            logs.undo.push(UEntry {
                h: e.h,
                old,
                drop: e.drop,
                old_lock,
                old_wtx: 0,
            });
        }
        logs.index.clear();
        logs.wmask = 0;
        logs.reads.clear();
        Ok(())
    }

    pub(crate) fn savepoint(&self) -> Savepoint {
        self.sp_depth.set(self.sp_depth.get() + 1);
        let logs = self.logs();
        Savepoint {
            writes: logs.writes.len(),
            undo: logs.undo.len(),
            shadow: logs.shadow.len(),
        }
    }

    /// Keeps the work done since `sp`.
    pub(crate) fn release_savepoint(&self, _sp: Savepoint) {
        let d = self.sp_depth.get() - 1;
        self.sp_depth.set(d);
        if d == 0 {
            let logs = self.logs();
            for s in logs.shadow.drain(..) {
                if s.shared {
                    logs.keep.push((s.new, s.drop));
                } else {
                    // SAFETY: an overwritten private value that nothing refers to.
                    unsafe { (s.drop)(s.new) };
                }
            }
        }
    }

    /// Undoes the writes made since `sp` (reads stay logged: a retry waits on them).
    pub(crate) fn rollback_to(&self, sp: Savepoint) {
        let logs = self.logs();
        if self.mode.get() == Mode::Optimistic {
            while logs.shadow.len() > sp.shadow {
                let s = logs.shadow.pop().expect("len > mark");
                let e = &mut logs.writes[s.index];
                let cur = std::mem::replace(&mut e.new, s.new);
                let cur_shared = std::mem::replace(&mut e.shared, s.shared);
                if cur_shared {
                    logs.keep.push((cur, s.drop));
                } else {
                    // SAFETY: private, unreferenced.
                    unsafe { (s.drop)(cur) };
                }
            }
            let keep_index = sp.writes > crate::tx::INDEX_FROM;
            for e in logs.writes.drain(sp.writes..) {
                if keep_index {
                    logs.index.remove(&(e.h as usize));
                }
                if e.shared {
                    logs.keep.push((e.new, e.drop));
                } else {
                    // SAFETY: private, unreferenced.
                    unsafe { (e.drop)(e.new) };
                }
            }
            if !keep_index {
                logs.index.clear();
            }
        } else {
            self.undo_to(sp.undo);
        }
        self.sp_depth.set(self.sp_depth.get() - 1);
    }
}
