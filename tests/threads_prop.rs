//! Property test at the Python level: random mixes of operations on a shared list,
//! dict, set and object attributes from 2–4 threads. The final state must be one that
//! some serial order of the threads produces.
//!
//! Each generated program runs twice:
//! - under `python3 prog.py serial`, which runs the threads' functions one after the
//!   other in every order (all permutations) and prints the set of possible outcomes
//!   (CPython is the oracle; `stm.atomic` is a no-op there);
//! - under stmpy with real threads, started together at a barrier; its outcome must be
//!   in that set.
//!
//! Two shapes of thread body are checkable:
//! - **atomic**: each thread's whole sequence is one `with stm.atomic:` block, so any
//!   operations may be mixed (appends, inserts, pops, read-modify-writes of items and
//!   attributes): the threads serialize in some order;
//! - **per operation**: each thread repeats its sequence in a loop without `stm.atomic`,
//!   using only operations whose combined effect does not depend on the order
//!   (`d[k] += n`, `o.n += n`, `s.add`, `l.append` compared sorted): each statement is
//!   atomic, so the result must equal the serial one exactly.
//!
//! `PROPTEST_CASES` changes the number of programs (default 12; each costs a python3
//! and a stmpy run).

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;

const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
enum Op {
    Append(u8),
    Insert0(u8),
    PopLast,
    Reverse,
    SetItem(u8, u8),
    MulAdd(u8, u8),
    PopKey(u8),
    SetAdd(u8),
    Discard(u8),
    AttrMulAdd(u8),
    AttrLog,
    AttrLen,
    /// Burns bytecode budget: without `stm.atomic` a transaction boundary would come
    /// here, letting other threads interleave with the block.
    Spin,
}

impl Op {
    fn python(&self) -> String {
        match self {
            Op::Append(v) => format!("L.append({v})"),
            Op::Insert0(v) => format!("L.insert(0, {v})"),
            Op::PopLast => "L.pop() if L else None".into(),
            Op::Reverse => "L.reverse()".into(),
            Op::SetItem(k, v) => format!("D['k{k}'] = {v}"),
            Op::MulAdd(k, v) => format!("D['k{k}'] = D.get('k{k}', 0) * 2 + {v}"),
            Op::PopKey(k) => format!("D.pop('k{k}', None)"),
            Op::SetAdd(v) => format!("S.add({v})"),
            Op::Discard(v) => format!("S.discard({v})"),
            Op::AttrMulAdd(v) => format!("o.a = o.a * 3 + {v}"),
            Op::AttrLog => "o.b.append(o.a)".into(),
            Op::AttrLen => "o.c = len(L) + len(D) + len(S)".into(),
            Op::Spin => "for _ in range(SPIN): pass".into(),
        }
    }
}

/// Operations whose combined effect is the same in every order.
#[derive(Debug, Clone)]
enum CommOp {
    Incr(u8, u8),
    AttrIncr(u8),
    SetAdd(u8),
    Append(u8),
}

impl CommOp {
    fn python(&self) -> String {
        match self {
            CommOp::Incr(k, v) => format!("D['k{k}'] += {v}"),
            CommOp::AttrIncr(v) => format!("o.n += {v}"),
            CommOp::SetAdd(v) => format!("S.add({v})"),
            CommOp::Append(v) => format!("L.append((me, i, {v}))"),
        }
    }
}

fn op() -> impl Strategy<Value = Op> {
    let v = 0u8..10;
    let k = 0u8..4;
    prop_oneof![
        v.clone().prop_map(Op::Append),
        v.clone().prop_map(Op::Insert0),
        Just(Op::PopLast),
        Just(Op::Reverse),
        (k.clone(), v.clone()).prop_map(|(k, v)| Op::SetItem(k, v)),
        (k.clone(), v.clone()).prop_map(|(k, v)| Op::MulAdd(k, v)),
        k.prop_map(Op::PopKey),
        v.clone().prop_map(Op::SetAdd),
        v.clone().prop_map(Op::Discard),
        v.prop_map(Op::AttrMulAdd),
        Just(Op::AttrLog),
        Just(Op::AttrLen),
        Just(Op::Spin),
        Just(Op::Spin),
    ]
}

fn comm_op() -> impl Strategy<Value = CommOp> {
    let v = 1u8..10;
    prop_oneof![
        (0u8..4, v.clone()).prop_map(|(k, v)| CommOp::Incr(k, v)),
        v.clone().prop_map(CommOp::AttrIncr),
        v.clone().prop_map(CommOp::SetAdd),
        v.prop_map(CommOp::Append),
    ]
}

const PRELUDE: &str = r#"import itertools
import sys
import threading

