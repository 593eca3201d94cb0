//! Cells created inside an inevitable transaction are written in place (no undo entry)
//! until it ends; `Tx::view` reads without forcing the next `modify` to copy. These
//! tests pin down that the shortcut never leaks to cells the transaction did not
//! create, nor past its end: a rollback must still restore every such cell.

use stmpy_stm::{TVar, Tx, TxMode};

#[test]
fn new_cell_modified_in_place_commits_its_value() {
    let tx = Tx::begin(TxMode::Inevitable);
    let v = TVar::new(vec![1, 2]);
    tx.modify(&v, |x| x.push(3)).unwrap();
    assert_eq!(tx.view(&v, |x| x.len()).unwrap(), 3);
    tx.modify(&v, |x| x.push(4)).unwrap();
    // A `read` hands out a reference: the next modify must not mutate under it.
    let r = tx.read(&v).unwrap();
    let before = r.clone();
    tx.modify(&v, |x| x.push(5)).unwrap();
    assert_eq!(*r, before);
    assert_eq!(*tx.read(&v).unwrap(), vec![1, 2, 3, 4, 5]);
    tx.commit().unwrap();
    let tx = Tx::begin(TxMode::Optimistic);
    assert_eq!(*tx.read(&v).unwrap(), vec![1, 2, 3, 4, 5]);
    tx.commit().unwrap();
}

#[test]
fn cell_from_an_earlier_transaction_is_restored_on_rollback() {
    // Created (and written in place) by one transaction...
    let tx = Tx::begin(TxMode::Inevitable);
    let v = TVar::new(10);
    tx.modify(&v, |x| *x += 1).unwrap();
    tx.commit().unwrap();
    // ...then written by the next one, which rolls back: the old value must return.
    let tx = Tx::begin(TxMode::Inevitable);
    tx.modify(&v, |x| *x += 100).unwrap();
    assert_eq!(tx.view(&v, |x| *x).unwrap(), 111);
    tx.abort();
    let tx = Tx::begin(TxMode::Inevitable);
    assert_eq!(*tx.read(&v).unwrap(), 11);
    tx.commit().unwrap();
}

#[test]
fn cell_created_outside_is_restored_on_rollback() {
    let v = TVar::new(String::from("a"));
    let tx = Tx::begin(TxMode::Inevitable);
    tx.modify(&v, |s| s.push('b')).unwrap();
    tx.write(&v, String::from("c")).unwrap();
    tx.abort();
    let tx = Tx::begin(TxMode::Inevitable);
    assert_eq!(tx.read(&v).unwrap(), "a");
    tx.commit().unwrap();
}

#[test]
fn view_then_modify_in_optimistic_mode() {
    let v = TVar::new(vec![0u8; 4]);
    let tx = Tx::begin(TxMode::Optimistic);
    tx.modify(&v, |x| x[0] = 1).unwrap();
    assert_eq!(tx.view(&v, |x| x[0]).unwrap(), 1);
    tx.modify(&v, |x| x[1] = 2).unwrap();
    tx.abort();
    let tx = Tx::begin(TxMode::Optimistic);
    assert_eq!(*tx.read(&v).unwrap(), vec![0u8; 4]);
    tx.modify(&v, |x| x[3] = 3).unwrap();
    tx.commit().unwrap();
    let tx = Tx::begin(TxMode::Optimistic);
    assert_eq!(*tx.read(&v).unwrap(), vec![0, 0, 0, 3]);
    tx.commit().unwrap();
}
