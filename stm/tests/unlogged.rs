//! Unlogged transactions (`Tx::begin_unlogged`): alone on the engine, `modify` updates a
//! committed value in place (no copy), except where a `read` of the same transaction
//! handed the value out; a rollback keeps what was updated in place.
//!
//! One test only: the binary then runs one thread, so the transactions are solo.

use std::sync::atomic::{AtomicUsize, Ordering};

use stmpy_stm::{TVar, Tx, TxMode};

static CLONES: AtomicUsize = AtomicUsize::new(0);

/// Counts its clones.
struct Counted(Vec<u64>);

impl Clone for Counted {
    fn clone(&self) -> Counted {
        CLONES.fetch_add(1, Ordering::Relaxed);
        Counted(self.0.clone())
    }
}

fn clones() -> usize {
    CLONES.load(Ordering::Relaxed)
}

#[test]
fn unlogged_modify_updates_in_place_unless_handed_out() {
    let cell = TVar::new(Counted(vec![1]));
    // Commit the value (a cell made outside any transaction is not private to one).
    let tx = Tx::begin(TxMode::Inevitable);
    tx.write(&cell, Counted(vec![1, 2])).unwrap();
    tx.commit().unwrap();

    // A logged inevitable transaction copies the committed value once.
    let before = clones();
    let tx = Tx::begin(TxMode::Inevitable);
    assert!(tx.is_solo(), "the test needs the engine to itself");
    tx.modify(&cell, |c| c.0.push(3)).unwrap();
    tx.modify(&cell, |c| c.0.push(4)).unwrap();
    tx.commit().unwrap();
    assert_eq!(clones() - before, 1);

    // An unlogged one copies nothing, and what it did is committed.
    let before = clones();
    let tx = Tx::begin_unlogged();
    tx.modify(&cell, |c| c.0.push(5)).unwrap();
    tx.modify(&cell, |c| c.0.push(6)).unwrap();
    tx.commit().unwrap();
    assert_eq!(clones() - before, 0);
    assert_eq!(cell.snapshot().0, vec![1, 2, 3, 4, 5, 6]);

    // A reference handed out by `read` stays what it was: the update copies.
    let before = clones();
    let tx = Tx::begin_unlogged();
    let seen = tx.read(&cell).unwrap();
    tx.modify(&cell, |c| c.0.push(7)).unwrap();
    assert_eq!(seen.0, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(tx.read(&cell).unwrap().0, vec![1, 2, 3, 4, 5, 6, 7]);
    tx.commit().unwrap();
    assert_eq!(clones() - before, 1);

    // Rolled back after all: the in-place update stays (documented), memory stays
    // sound, and the cell works as before.
    let tx = Tx::begin_unlogged();
    tx.modify(&cell, |c| c.0.push(8)).unwrap();
    tx.abort();
    assert_eq!(cell.snapshot().0, vec![1, 2, 3, 4, 5, 6, 7, 8]);
    let tx = Tx::begin_unlogged();
    tx.modify(&cell, |c| c.0.retain(|&x| x % 2 == 0)).unwrap();
    tx.commit().unwrap();
    assert_eq!(cell.snapshot().0, vec![2, 4, 6, 8]);
}