SERIAL = sys.argv[1:] == ["serial"]
# Longer than a transaction's bytecode budget (20,000 per transaction).
SPIN = 0 if SERIAL else 12000
if SERIAL or sys.argv[1:] == ["nonatomic"]:
    import contextlib
    atomic = contextlib.nullcontext()
else:
    import stm
    atomic = stm.atomic


class Obj:
    pass


def reset():
    global L, D, S, o
    L = []
    D = {"k0": 0, "k1": 0, "k2": 0, "k3": 0}
    S = set()
    o = Obj()
    o.a = 0
    o.b = []
    o.c = 0
    o.n = 0

"#;

const ATOMIC_STATE: &str = "repr((L, D, sorted(S), o.a, o.b, o.c))";
const COMM_STATE: &str = "repr((sorted(L), D, sorted(S), o.n))";

const RUNNER: &str = r#"

def run_threads():
    barrier = threading.Barrier(len(FUNCS))

    def body(f, me):
        barrier.wait()
        f(me)

    ts = [threading.Thread(target=body, args=(f, me)) for me, f in enumerate(FUNCS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


if SERIAL:
    outcomes = set()
    for order in itertools.permutations(range(len(FUNCS))):
        reset()
        for me in order:
            FUNCS[me](me)
        outcomes.add(state())
    for s in sorted(outcomes):
        print(s)
else:
    reset()
    run_threads()
    print(state())
"#;

/// A program whose threads each run their whole sequence in one atomic block.
fn atomic_program(threads: &[Vec<Op>]) -> String {
    let mut p = String::from(PRELUDE);
    for (i, ops) in threads.iter().enumerate() {
        p += &format!("\ndef f{i}(me):\n    with atomic:\n");
        for op in ops {
            p += &format!("        {}\n", op.python());
        }
    }
    p += &format!("\n\ndef state():\n    return {ATOMIC_STATE}\n");
    p += &format!(
        "\n\nFUNCS = [{}]\n",
        (0..threads.len())
            .map(|i| format!("f{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    p + RUNNER
}

/// A program whose threads repeat commutative statements without `stm.atomic`.
fn commutative_program(threads: &[Vec<CommOp>], reps: u32) -> String {
    let mut p = String::from(PRELUDE);
    for (i, ops) in threads.iter().enumerate() {
        p += &format!("\ndef f{i}(me):\n    for i in range({reps}):\n");
        for op in ops {
            p += &format!("        {}\n", op.python());
        }
    }
    p += &format!("\n\ndef state():\n    return {COMM_STATE}\n");
    p += &format!(
        "\n\nFUNCS = [{}]\n",
        (0..threads.len())
            .map(|i| format!("f{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    p + RUNNER
}

fn run(cmd: &mut Command, what: &str) -> String {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish in {TIMEOUT:?} (deadlock?)");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().expect("output");
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `program` under python3 (serial outcomes) and stmpy (threads); the stmpy
/// outcome must be one of CPython's.
fn check(program: &str, stress: bool) -> Result<(), TestCaseError> {
    let mut f = tempfile();
    f.1.write_all(program.as_bytes()).expect("write program");
    drop(f.1);
    let path = f.0.to_string_lossy().into_owned();
    let serial = run(Command::new("python3").arg(&path).arg("serial"), "python3");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stmpy"));
    cmd.arg(&path).env_remove("STMPY_STM_STRESS");
    if stress {
        cmd.env("STMPY_STM_STRESS", "5");
    }
    let got = run(&mut cmd, "stmpy");
    let _ = std::fs::remove_file(&f.0);
    let outcomes: Vec<&str> = serial.lines().collect();
    prop_assert!(!outcomes.is_empty());
    prop_assert!(
        outcomes.contains(&got.trim_end()),
        "stmpy's outcome {got:?} is no serial order's; serial outcomes:\n{serial}\nprogram:\n{program}"
    );
    Ok(())
}

fn tempfile() -> (std::path::PathBuf, std::fs::File) {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir();
    let path = dir.join(format!(
        "stmpy_threads_prop_{}_{}.py",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let f = std::fs::File::create(&path).expect("create temp program");
    (path, f)
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn atomic_blocks_serialize(
        threads in prop::collection::vec(prop::collection::vec(op(), 1..12), 2..=4),
        stress in any::<bool>(),
    ) {
        check(&atomic_program(&threads), stress)?;
    }

    #[test]
    fn single_statements_are_atomic(
        threads in prop::collection::vec(prop::collection::vec(comm_op(), 1..5), 2..=4),
        reps in 50u32..400,
        stress in any::<bool>(),
    ) {
        check(&commutative_program(&threads, reps), stress)?;
    }
}
