//! Contention management: randomized exponential backoff after an abort, and escalation
//! to an inevitable transaction after [`ESCALATE_AFTER`] consecutive aborts on a thread,
//! so every thread makes progress (the inevitable transaction never aborts).

use std::cell::Cell;

/// Consecutive aborts after which the next attempt on this thread runs inevitable.
pub const ESCALATE_AFTER: u32 = 8;

/// Per-thread state: consecutive engine aborts and a xorshift random state.
pub(crate) struct Contention {
    pub(crate) consecutive: Cell<u32>,
    rng: Cell<u64>,
}

impl Contention {
    pub(crate) fn new(seed: u64) -> Self {
        Contention {
            consecutive: Cell::new(0),
            rng: Cell::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
        }
    }

    fn next(&self) -> u64 {
        let mut x = self.rng.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng.set(x);
        x
    }

    /// A commit succeeded: contention is over.
    #[inline(always)]
    pub(crate) fn reset(&self) {
        self.consecutive.set(0);
    }

    /// An attempt aborted: count it and back off for a random time that doubles with
    /// each consecutive abort (spinning for short waits, yielding for long ones).
    pub(crate) fn aborted(&self) {
        let n = self.consecutive.get().saturating_add(1);
        self.consecutive.set(n);
        let cap = 1u64 << n.min(12);
        let spins = self.next() % cap;
        if spins < 256 {
            for _ in 0..spins * 4 {
                crate::sync::spin_loop();
            }
        } else {
            for _ in 0..spins / 256 {
                crate::sync::yield_now();
            }
        }
    }

    /// Counts an abort that waits instead of backing off.
    pub(crate) fn note_abort(&self) {
        self.consecutive
            .set(self.consecutive.get().saturating_add(1));
    }

    /// True with probability 1/n.
    pub(crate) fn chance(&self, n: u32) -> bool {
        self.next().is_multiple_of(n as u64)
    }

    /// Should the next attempt run inevitable?
    #[inline(always)]
    pub(crate) fn should_escalate(&self) -> bool {
        self.consecutive.get() >= ESCALATE_AFTER
    }
}
