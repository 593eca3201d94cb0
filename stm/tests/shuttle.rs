//! Model checking of the commit, validation, inevitable and retry protocols with
//! `shuttle` (randomized schedules over 2–3 threads and 2–3 cells). Under the
//! `shuttle` feature the engine yields to the scheduler between its shared-memory steps.
//!
//! Run: `cargo test -p stmpy-stm --features shuttle --test shuttle`
//! (`SHUTTLE_ITERATIONS=n` for a longer search; default 1000 per test).
#![cfg(feature = "shuttle")]

use std::sync::Arc;

use shuttle::thread;
use stmpy_stm::{TVar, Tx, TxMode, atomically};

fn iterations() -> usize {
    std::env::var("SHUTTLE_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

/// Two writers move money between two cells in opposite directions while a reader
/// checks the total inside its transaction; every read sees a consistent snapshot.
#[test]
fn transfers_and_reader_keep_the_invariant() {
    shuttle::check_random(
        || {
            let cells = Arc::new([TVar::new(10i64), TVar::new(0i64)]);
            let mut hs = Vec::new();
            for t in 0..2 {
                let cells = cells.clone();
                hs.push(thread::spawn(move || {
                    for _ in 0..2 {
                        atomically(|tx| {
                            let (a, b) = (*cells[t].read(tx)?, *cells[1 - t].read(tx)?);
                            assert_eq!(a + b, 10, "torn snapshot in a writer");
                            cells[t].write(tx, a - 1)?;
                            cells[1 - t].write(tx, b + 1)
                        });
                    }
                }));
            }
            let c = cells.clone();
            hs.push(thread::spawn(move || {
                for _ in 0..2 {
                    atomically(|tx| {
                        let a = *c[0].read(tx)?;
                        let b = *c[1].read(tx)?;
                        assert_eq!(a + b, 10, "torn snapshot in a reader");
                        Ok(())
                    });
                }
            }));
            for h in hs {
                h.join().unwrap();
            }
            assert_eq!(cells[0].snapshot(), 10);
            assert_eq!(cells[1].snapshot(), 0);
        },
        iterations(),
    );
}

/// A counter incremented by 3 threads, one of them inevitable: no lost update.
#[test]
fn increments_with_an_inevitable_thread_lose_nothing() {
    shuttle::check_random(
        || {
            let c = Arc::new([TVar::new(0u32), TVar::new(0u32), TVar::new(0u32)]);
            let mut hs = Vec::new();
            for t in 0..3 {
                let c = c.clone();
                hs.push(thread::spawn(move || {
                    for _ in 0..2 {
                        if t == 2 {
                            let tx = Tx::begin(TxMode::Inevitable);
                            let v = *c[0].read(&tx).unwrap();
                            let w = *c[t].read(&tx).unwrap();
                            c[0].write(&tx, v + 1).unwrap();
                            c[t].write(&tx, w + 1).unwrap();
                            tx.commit().unwrap();
                        } else {
                            atomically(|tx| {
                                let v = *c[0].read(tx)?;
                                let w = *c[t].read(tx)?;
                                c[0].write(tx, v + 1)?;
                                c[t].write(tx, w + 1)
                            });
                        }
                    }
                }));
            }
            for h in hs {
                h.join().unwrap();
            }
            assert_eq!(c[0].snapshot(), 3 * 2);
            // For thread 0, c[t] is c[0] itself: each of its transactions adds 1 there.
            assert_eq!(c[1].snapshot(), 2);
            assert_eq!(c[2].snapshot(), 2);
        },
        iterations(),
    );
}

/// A consumer retries until a producer has written; a transaction turning inevitable
/// half-way keeps what it read.
#[test]
fn retry_wakes_up_and_become_inevitable_is_consistent() {
    shuttle::check_random(
        || {
            let slot = Arc::new(TVar::new(None::<u32>));
            let pair = Arc::new([TVar::new(5i32), TVar::new(-5i32)]);
            let s = slot.clone();
            let consumer = thread::spawn(move || {
                atomically(|tx| match *s.read(tx)? {
                    Some(v) => Ok(v),
                    None => tx.retry(),
                })
            });
            let p = pair.clone();
            let flipper = thread::spawn(move || {
                atomically(|tx| {
                    let a = *p[0].read(tx)?;
                    tx.make_inevitable()?;
                    let b = *p[1].read(tx)?;
                    assert_eq!(a + b, 0, "torn snapshot across become_inevitable");
                    p[0].write(tx, b)?;
                    p[1].write(tx, a)
                })
            });
            let p = pair.clone();
            let s = slot.clone();
            let producer = thread::spawn(move || {
                atomically(|tx| {
                    let a = *p[0].read(tx)?;
                    p[0].write(tx, a + 1)?;
                    let b = *p[1].read(tx)?;
                    p[1].write(tx, b - 1)
                });
                atomically(|tx| s.write(tx, Some(7)));
            });
            producer.join().unwrap();
            flipper.join().unwrap();
            assert_eq!(consumer.join().unwrap(), 7);
            let (a, b) = (pair[0].snapshot(), pair[1].snapshot());
            assert_eq!(a + b, 0);
        },
        iterations(),
    );
}
