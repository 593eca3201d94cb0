//! A thread parked in `retry` runs no transaction: while it waits, the one thread left
//! gets the solo fast path, and a solo commit of a cell the waiter read wakes it. (A file
//! of its own: solo mode needs every other thread of the process to be unregistered.)

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use stmpy_stm::{TVar, Tx, TxMode, atomically};

#[test]
fn a_parked_waiter_leaves_the_solo_path_to_the_other_thread_and_is_woken_by_it() {
    let flag = Arc::new(TVar::new(0u64));
    let started = Arc::new(AtomicBool::new(false));
    let (f, s) = (flag.clone(), started.clone());
    let waiter = std::thread::spawn(move || {
        atomically(|tx| {
            s.store(true, Ordering::SeqCst);
            let v = *f.read(tx)?;
            if v > 0 { Ok(v) } else { tx.retry() }
        })
    });
    while !started.load(Ordering::SeqCst) {
        std::thread::yield_now();
    }
    // Let it park (and deregister).
    let mut solo = false;
    for _ in 0..500 {
        std::thread::sleep(Duration::from_millis(2));
        let tx = Tx::begin(TxMode::Inevitable);
        solo = tx.is_solo();
        tx.commit().unwrap();
        if solo {
            break;
        }
    }
    assert!(
        solo,
        "a thread parked in retry kept the other thread off the solo path"
    );
    let tx = Tx::begin(TxMode::Inevitable);
    assert!(tx.is_solo());
    flag.write(&tx, 9).unwrap();
    tx.commit().unwrap();
    assert_eq!(waiter.join().unwrap(), 9);
}
