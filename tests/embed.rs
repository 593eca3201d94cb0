//! The embedding API: a Rust host running Python from many threads against shared objects.

use std::thread;

use stmpy_vm::core::value::Value;
use stmpy_vm::embed::{HostValue, Runtime};

#[test]
fn exec_eval_call_and_globals() {
    let rt = Runtime::new();
    rt.exec("def add(a, b):\n    return a + b\nitems = [1, 'two', 3.5, None, (True,)]\n")
        .unwrap();
    assert!(matches!(
        rt.call("add", vec![Value::Int(2), Value::Int(40)]),
        Ok(Value::Int(42))
    ));
    let s = rt
        .call("add", vec![Value::str("ab"), Value::str("cd")])
        .unwrap();
    assert_eq!(rt.to_host(&s), HostValue::Str("abcd".into()));
    let items = rt.get("items").unwrap();
    assert_eq!(
        rt.to_host(&items),
        HostValue::List(vec![
            HostValue::Int(1),
            HostValue::Str("two".into()),
            HostValue::Float(3.5),
            HostValue::None,
            HostValue::Tuple(vec![HostValue::Bool(true)]),
        ])
    );
    rt.set("x", Value::Int(7));
    assert!(matches!(rt.eval("x * 6"), Ok(Value::Int(42))));
    assert_eq!(rt.repr(&rt.eval("{'a': [1, 2]}").unwrap()), "{'a': [1, 2]}");
    let big = rt.eval("2 ** 100").unwrap();
    assert_eq!(
        rt.to_host(&big),
        HostValue::Other("1267650600228229401496703205376".into())
    );
    assert!(rt.get("undefined_name").is_none());
}

#[test]
fn python_exceptions_reach_the_host() {
    let rt = Runtime::new();
    rt.exec("class Oops(Exception):\n    pass\ndef f(x):\n    return 1 // x\n")
        .unwrap();
    let e = rt.call("f", vec![Value::Int(0)]).unwrap_err();
    assert_eq!(e.type_name, "ZeroDivisionError");
    assert_eq!(e.message, "integer division or modulo by zero");
    assert!(
        e.traceback
            .starts_with("Traceback (most recent call last):\n")
    );
    assert!(e.traceback.contains("in f\n"), "{}", e.traceback);
    assert!(
        e.traceback
            .ends_with("ZeroDivisionError: integer division or modulo by zero\n")
    );
    let e = rt.exec("raise Oops('custom')").unwrap_err();
    assert_eq!(
        (e.type_name.as_str(), e.message.as_str()),
        ("Oops", "custom")
    );
    let e = rt.exec("def broken(:\n").unwrap_err();
    assert_eq!(e.type_name, "SyntaxError");
    let e = rt.call("missing", vec![]).unwrap_err();
    assert_eq!(e.to_string(), "NameError: name 'missing' is not defined");
    // The runtime stays usable after errors.
    assert!(matches!(rt.eval("1 + 1"), Ok(Value::Int(2))));
}

/// Many host threads mutate shared Python objects at once without locks: every
/// straight-line statement is atomic, so no update is lost.
#[test]
fn host_threads_share_objects_without_lost_updates() {
    let rt = Runtime::new();
    rt.exec(concat!(
        "counts = {}\n",
        "log = []\n",
        "class Box:\n",
        "    def __init__(self):\n",
        "        self.n = 0\n",
        "box = Box()\n",
        "def work(tag, n):\n",
        "    for i in range(n):\n",
        "        counts[i % 7] = counts.get(i % 7, 0) + 1\n",
        "        box.n += 1\n",
        "        log.append(tag)\n",
        "    return tag\n",
    ))
    .unwrap();
    const THREADS: i64 = 4;
    const N: i64 = 5_000;
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let rt = rt.clone();
            thread::spawn(move || rt.call("work", vec![Value::Int(t), Value::Int(N)]))
        })
        .collect();
    for (t, h) in handles.into_iter().enumerate() {
        assert!(matches!(h.join().unwrap(), Ok(Value::Int(x)) if x == t as i64));
    }
    assert!(matches!(rt.eval("box.n"), Ok(Value::Int(n)) if n == THREADS * N));
    assert!(matches!(rt.eval("sum(counts.values())"), Ok(Value::Int(n)) if n == THREADS * N));
    assert!(matches!(rt.eval("len(log)"), Ok(Value::Int(n)) if n == THREADS * N));
    for t in 0..THREADS {
        let c = rt.eval(&format!("log.count({t})")).unwrap();
        assert!(matches!(c, Value::Int(n) if n == N), "thread {t}");
    }
}
