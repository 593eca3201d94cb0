//! A small 8-aligned value lives in its cell's header block until it is displaced; then
//! it is moved out into a box and retired like any other value. These tests count
//! drops: every value ever stored must be dropped exactly once (no leak, no double
//! drop), whichever path displaces the inline one (optimistic commit, inevitable commit,
//! solo in-place update, rollback, a second write in the same transaction), and
//! readers on other threads must keep seeing whole values while it moves.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;
use common::Counted;
use stmpy_stm::{TVar, Tx, TxError, TxMode, atomically, reclaim_now, try_atomically};

/// Drops the cells, reclaims, and checks that `made` values were dropped once each.
fn settle(cells: Vec<TVar<Counted>>, drops: &Arc<AtomicUsize>, made: usize) {
    drop(cells);
    // Other test threads may hold the epoch back for a while.
    for _ in 0..200 {
        reclaim_now();
        if drops.load(Ordering::SeqCst) >= made {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(drops.load(Ordering::SeqCst), made);
}

#[test]
fn never_written_cell_drops_its_inline_value_once() {
    let drops = Arc::new(AtomicUsize::new(0));
    let cells: Vec<_> = (0..100)
        .map(|i| TVar::new(Counted::new(i, &drops)))
        .collect();
    let sum: u64 = atomically(|tx| {
        let mut s = 0;
        for c in &cells {
            s += tx.read(c)?.get();
        }
        Ok(s)
    });
    assert_eq!(sum, 4950);
    settle(cells, &drops, 100);
}

#[test]
fn optimistic_commits_displace_the_inline_value() {
    let drops = Arc::new(AtomicUsize::new(0));
    let cells: Vec<_> = (0..50)
        .map(|i| TVar::new(Counted::new(i, &drops)))
        .collect();
    for round in 1..=3u64 {
        atomically(|tx| {
            for c in &cells {
                let v = tx.read(c)?.get();
                c.write(tx, Counted::new(v + round * 1000, &drops))?;
            }
            Ok(())
        });
    }
    let tx = Tx::begin(TxMode::Optimistic);
    assert_eq!(tx.read(&cells[7]).unwrap().get(), 7 + 6000);
    tx.commit().unwrap();
    // 50 initial + 3 writes each (aborted attempts' values counted by `made` below).
    let made = Arc::strong_count(&drops) - 1 + drops.load(Ordering::SeqCst);
    settle(cells, &drops, made);
}

#[test]
fn inevitable_and_solo_updates_displace_the_inline_value() {
    let drops = Arc::new(AtomicUsize::new(0));
    let cells: Vec<_> = (0..20)
        .map(|i| TVar::new(Counted::new(i, &drops)))
        .collect();
    // Written by `write` inside inevitable transactions (undo log, then commit).
    for _ in 0..2 {
        let tx = Tx::begin(TxMode::Inevitable);
        for c in &cells {
            let v = tx.read(c).unwrap().get();
            c.write(&tx, Counted::new(v + 1, &drops)).unwrap();
            // A second write in the same transaction replaces a private value.
            c.write(&tx, Counted::new(v + 2, &drops)).unwrap();
        }
        tx.commit().unwrap();
    }
    // Updated in place by an unlogged transaction (no copy, the slot may still be used).
    let fresh: Vec<_> = (0..20)
        .map(|i| TVar::new(Counted::new(i, &drops)))
        .collect();
    let tx = Tx::begin_unlogged();
    for c in &fresh {
        tx.modify(c, |v| v.value += 10).unwrap();
        tx.modify(c, |v| v.check = !v.value).unwrap();
    }
    tx.commit().unwrap();
    let tx = Tx::begin(TxMode::Optimistic);
    assert_eq!(tx.read(&cells[3]).unwrap().get(), 3 + 4);
    assert_eq!(tx.read(&fresh[3]).unwrap().get(), 13);
    tx.commit().unwrap();
    let mut all = cells;
    all.extend(fresh);
    let made = Arc::strong_count(&drops) - 1 + drops.load(Ordering::SeqCst);
    settle(all, &drops, made);
}

#[test]
fn rollback_keeps_the_inline_value() {
    let drops = Arc::new(AtomicUsize::new(0));
    let cells: Vec<_> = (0..10)
        .map(|i| TVar::new(Counted::new(i, &drops)))
        .collect();
    for mode in [TxMode::Optimistic, TxMode::Inevitable] {
        let tx = Tx::begin(mode);
        for c in &cells {
            c.write(&tx, Counted::new(99, &drops)).unwrap();
        }
        tx.abort();
    }
    let r: Result<(), &str> = try_atomically(|tx| {
        for c in &cells {
            c.write(tx, Counted::new(77, &drops))?;
        }
        Err(TxError::User("no"))
    });
    assert_eq!(r, Err("no"));
    let sum: u64 = atomically(|tx| {
        let mut s = 0;
        for c in &cells {
            s += tx.read(c)?.get();
        }
        Ok(s)
    });
    assert_eq!(sum, 45);
    settle(cells, &drops, 40);
}

#[test]
fn readers_see_whole_values_while_writers_displace_them() {
    const CELLS: usize = 64;
    const ROUNDS: u64 = 2000;
    let drops = Arc::new(AtomicUsize::new(0));
    let cells: Arc<Vec<TVar<Counted>>> = Arc::new(
        (0..CELLS)
            .map(|_| TVar::new(Counted::new(0, &drops)))
            .collect(),
    );
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (cells, drops) = (cells.clone(), drops.clone());
            std::thread::spawn(move || {
                for r in 0..ROUNDS {
                    let i = ((r * 7 + w * 13) as usize) % CELLS;
                    atomically(|tx| {
                        let v = tx.read(&cells[i])?.get();
                        cells[i].write(tx, Counted::new(v + 1, &drops))
                    });
                }
            })
        })
        .collect();
    let reader = {
        let cells = cells.clone();
        std::thread::spawn(move || {
            let mut last = 0;
            for _ in 0..200 {
                let total: u64 = atomically(|tx| {
                    let mut s = 0;
                    for c in cells.iter() {
                        s += tx.read(c)?.get();
                    }
                    Ok(s)
                });
                assert!(total >= last, "increments went backwards");
                last = total;
            }
        })
    };
    for w in writers {
        w.join().unwrap();
    }
    reader.join().unwrap();
    let total: u64 = atomically(|tx| {
        let mut s = 0;
        for c in cells.iter() {
            s += tx.read(c)?.get();
        }
        Ok(s)
    });
    assert_eq!(total, 2 * ROUNDS, "lost increments");
    let Ok(cells) = Arc::try_unwrap(cells) else {
        panic!("threads are done")
    };
    let made = Arc::strong_count(&drops) - 1 + drops.load(Ordering::SeqCst);
    settle(cells, &drops, made);
}

#[test]
fn big_and_overaligned_values_are_boxed_and_still_work() {
    #[derive(Clone)]
    #[repr(align(16))]
    struct Wide(u64);
    let big = TVar::new([7u64; 40]);
    let wide = TVar::new(Wide(5));
    atomically(|tx| {
        big.write(tx, [8u64; 40])?;
        wide.write(tx, Wide(6))
    });
    let (b, w) = atomically(|tx| Ok((tx.read(&big)?[39], tx.read(&wide)?.0)));
    assert_eq!((b, w), (8, 6));
}
