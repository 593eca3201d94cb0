//! Interpreter hot paths through the embedding API (`stmpy_vm::Interpreter::run_source`):
//! call, attribute load, dict get/set, list append, method call, and bare dispatch.
//!
//! Run: `cargo bench --bench interp -- --warm-up-time 1 --measurement-time 3`
//!
//! Each snippet runs its operation `N` times in a loop inside a function (so names are
//! fast locals, as in real code), and the figure is reported per operation (criterion's
//! throughput: elements = `N`). One `run_source` also compiles the snippet and runs the
//! module body; the `overhead` bench measures that part alone (a snippet whose loop does
//! nothing), so per-operation cost = (bench - overhead) / N.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stmpy_vm::Interpreter;

/// Loop length: large enough that compiling the snippet is a small part of a run.
const N: u64 = 10_000;

/// (name, setup lines at function level, the loop body). `i` is the loop counter.
const SNIPPETS: &[(&str, &str, &str)] = &[
    ("overhead", "", "pass"),
    ("dispatch_int_add", "x = 0", "x = x + i"),
    ("call_function", "def f(a, b):\n        return a", "f(i, 2)"),
    (
        "attribute_load",
        "class C:\n        pass\n    o = C()\n    o.x = 1\n    t = 0",
        "t += o.x",
    ),
    (
        "method_call",
        "class C:\n        def m(self, a):\n            return a\n    o = C()",
        "o.m(i)",
    ),
    (
        "dict_set_get",
        "d = {}",
        "d[i & 255] = i\n        y = d[i & 255]",
    ),
    ("list_append", "l = []", "l.append(i)"),
    ("global_load", "", "y = G"),
];

fn snippet(setup: &str, body: &str) -> String {
    format!("G = 1\ndef main():\n    {setup}\n    for i in range({N}):\n        {body}\nmain()\n")
}

fn hot_paths(c: &mut Criterion) {
    let mut interp = Interpreter::new(vec!["<bench>".to_string()]);
    // A snippet that fails would time an exception, not the operation: check each once.
    for (name, setup, body) in SNIPPETS {
        let status = interp.run_source(&snippet(setup, body), "<bench>");
        assert_eq!(status, 0, "benchmark snippet {name} failed under stmpy");
    }
    let mut g = c.benchmark_group("interp");
    g.throughput(Throughput::Elements(N));
    for (name, setup, body) in SNIPPETS {
        let src = snippet(setup, body);
        g.bench_function(*name, |b| {
            b.iter(|| black_box(interp.run_source(black_box(&src), "<bench>")))
        });
    }
    g.finish();
}

criterion_group!(benches, hot_paths);
criterion_main!(benches);
