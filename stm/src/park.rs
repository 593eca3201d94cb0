//! Blocking without spinning: one process-wide mutex + condition variable.
//!
//! Who waits: a transaction that called `retry` (until a cell it read is changed by a
//! commit), a transaction stopped by the inevitable one (until the inevitable token is
//! released), and threads waiting for the inevitable token themselves.
//!
//! No lost wake-ups: a waiter increments [`WAITERS`] (SeqCst) *before* checking its
//! condition under the mutex; a waker makes its change visible (a SeqCst RMW: a lock
//! CAS, a token store) *before* loading `WAITERS` (SeqCst), and if it sees waiters it
//! takes the mutex and notifies. So either the waker sees the waiter, or the waiter's
//! check sees the change. Waiters re-check their own condition after every wake-up
//! (wake-ups are broadcast), so an unrelated commit costs them one check, not a spin.
//!
//! Targeted wake-ups: a `retry` waiter watches cells it pinned (`Header::pins`), so a
//! committer wakes the parked threads only if it wrote a pinned cell, or if some waiter
//! waits for something else (the token, any commit: counted in [`BROAD`]). Without the
//! filter a thread parked in `join` was woken by every commit of the threads it waits
//! for. The filter keeps the argument above: a waiter pins its cells and counts itself
//! in `BROAD` *before* its SeqCst increment of `WAITERS`, so a waker whose SeqCst load
//! of `WAITERS` sees that increment also sees the pins and `BROAD` (the load reads from
//! a release RMW, so it synchronizes with it).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

static WAITERS: AtomicUsize = AtomicUsize::new(0);
/// Waiters that do not watch pinned cells (token waiters, cell-less retries).
static BROAD: AtomicUsize = AtomicUsize::new(0);
static MUTEX: Mutex<()> = Mutex::new(());
static CHANGED: Condvar = Condvar::new();

/// Broadcasts so far, and condition checks made by this thread's waits (the unit tests
/// compare them: a parked waiter checks once per wake-up, a spinning one far more).
#[cfg(test)]
pub(crate) static WAKES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
#[cfg(test)]
thread_local! {
    pub(crate) static CHECKS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Is anybody parked (or about to park)? Call after making the change visible.
#[inline(always)]
pub(crate) fn anyone_waiting() -> bool {
    WAITERS.load(Ordering::SeqCst) != 0
}

/// Is anybody parked that a commit writing cells with the given `pins` counts must wake?
/// Call after making the change visible.
#[inline]
pub(crate) fn must_wake(mut pinned: impl FnMut() -> bool) -> bool {
    anyone_waiting() && (BROAD.load(Ordering::SeqCst) != 0 || pinned())
}

/// Wakes every parked thread so it re-checks its condition.
pub(crate) fn wake_all() {
    let _g = MUTEX.lock().unwrap_or_else(|p| p.into_inner());
    #[cfg(test)]
    WAKES.fetch_add(1, Ordering::SeqCst);
    CHANGED.notify_all();
}

/// Blocks until `done()` returns true; woken by any commit or token release (see
/// [`wait_for_cells`] for waiters whose condition is about pinned cells).
pub(crate) fn wait_until(done: impl FnMut() -> bool) {
    BROAD.fetch_add(1, Ordering::SeqCst);
    park(done);
    BROAD.fetch_sub(1, Ordering::SeqCst);
}

/// Blocks until `done()` returns true, where `done` only looks at cells the caller has
/// pinned (`Header::pin_for_wait`): woken only by commits that write a pinned cell.
pub(crate) fn wait_for_cells(done: impl FnMut() -> bool) {
    park(done);
}

/// Blocks until `done()` returns true. `done` is evaluated under the park mutex, after
/// this thread is counted as a waiter.
#[cfg(not(feature = "shuttle"))]
fn park(mut done: impl FnMut() -> bool) {
    WAITERS.fetch_add(1, Ordering::SeqCst);
    let mut g = MUTEX.lock().unwrap_or_else(|p| p.into_inner());
    #[cfg(test)]
    let mut done = || {
        CHECKS.with(|c| c.set(c.get() + 1));
        done()
    };
    while !done() {
        g = CHANGED.wait(g).unwrap_or_else(|p| p.into_inner());
    }
    drop(g);
    WAITERS.fetch_sub(1, Ordering::SeqCst);
}

/// Under the model checker: a yield loop (a std condvar would block every coroutine).
#[cfg(feature = "shuttle")]
fn park(mut done: impl FnMut() -> bool) {
    WAITERS.fetch_add(1, Ordering::SeqCst);
    while !done() {
        crate::sync::yield_now();
    }
    WAITERS.fetch_sub(1, Ordering::SeqCst);
}
