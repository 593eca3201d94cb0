//! stmpy-stm: the software transactional memory engine (knows nothing of Python).
//!
//! # Overview
//!
//! A TL2-class STM with opacity, epoch-based reclamation, an inevitable (irrevocable)
//! mode that costs almost nothing when it runs alone, blocking `retry`, contention
//! management and conflict statistics.
//!
//! **Cells** ([`TVar<T>`], `var.rs`): a versioned lock word plus a pointer to an immutable
//! boxed value. A commit publishes a new box and retires the old one through
//! `crossbeam-epoch`; every transaction keeps its epoch guard pinned from begin to end,
//! so the `&T` that [`Tx::read`] hands out (no clone) stays valid for the transaction.
//!
//! **Version clock** (`clock.rs`): one global counter. A transaction starts with read
//! version `rv = clock`. Writer commits take a write version `wv` (GV4 by default:
//! one CAS, sharing the timestamp of a concurrent winner; GV1 `fetch_add` selectable).
//!
//! **Logs** (`tx.rs`): the read set holds cell headers; the write set holds the private
//! new value of each written cell (read-your-writes, and `modify` mutates it in place
//! unless a reference to it was handed out since). Nothing shared is written before
//! commit. Each read checks `lock unlocked && version <= rv` around loading the value
//! (a seqlock-style double read); if the version is newer, the snapshot is extended
//! (`rv = clock` after re-validating all reads) or the read fails with `Conflict`.
//! So a running transaction only ever sees one consistent snapshot: **opacity**.
//!
//! **Commit** (`commit.rs`, `Ctx::commit`), numbered as in the code:
//! 1. read-only: return. Every read was valid at `rv`; no shared write, no validation.
//! 2. lock the write set (CAS each lock word to `owner << 1 | 1`, remembering the
//!    displaced version); a cell locked by someone else: spin briefly, then abort;
//! 3. if an inevitable transaction runs, abort if we write a cell it has read;
//! 4. take `wv` from the clock — **this is the linearization point of the commit**;
//! 5. validate the read set: every cell unlocked (or locked by us) with version <= rv
//!    (skipped under GV1 when `wv == rv + 1`: nobody committed in between);
//! 6. write back: store each new value pointer, retire each old one to the epoch;
//! 7. release each lock with version `wv`; wake parked `retry`-waiters if any.
//!
//! **Inevitable** (`inevitable.rs`): one global token; solo mode (no other thread
//! registered) reads with a single load and writes in place with an undo entry; tracked
//! mode locks what it writes and publishes what it reads in a filter that committers
//! check in step 3, so non-conflicting transactions keep committing beside it.
//!
//! **Retry** (`park.rs`, `Tx::abort_and_wait`): roll back, then park on a condition
//! variable until a cell of the read set has a newer version. **Contention**
//! (`contention.rs`): randomized exponential backoff after an abort; after
//! [`ESCALATE_AFTER`] consecutive aborts the thread's next attempt runs inevitable, so
//! every thread progresses. **Statistics** (`stats.rs`): per-thread counters, conflict
//! attribution when enabled.
//!
//! # Contract
//! - [`TVar<T>`] holds an immutable `T`: a write publishes a new value; it never mutates
//!   a value someone may be reading.
//! - [`Tx::read`] returns `&'t T` valid until the transaction ends (no clone of `T`).
//! - [`atomically`] runs a closure as one transaction, re-running it on conflict.
//!   Nested calls (and [`Tx::begin`] inside a running transaction) flatten into the
//!   outer transaction. A nested `Conflict`/`Retry` aborts the outer transaction: it
//!   unwinds (with a private payload, no panic message) to the outermost [`atomically`],
//!   which handles it; callers that drive transactions by hand with [`Tx::begin`] and
//!   may call `atomically` inside should use [`catch_nested`] around the body.
//! - An error returned by the closure ([`TxError::User`]) rolls the transaction back and
//!   is returned; it is not retried. Nested, it rolls back only the nested part.
//!   A panic rolls back and propagates.
//! - [`StmError::Retry`] (from [`Tx::retry`]) blocks until a cell the transaction read
//!   changes, then re-runs.
//! - One transaction per thread at a time; a [`Tx`] is not `Send`.

mod clock;
mod commit;
mod contention;
mod inevitable;
mod park;
mod shared;
mod stats;
mod sync;
mod tx;
mod var;

pub use clock::{ClockScheme, clock_scheme, set_clock_scheme};
pub use commit::set_stress;
pub use contention::ESCALATE_AFTER;
pub use shared::{Shared, WeakShared};
pub use stats::{
    AbortCause, ConflictRecord, LastConflict, StatsSnapshot, enable_stats, stats, stats_enabled,
    take_last_conflict,
};
pub use tx::Tx;
pub use var::{OwnedCell, TVar};

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

/// Why a transaction cannot go on. Kept apart from user (Python) errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StmError {
    /// Another transaction committed a conflicting write: roll back and re-run.
    Conflict,
    /// The transaction asked to block until something it read changes.
    Retry,
}

pub type StmResult<T> = Result<T, StmError>;

/// Result of a transaction body that may also fail with a user error `E`.
#[derive(Debug)]
pub enum TxError<E> {
    Stm(StmError),
    User(E),
}

impl<E> From<StmError> for TxError<E> {
    fn from(e: StmError) -> Self {
        TxError::Stm(e)
    }
}

