//! A cell dropped by a solo transaction gives its memory back at once, not when the
//! epoch has moved on: a program that drops a big structure and builds the next one in
//! the same transaction must not hold both. These checks count drops of the values:
//! - a cell from an earlier transaction that this one did not write: freed at once;
//! - one this transaction updated in place without logging (`begin_unlogged`): its
//!   value at once, its header at the end (the stamp-only undo entry points at it);
//! - one whose displaced value an undo entry holds (`write`): kept until the end, and a
//!   rollback after the drop must not drop anything twice;
//! - and every value is dropped exactly once in the end.
//!
//! One test only: the binary then runs one thread, so the transactions are solo.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;
use common::Counted;
use stmpy_stm::{TVar, Tx, TxMode, reclaim_now};

/// A cell whose value has been committed by an earlier transaction (so it is not
/// private to the next one).
fn committed(value: u64, drops: &Arc<AtomicUsize>) -> TVar<Counted> {
    let cell = TVar::new(Counted::new(value, drops));
    let tx = Tx::begin(TxMode::Inevitable);
    tx.write(&cell, Counted::new(value + 1, drops)).unwrap();
    tx.commit().unwrap();
    reclaim_now();
    cell
}

#[test]
fn solo_transactions_free_dropped_cells_early() {
    let drops = Arc::new(AtomicUsize::new(0));
    let count = || drops.load(Ordering::SeqCst);

    // Read, not written, by this transaction: the value goes at once.
    let cell = committed(1, &drops);
    let base = count();
    let tx = Tx::begin_unlogged();
    assert!(tx.is_solo(), "the test needs the engine to itself");
    assert_eq!(tx.read(&cell).unwrap().value, 2);
    drop(cell);
    assert_eq!(
        count(),
        base + 1,
        "dropped in the transaction, freed at once"
    );
    tx.commit().unwrap();
    assert_eq!(count(), base + 1);

    // Updated in place (stamp-only undo entry), then dropped: the value goes at once, and
    // the commit that stamps the header (or the rollback) still finds it allocated and
    // drops nothing twice.
    for commit in [true, false] {
        let cell = committed(10, &drops);
        let base = count();
        let tx = Tx::begin_unlogged();
        tx.modify(&cell, |c| c.set(c.get() + 5)).unwrap();
        drop(cell);
        assert_eq!(
            count(),
            base + 1,
            "value of an in-place updated cell freed at once"
        );
        if commit {
            tx.commit().unwrap();
        } else {
            tx.abort();
        }
        assert_eq!(count(), base + 1, "nothing dropped twice at the end");
    }

    // Replaced by `write` (the undo entry holds the old value), then dropped: both
    // values wait for the end of the transaction, and a rollback drops each once.
    let cell = committed(30, &drops);
    let base = count();
    let tx = Tx::begin_unlogged();
    tx.write(&cell, Counted::new(40, &drops)).unwrap();
    drop(cell);
    assert_eq!(count(), base, "a value an undo entry may restore is kept");
    tx.abort();
    reclaim_now();
    assert_eq!(
        count(),
        base + 2,
        "rolled back: both values dropped once each"
    );

    let cell = committed(50, &drops);
    let base = count();
    let tx = Tx::begin_unlogged();
    tx.write(&cell, Counted::new(60, &drops)).unwrap();
    drop(cell);
    tx.commit().unwrap();
    reclaim_now();
    assert_eq!(
        count(),
        base + 2,
        "committed: both values dropped once each"
    );

    // Many cells (more than a drop batch) dropped by one transaction, some updated in
    // place: every value dropped exactly once in the end.
    let cells: Vec<_> = (0..10_000).map(|i| committed(i * 2, &drops)).collect();
    let base = count();
    let tx = Tx::begin_unlogged();
    for c in cells.iter().step_by(3) {
        tx.modify(c, |c| c.value = c.value.wrapping_add(0)).unwrap();
    }
    drop(cells);
    assert_eq!(count(), base + 10_000, "all dropped at once");
    tx.commit().unwrap();
    reclaim_now();
    assert_eq!(count(), base + 10_000);
}
