//! `OwnedCell`: the alias is the owner's cell (same address, same values both ways),
//! and the value is dropped exactly once, when the owner goes (or, for a standalone
//! cell, when the handle goes).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use stmpy_stm::{OwnedCell, Shared, TVar, atomically};

struct Counted(Arc<AtomicUsize>, u64);

impl Clone for Counted {
    fn clone(&self) -> Self {
        Counted(self.0.clone(), self.1)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn alias_reads_and_writes_the_owners_cell() {
    let owner = Shared::new(TVar::new(1u64));
    let oc = OwnedCell::new(owner.clone(), |o| &**o);
    assert_eq!(oc.cell().addr(), owner.addr());
    atomically(|tx| oc.cell().write(tx, 7));
    assert_eq!(owner.snapshot(), 7);
    atomically(|tx| owner.write(tx, 9));
    assert_eq!(oc.cell().snapshot(), 9);
    // Moving the OwnedCell (and its owner handle) keeps the alias valid.
    let moved = Box::new(oc);
    assert_eq!(atomically(|tx| Ok(*moved.cell().read(tx)?)), 9);
}

#[test]
fn value_dropped_once_with_the_owner() {
    let drops = Arc::new(AtomicUsize::new(0));
    {
        // An owner that holds the TVar inline: moving it moves the handle, not the cell.
        let oc = OwnedCell::new(TVar::new(Counted(drops.clone(), 1)), |t| t);
        let oc = std::hint::black_box(oc);
        atomically(|tx| oc.cell().write(tx, Counted(drops.clone(), 2)));
        assert_eq!(oc.owner().unwrap().snapshot().1, 2);
    }
    stmpy_stm::reclaim_now();
    // The replaced value, the final value and the snapshot clone: each dropped once.
    assert_eq!(drops.load(Ordering::SeqCst), 3);
}

#[test]
fn standalone_cell_is_dropped_with_its_handle() {
    let drops = Arc::new(AtomicUsize::new(0));
    {
        let oc: OwnedCell<(), Counted> =
            OwnedCell::standalone(TVar::new(Counted(drops.clone(), 1)));
        let oc = std::hint::black_box(Box::new(oc));
        assert!(oc.owner().is_none());
        atomically(|tx| oc.cell().write(tx, Counted(drops.clone(), 2)));
        assert_eq!(oc.cell().snapshot().1, 2);
    }
    for _ in 0..200 {
        stmpy_stm::reclaim_now();
        if drops.load(Ordering::SeqCst) >= 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // The replaced value, the final value and the snapshot clone: each dropped once.
    assert_eq!(drops.load(Ordering::SeqCst), 3);
}
