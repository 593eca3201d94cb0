//! Replays `data/random_ops.txt`: 3000 randomly chosen `random.Random` operations and
//! arguments with the results CPython 3.11 gave (`gen_random_ops.py`).

use crate::stdlib::error::{PyErr, Res as PyResult};
use crate::stdlib::random_core::{Random, Seed};
use num_bigint::BigInt;

#[derive(Debug)]
enum Arg {
    I(BigInt),
    F(f64),
    None,
}

fn parse(tok: &str) -> Arg {
    match tok.split_at(1) {
        ("N", _) => Arg::None,
        ("i", d) => Arg::I(d.parse().unwrap()),
        ("f", h) => Arg::F(f64::from_bits(u64::from_str_radix(h, 16).unwrap())),
        _ => panic!("bad token {tok}"),
    }
}

fn ef(x: f64) -> String {
    format!("f{:016x}", x.to_bits())
}

fn list<T: ToString>(v: &[T]) -> String {
    format!(
        "l({})",
        v.iter()
            .map(|x| format!("i{}", x.to_string()))
            .collect::<Vec<_>>()
            .join(",")
    )
}

fn enc<T>(r: PyResult<T>, f: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(PyErr { kind, msg }) => format!("E:{kind:?}:{msg}"),
    }
}

#[test]
fn operations_match_cpython() {
    let mut r = Random::new(Seed::Int(&0.into()), 2).unwrap();
    let mut failures = Vec::new();
    for line in include_str!("data/random_ops.txt").lines() {
        let (lhs, expected) = line.split_once(" => ").unwrap();
        let mut toks = lhs.split_whitespace();
        let op = toks.next().unwrap();
        let args: Vec<Arg> = toks.map(parse).collect();
        let int = |i: usize| match &args[i] {
            Arg::I(v) => v.clone(),
            a => panic!("int expected, got {a:?}"),
        };
        let opt = |i: usize| match &args[i] {
            Arg::I(v) => Some(v.clone()),
            _ => None,
        };
        let fl = |i: usize| match &args[i] {
            Arg::F(v) => *v,
            a => panic!("float expected, got {a:?}"),
        };
        let small = |i: usize| -> usize { int(i).try_into().unwrap() };
        let got = match op {
            "seed" => enc(r.seed(Seed::Int(&int(0)), 2), |_| "N".into()),
            "random" => ef(r.random()),
            "getrandbits" => enc(r.getrandbits(int(0).try_into().unwrap()), |v| {
                format!("i{v}")
            }),
            "randrange" => {
                let (stop, step) = (opt(1), opt(2));
                enc(r.randrange(&int(0), stop.as_ref(), step.as_ref()), |v| {
                    format!("i{v}")
                })
            }
            "randint" => enc(r.randint(&int(0), &int(1)), |v| format!("i{v}")),
            "choice" => enc(r.choice(small(0)), |v| format!("i{v}")),
            "shuffle" => {
                let mut l: Vec<usize> = (0..small(0)).collect();
                r.shuffle(&mut l);
                list(&l)
            }
            "sample" => enc(r.sample(small(0), int(1).try_into().unwrap()), |v| list(&v)),
            "choices" => {
                let n = small(0);
                let picks = r.choices(n, small(1));
                if n == 0 && !picks.is_empty() {
                    "E:IndexError:range object index out of range".into()
                } else {
                    list(&picks)
                }
            }
            "choices_w" => {
                let w: Vec<f64> = (1..args.len()).map(fl).collect();
                enc(r.choices_weighted(w.len(), &w, false, small(0)), |v| {
                    list(&v)
                })
            }
            "gauss" => ef(r.gauss(fl(0), fl(1))),
            "gammavariate" => enc(r.gammavariate(fl(0), fl(1)), ef),
            "vonmisesvariate" => enc(r.vonmisesvariate(fl(0), fl(1)), ef),
            "betavariate" => enc(r.betavariate(fl(0), fl(1)), ef),
            "triangular" => {
                let mode = match args[2] {
                    Arg::F(m) => Some(m),
                    _ => None,
                };
                ef(r.triangular(fl(0), fl(1), mode))
            }
            "normalvariate" => ef(r.normalvariate(0.0, 1.0)),
            _ => panic!("unknown op {op}"),
        };
        if got != expected {
            failures.push(format!("{line}\n    got {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
