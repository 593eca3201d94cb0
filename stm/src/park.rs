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

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

static WAITERS: AtomicUsize = AtomicUsize::new(0);
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

/// Wakes every parked thread so it re-checks its condition.
pub(crate) fn wake_all() {
    let _g = MUTEX.lock().unwrap_or_else(|p| p.into_inner());
    #[cfg(test)]
    WAKES.fetch_add(1, Ordering::SeqCst);
    CHANGED.notify_all();
}

/// Blocks until `done()` returns true. `done` is evaluated under the park mutex, after
/// this thread is counted as a waiter.
#[cfg(not(feature = "shuttle"))]
pub(crate) fn wait_until(mut done: impl FnMut() -> bool) {
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
pub(crate) fn wait_until(mut done: impl FnMut() -> bool) {
    WAITERS.fetch_add(1, Ordering::SeqCst);
    while !done() {
        crate::sync::yield_now();
    }
    WAITERS.fetch_sub(1, Ordering::SeqCst);
}
