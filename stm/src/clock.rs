//! The global version clock and the versioned lock word.
//!
//! Lock word bit layout (`Header::lock`):
//!
//! ```text
//! unlocked: version << 1 | 0    version = the commit timestamp of the last writer
//! locked  : owner   << 1 | 1    owner   = thread id of the committer (or inevitable tx)
//! ```
//!
//! A committer remembers the version it displaced (in its write-set entry), so it can
//! validate its own reads of cells it has locked.
//!
//! Two clock schemes can be selected at run time (for measurement, see ARCHITECTURE.md):
//! - GV1 (TL2's original): every writer commit does `fetch_add(1)`.
//! - GV4 ("pass on failure"): one CAS; if it fails, some concurrent committer has moved
//!   the clock and we share its timestamp. Sound because the clock is read only after
//!   the committer holds all its write locks. Forbids TL2's `wv == rv + 1` shortcut.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

use crossbeam_utils::CachePadded;

static CLOCK: CachePadded<AtomicU64> = CachePadded::new(AtomicU64::new(0));
static SCHEME: AtomicU8 = AtomicU8::new(ClockScheme::Gv4 as u8);

/// Which global-clock increment rule writer commits use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ClockScheme {
    /// `fetch_add` on every writer commit.
    Gv1 = 1,
    /// One compare-and-swap; on failure, share the winner's timestamp.
    Gv4 = 4,
}

/// Selects the clock scheme for subsequent commits (the default is GV4).
pub fn set_clock_scheme(s: ClockScheme) {
    SCHEME.store(s as u8, Ordering::Relaxed);
}

pub fn clock_scheme() -> ClockScheme {
    match SCHEME.load(Ordering::Relaxed) {
        1 => ClockScheme::Gv1,
        _ => ClockScheme::Gv4,
    }
}

/// The current clock: the read version of a transaction that starts now.
#[inline(always)]
pub(crate) fn now() -> u64 {
    CLOCK.load(Ordering::Acquire)
}

/// Takes a write version. Must be called after all write locks are held.
/// Returns `(wv, exclusive)`: `exclusive` is true when no other committer can share `wv`.
#[inline]
pub(crate) fn tick() -> (u64, bool) {
    if SCHEME.load(Ordering::Relaxed) == ClockScheme::Gv1 as u8 {
        return (CLOCK.fetch_add(1, Ordering::SeqCst) + 1, true);
    }
    let c = CLOCK.load(Ordering::SeqCst);
    match CLOCK.compare_exchange(c, c + 1, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => (c + 1, false),
        Err(actual) => (actual, false),
    }
}

/// Takes a write version for a solo inevitable transaction: nobody else can commit
/// while it runs (every other thread is unregistered or waiting), so a plain store is
/// enough and costs no atomic read-modify-write.
#[inline]
pub(crate) fn tick_solo() -> u64 {
    let v = CLOCK.load(Ordering::Relaxed) + 1;
    CLOCK.store(v, Ordering::Release);
    v
}

#[inline(always)]
pub(crate) const fn is_locked(w: u64) -> bool {
    w & 1 != 0
}

#[inline(always)]
pub(crate) const fn version(w: u64) -> u64 {
    w >> 1
}

#[inline(always)]
pub(crate) const fn owner(w: u64) -> u64 {
    w >> 1
}

#[inline(always)]
pub(crate) const fn unlocked(version: u64) -> u64 {
    version << 1
}

#[inline(always)]
pub(crate) const fn locked_by(tid: u64) -> u64 {
    tid << 1 | 1
}