/// How a transaction runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxMode {
    /// Optimistic: logged reads and writes, validated at commit, may abort.
    Optimistic,
    /// Irrevocable: never aborts; at most one at a time.
    Inevitable,
}

/// An opaque label naming where a transaction (or a read/write) comes from, used for
/// conflict attribution. The VM passes an encoded source location. 0 means "unknown".
pub type Site = u64;

/// The unwind payload that carries a nested transaction's `Conflict`/`Retry` to the
/// outermost driver.
struct NestedAbort(StmError);

/// If `payload` (from `catch_unwind`) is a nested transaction's abort, returns it.
pub fn nested_abort(payload: &(dyn std::any::Any + Send)) -> Option<StmError> {
    payload.downcast_ref::<NestedAbort>().map(|n| n.0)
}

/// Runs `body` and turns a nested transaction's abort unwinding out of it into
/// `Err(error)`; other panics keep unwinding. For drivers built on [`Tx::begin`].
pub fn catch_nested<R>(body: impl FnOnce() -> StmResult<R>) -> StmResult<R> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(p) => match nested_abort(&*p) {
            Some(e) => Err(e),
            None => resume_unwind(p),
        },
    }
}

/// Runs `f` as one transaction and returns its result; re-runs on conflict.
pub fn atomically<R>(mut f: impl FnMut(&Tx) -> StmResult<R>) -> R {
    match try_atomically(|tx| f(tx).map_err(TxError::<std::convert::Infallible>::Stm)) {
        Ok(r) => r,
        Err(never) => match never {},
    }
}

/// Like [`atomically`], but the body may fail with a user error, which rolls the
/// transaction back and is returned (not retried).
pub fn try_atomically<R, E>(mut f: impl FnMut(&Tx) -> Result<R, TxError<E>>) -> Result<R, E> {
    let mut mode = TxMode::Optimistic;
    loop {
        let tx = Tx::begin(mode);
        if tx.is_nested() {
            return nested(&tx, f);
        }
        let result = catch_unwind(AssertUnwindSafe(|| f(&tx)));
        let stm = match result {
            Ok(Ok(r)) => match tx.commit() {
                Ok(()) => return Ok(r),
                Err(e) => {
                    // Already rolled back by `commit`.
                    if e == StmError::Retry {
                        // Cannot happen: a doomed-by-retry tx is aborted below first.
                        mode = TxMode::Optimistic;
                    }
                    continue;
                }
            },
            Ok(Err(TxError::User(e))) => {
                tx.abort();
                return Err(e);
            }
            Ok(Err(TxError::Stm(s))) => s,
            Err(payload) => match nested_abort(&*payload) {
                Some(s) => s,
                None => {
                    tx.abort();
                    resume_unwind(payload);
                }
            },
        };
        match stm {
            StmError::Conflict => tx.abort(),
            StmError::Retry => tx.abort_and_wait(),
        }
        mode = TxMode::Optimistic;
    }
}

/// The body of a nested `try_atomically`: flattened into the running transaction, with
/// a savepoint so that a user error rolls back only the nested writes.
fn nested<R, E>(tx: &Tx, mut f: impl FnMut(&Tx) -> Result<R, TxError<E>>) -> Result<R, E> {
    let c = tx.ctx();
    let sp = c.savepoint();
    match f(tx) {
        Ok(r) => {
            c.release_savepoint(sp);
            Ok(r)
        }
        Err(TxError::User(e)) => {
            c.rollback_to(sp);
            Err(e)
        }
        Err(TxError::Stm(s)) => {
            c.release_savepoint(sp);
            if c.doomed.get().is_none() {
                let cause = if s == StmError::Retry {
                    AbortCause::Retry
                } else {
                    AbortCause::Validation
                };
                c.doomed.set(Some((s, cause)));
            }
            resume_unwind(Box::new(NestedAbort(s)))
        }
    }
}

/// Runs `first`; if it calls `retry`, undoes its writes and runs `second` instead.
/// If both retry, the whole transaction retries and waits on the reads of both.
pub fn or_else<R>(
    tx: &Tx,
    first: impl FnOnce(&Tx) -> StmResult<R>,
    second: impl FnOnce(&Tx) -> StmResult<R>,
) -> StmResult<R> {
    let c = tx.ctx();
    let sp = c.savepoint();
    match first(tx) {
        Err(StmError::Retry) => {
            c.rollback_to(sp);
            if matches!(c.doomed.get(), Some((StmError::Retry, _))) {
                c.doomed.set(None);
            }
            second(tx)
        }
        other => {
            c.release_savepoint(sp);
            other
        }
    }
}

/// Tells the engine this thread will not run transactions for a while (it is about to
/// block or sleep), so a transaction running alone elsewhere may use the solo
/// inevitable fast path. The thread re-registers on its next transaction. No effect
/// inside a transaction.
pub fn detach_thread() {
    tx::with_ctx(|c| c.detach());
}

/// Frees, as far as possible now, the old values and dropped cells this thread has
/// retired (normally freed a few transaction ends later, once the epoch has advanced):
/// for callers that need the memory, or the last handles those values hold, released
/// at once (the VM's cycle collector). Only between transactions; no effect inside one.
pub fn reclaim_now() {
    tx::with_ctx(|c| c.reclaim_now());
}

#[cfg(test)]
mod tests;
