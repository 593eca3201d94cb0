//! Helpers shared by the `tests/stm_*.rs` integration tests.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use stmpy_stm::{StmError, Tx, TxMode};

/// Loop counts are divided by this under Miri (~1000x slower than native code).
pub const MIRI_SCALE: u64 = if cfg!(miri) { 50 } else { 1 };

/// Runs `f` on its own thread and fails the test if it has not finished within `limit`
/// (a deadlock or livelock fails instead of hanging CI). Under Miri the limit is
/// stretched by its slowness.
pub fn terminates<R: Send + 'static>(limit: Duration, f: impl FnOnce() -> R + Send + 'static) -> R {
    let limit = if cfg!(miri) { limit * 100 } else { limit };
    let (tx, rx) = mpsc::channel();
    let h = std::thread::spawn(move || {
        let r = f();
        let _ = tx.send(());
        r
    });
    match rx.recv_timeout(limit) {
        Ok(()) => h.join().expect("test body panicked"),
        Err(mpsc::RecvTimeoutError::Disconnected) => match h.join() {
            Ok(r) => r,
            Err(p) => std::panic::resume_unwind(p),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("did not terminate within {limit:?}"),
    }
}

/// Runs `body` as a transaction with a hand-written driver, returning its result and
/// commit stamp. Retries on conflict, waits on retry.
pub fn run_stamped<R>(mut body: impl FnMut(&Tx) -> Result<R, StmError>) -> (R, (u64, bool)) {
    loop {
        let tx = Tx::begin(TxMode::Optimistic);
        match body(&tx) {
            Ok(r) => {
                if let Ok(stamp) = tx.commit_with_stamp() {
                    return (r, stamp);
                }
            }
            Err(StmError::Conflict) => tx.abort(),
            Err(StmError::Retry) => tx.abort_and_wait(),
        }
    }
}

/// A small deterministic PRNG (xorshift64*), so tests need no extra crate.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A value that counts its drops and checks its own integrity when read or dropped (a
/// torn, freed or twice-dropped value trips it). 24 bytes, 8-aligned: a cell stores its
/// first one inline.
#[derive(Debug)]
pub struct Counted {
    pub value: u64,
    pub check: u64,
    pub drops: Arc<AtomicUsize>,
}

impl Counted {
    pub fn new(value: u64, drops: &Arc<AtomicUsize>) -> Counted {
        Counted {
            value,
            check: !value,
            drops: drops.clone(),
        }
    }
    pub fn get(&self) -> u64 {
        assert_eq!(self.check, !self.value, "a torn or freed value was read");
        self.value
    }
    /// Changes the value in place (keeping the integrity check right).
    pub fn set(&mut self, value: u64) {
        self.value = value;
        self.check = !value;
    }
}

impl Clone for Counted {
    fn clone(&self) -> Counted {
        Counted::new(self.get(), &self.drops)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        assert_eq!(self.check, !self.value, "a torn or freed value was dropped");
        self.check = 0;
        self.value = 0;
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}
