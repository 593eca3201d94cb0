//! Replays the operation script of `gen_random.py` and compares every output with the
//! values CPython 3.11 recorded in `data/random_expected.txt`.

use crate::stdlib::random_core::{Random, Seed};
use num_bigint::BigInt;

fn fb(x: f64) -> String {
    format!("f{:016x}", x.to_bits())
}

struct Out(Vec<String>);
impl Out {
    fn emit(&mut self, name: &str, v: impl Into<String>) {
        self.0.push(format!("{name}: {}", v.into()));
    }
    fn floats(&mut self, name: &str, v: &[f64]) {
        self.emit(name, v.iter().map(|&x| fb(x)).collect::<Vec<_>>().join(","));
    }
    fn ints<T: ToString>(&mut self, name: &str, v: &[T]) {
        self.emit(
            name,
            v.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(","),
        );
    }
}

fn big(s: &str) -> BigInt {
    s.parse().unwrap()
}

fn replay(r: &mut Random, out: &mut Out) {
    let v: Vec<f64> = (0..5).map(|_| r.random()).collect();
    out.floats("random", &v);
    let v: Vec<String> = [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 257]
        .iter()
        .map(|&k| r.getrandbits(k).unwrap().to_string())
        .collect();
    out.ints("bits", &v);
    let e30 = big("1000000000000000000000000000000");
    let e25 = big("10000000000000000000000000");
    let v = vec![
        r.randrange(&10.into(), None, None).unwrap(),
        r.randrange(&3.into(), Some(&17.into()), None).unwrap(),
        r.randrange(&0.into(), Some(&100.into()), Some(&7.into()))
            .unwrap(),
        r.randrange(&50.into(), Some(&0.into()), Some(&(-3).into()))
            .unwrap(),
        r.randrange(&-&e30, Some(&e30), None).unwrap(),
        r.randrange(
            &e25,
            Some(&(&e25 + big("1000000000000000000000000"))),
            Some(&big("100000000000000000000")),
        )
        .unwrap(),
        r.randrange(
            &big("9223372036854775803"),
            Some(&big("9223372036854775813")),
            None,
        )
        .unwrap(),
        r.randrange(&i64::MIN.into(), Some(&(i64::MAX - 1).into()), None)
            .unwrap(),
    ];
    out.ints("randrange", &v);
    let v: Vec<BigInt> = (0..10)
        .map(|_| r.randint(&1.into(), &6.into()).unwrap())
        .collect();
    out.ints("randint", &v);
    let v: Vec<usize> = (0..5).map(|_| r.choice(10).unwrap()).collect();
    out.ints("choice", &v);
    let mut l: Vec<usize> = (0..20).collect();
    r.shuffle(&mut l);
    out.ints("shuffle", &l);
    out.ints("sample_set", &r.sample(100, 10).unwrap());
    out.ints("sample_pool", &r.sample(50, 10).unwrap());
    out.ints("sample_big", &r.sample(1000, 300).unwrap());
    out.ints("sample_all", &r.sample(7, 7).unwrap());
    out.ints("sample_counts", &r.sample_counts(&[3, 1, 4, 2], 6).unwrap());
    out.ints("choices", &r.choices(10, 10));
    out.ints(
        "choices_w",
        &r.choices_weighted(4, &[1.0, 2.5, 0.0, 3.0], false, 8)
            .unwrap(),
    );
    out.ints(
        "choices_cw",
        &r.choices_weighted(4, &[1.0, 3.5, 3.5, 6.5], true, 8)
            .unwrap(),
    );
    let v: Vec<f64> = (0..3).map(|_| r.uniform(-3.0, 7.5)).collect();
    out.floats("uniform", &v);
    let v = [
        r.triangular(0.0, 1.0, None),
        r.triangular(1.0, 5.0, Some(2.0)),
        r.triangular(1.0, 5.0, Some(4.5)),
        r.triangular(2.0, 2.0, Some(2.0)),
    ];
    out.floats("triangular", &v);
    let mut v: Vec<f64> = (0..3).map(|_| r.gauss(0.0, 1.0)).collect();
    v.extend((0..3).map(|_| r.gauss(10.0, 2.0)));
    out.floats("gauss", &v);
    let v: Vec<f64> = (0..3).map(|_| r.normalvariate(1.0, 3.0)).collect();
    out.floats("normal", &v);
    let v: Vec<f64> = (0..3).map(|_| r.lognormvariate(0.0, 0.5)).collect();
    out.floats("lognorm", &v);
    let v: Vec<f64> = (0..3).map(|_| r.expovariate(1.5).unwrap()).collect();
    out.floats("expo", &v);
    let mut v: Vec<f64> = (0..3)
        .map(|_| r.vonmisesvariate(1.0, 4.0).unwrap())
        .collect();
    v.push(r.vonmisesvariate(0.5, 0.0).unwrap());
    out.floats("vonmises", &v);
    let v = [
        r.gammavariate(0.5, 2.0).unwrap(),
        r.gammavariate(1.0, 2.0).unwrap(),
        r.gammavariate(2.5, 1.0).unwrap(),
        r.gammavariate(0.1, 1.0).unwrap(),
    ];
    out.floats("gamma", &v);
    let v: Vec<f64> = (0..3).map(|_| r.betavariate(2.0, 3.0).unwrap()).collect();
    out.floats("beta", &v);
    let v: Vec<f64> = (0..3).map(|_| r.paretovariate(2.0).unwrap()).collect();
    out.floats("pareto", &v);
    let v: Vec<f64> = (0..3)
        .map(|_| r.weibullvariate(1.0, 1.5).unwrap())
        .collect();
    out.floats("weibull", &v);
    out.ints("randbytes", &r.randbytes(9).unwrap());
    let st = r.getstate().unwrap();
    let sum = st.words.iter().fold(0u32, |a, &w| a.wrapping_add(w));
    out.ints(
        "state",
        &[
            3u64,
            st.index as u64,
            st.words[0].into(),
            st.words[623].into(),
            sum.into(),
        ],
    );
    out.emit("gauss_next", st.gauss_next.map_or("None".to_string(), fb));
}

