//! Property test: random transaction programs over a few cells, run concurrently, are
//! serializable. Every committed transaction records what it read; replaying the
//! committed transactions one by one in commit-stamp order on a plain model must
//! reproduce exactly those reads and the final state (nothing lost, nothing invented).

mod common;

use std::sync::{Arc, Barrier};
use std::time::Duration;

use common::{run_stamped, terminates};
use proptest::prelude::*;
use stmpy_stm::TVar;

const CELLS: usize = 3;

#[derive(Debug, Clone)]
enum Op {
    Read(usize),
    /// Write `k + sum of the values this transaction has read so far`.
    Write(usize, u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..CELLS).prop_map(Op::Read),
        (0..CELLS, 1..100u64).prop_map(|(c, k)| Op::Write(c, k)),
    ]
}

fn program() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 1..6)
}

/// Runs `ops` against `read`/`write` functions, returning the values read.
fn interpret(
    ops: &[Op],
    mut read: impl FnMut(usize) -> Result<u64, stmpy_stm::StmError>,
    mut write: impl FnMut(usize, u64) -> Result<(), stmpy_stm::StmError>,
) -> Result<Vec<u64>, stmpy_stm::StmError> {
    let mut seen = Vec::new();
    for op in ops {
        match *op {
            Op::Read(c) => seen.push(read(c)?),
            Op::Write(c, k) => write(c, k + seen.iter().sum::<u64>())?,
        }
    }
    Ok(seen)
}

struct Committed {
    stamp: (u64, bool),
    ops: Vec<Op>,
    seen: Vec<u64>,
}

fn check(threads: Vec<Vec<Vec<Op>>>) {
    let cells: Arc<Vec<TVar<u64>>> = Arc::new((0..CELLS).map(|_| TVar::new(0)).collect());
    let barrier = Arc::new(Barrier::new(threads.len()));
    let handles: Vec<_> = threads
        .into_iter()
        .map(|progs| {
            let cells = cells.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let mut done = Vec::new();
                for ops in progs {
                    let (seen, stamp) = run_stamped(|tx| {
                        interpret(
                            &ops,
                            |c| Ok(*cells[c].read(tx)?),
                            |c, v| cells[c].write(tx, v),
                        )
                    });
                    done.push(Committed { stamp, ops, seen });
                }
                done
            })
        })
        .collect();
    let mut all: Vec<Committed> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    // Writers at timestamp t, then read-only transactions that read at t.
    all.sort_by_key(|c| (c.stamp.0, !c.stamp.1));
    let mut model = [0u64; CELLS];
    for c in &all {
        let m = std::cell::RefCell::new(model);
        let seen = interpret(
            &c.ops,
            |i| Ok(m.borrow()[i]),
            |i, v| {
                m.borrow_mut()[i] = v;
                Ok(())
            },
        )
        .unwrap();
        let m = m.into_inner();
        assert_eq!(seen, c.seen, "reads of {:?} at stamp {:?}", c.ops, c.stamp);
        if !c.stamp.1 {
            assert_eq!(m, model, "a read-only transaction wrote");
        }
        model = m;
    }
    let fin: Vec<u64> = cells.iter().map(|c| c.snapshot()).collect();
    assert_eq!(
        fin,
        model.to_vec(),
        "final state differs from the serial replay"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn concurrent_programs_are_serializable(
        threads in prop::collection::vec(prop::collection::vec(program(), 1..150), 2..5)
    ) {
        terminates(Duration::from_secs(60), move || check(threads));
    }
}
