//! Committed values displaced on a thread are freed on that thread (not by whichever
//! thread runs the epoch collection): a value freed on another thread goes through the
//! allocator's cross-thread free list, which made two threads committing disjoint cells
//! slower together than one alone. See `commit::HomeBatch`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread::ThreadId;

use stmpy_stm::{TVar, atomically};

/// A value that records, when dropped, whether it was dropped on its writer's thread.
struct Tracked {
    n: u64,
    home: ThreadId,
    at_home: Arc<AtomicUsize>,
    away: Arc<AtomicUsize>,
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if std::thread::current().id() == self.home {
            self.at_home.fetch_add(1, Ordering::Relaxed);
        } else {
            self.away.fetch_add(1, Ordering::Relaxed);
        }
    }
}

#[test]
fn retired_values_are_freed_on_the_thread_that_displaced_them() {
    const WRITES: usize = 100_000;
    let at_home = Arc::new(AtomicUsize::new(0));
    let away = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let start = Arc::new(Barrier::new(2));

    // A second thread that only pins and collects (read-only transactions on a cell
    // of its own), as fast as it can: without home batches it runs many of the
    // writer's deferred frees.
    let collector = {
        let (done, start) = (done.clone(), start.clone());
        std::thread::spawn(move || {
            let mine = TVar::new(0u64);
            start.wait();
            let mut reads = 0u64;
            while !done.load(Ordering::Relaxed) {
                reads += atomically(|tx| mine.read(tx).map(|v| *v + 1));
            }
            reads
        })
    };

    let home = std::thread::current().id();
    let make = |n| Tracked {
        n,
        home,
        at_home: at_home.clone(),
        away: away.clone(),
    };
    let cell = TVar::new(make(0));
    start.wait();
    for _ in 0..WRITES {
        atomically(|tx| {
            let n = cell.read(tx)?.n;
            cell.write(tx, make(n + 1))
        });
    }
    // A few more transaction ends free what the collector has released meanwhile.
    for _ in 0..10_000 {
        atomically(|tx| cell.read(tx).map(|_| ()));
    }
    let (home_frees, away_frees) = (
        at_home.load(Ordering::Relaxed),
        away.load(Ordering::Relaxed),
    );
    done.store(true, Ordering::Relaxed);
    assert!(collector.join().unwrap() > 0);

    assert_eq!(atomically(|tx| cell.read(tx).map(|v| v.n)), WRITES as u64);
    assert_eq!(away_frees, 0, "values freed on the collecting thread");
    // All but the values still waiting in the last few batches were freed already.
    assert!(
        home_frees >= WRITES - 8 * 64,
        "only {home_frees} of {WRITES} displaced values freed"
    );
}