#[test]
fn sequences_match_cpython() {
    let expected: Vec<&str> = include_str!("data/random_expected.txt").lines().collect();
    let ints = [
        "0",
        "1",
        "42",
        "-7",
        "4294967296",
        "18446744073709551621",
        "10000000000000000000000000000000000000000",
    ];
    let mut out = Out(Vec::new());
    let run = |seed: Seed<'_>, version: i64, label: String, out: &mut Out| {
        out.emit("seed", label);
        let mut r = Random::new(seed, version).unwrap();
        replay(&mut r, out);
    };
    for s in ints {
        run(Seed::Int(&big(s)), 2, format!("int {s}"), &mut out);
    }
    run(Seed::Str("hello"), 2, "str 'hello'".into(), &mut out);
    run(Seed::Str(""), 2, "str ''".into(), &mut out);
    run(
        Seed::Str("h\u{e9}llo \u{2603}"),
        2,
        "str 'h\u{e9}llo \u{2603}'".into(),
        &mut out,
    );
    run(Seed::Bytes(b"abc"), 2, "bytes b'abc'".into(), &mut out);
    run(Seed::Str("abc"), 1, "str1 'abc'".into(), &mut out);
    run(Seed::Bytes(b"xyz"), 1, "bytes1 b'xyz'".into(), &mut out);
    // hash(3.5) and hash(-2.25) on 64-bit CPython.
    for h in [1152921504606846979i64, -576460752303423490] {
        run(Seed::Hash(h), 2, format!("float {h}"), &mut out);
    }
    assert_eq!(out.0.len(), expected.len());
    for (got, want) in out.0.iter().zip(&expected) {
        assert_eq!(got, want);
    }
}
