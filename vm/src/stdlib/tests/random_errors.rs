//! Error cases of `random`, with CPython 3.11's exception classes and messages
//! (recorded with python3).

use crate::stdlib::error::{PyErr, PyErrKind::*};
use crate::stdlib::random_core::{Random, Seed, bad_state_version};

fn rng() -> Random {
    Random::new(Seed::Int(&1.into()), 2).unwrap()
}

fn err(kind: crate::stdlib::error::PyErrKind, msg: &str) -> PyErr {
    PyErr::new(kind, msg)
}

#[test]
fn randrange_errors() {
    let mut r = rng();
    assert_eq!(
        r.randrange_i64(0, None, None),
        Err(err(ValueError, "empty range for randrange()"))
    );
    assert_eq!(
        r.randrange_i64(-3, None, None),
        Err(err(ValueError, "empty range for randrange()"))
    );
    assert_eq!(
        r.randrange_i64(5, Some(5), None),
        Err(err(ValueError, "empty range for randrange() (5, 5, 0)"))
    );
    assert_eq!(
        r.randrange_i64(5, Some(1), Some(0)),
        Err(err(ValueError, "zero step for randrange()"))
    );
    assert_eq!(
        r.randrange_i64(1, Some(5), Some(-1)),
        Err(err(ValueError, "empty range for randrange()"))
    );
    assert_eq!(
        r.randrange_i64(10, None, Some(2)),
        Err(err(TypeError, "Missing a non-None stop argument"))
    );
    let huge: num_bigint::BigInt = "100000000000000000000000".parse().unwrap();
    assert_eq!(
        r.randrange(&huge, Some(&huge), None),
        Err(err(
            ValueError,
            "empty range for randrange() (100000000000000000000000, 100000000000000000000000, 0)"
        ))
    );
    assert_eq!(
        r.randrange(&huge, Some(&0.into()), Some(&huge)),
        Err(err(ValueError, "empty range for randrange()"))
    );
}

#[test]
fn sequence_errors() {
    let mut r = rng();
    let msg = "Sample larger than population or is negative";
    assert_eq!(r.sample(3, 4), Err(err(ValueError, msg)));
    assert_eq!(r.sample(3, -1), Err(err(ValueError, msg)));
    assert_eq!(
        r.choice(0),
        Err(err(IndexError, "Cannot choose from an empty sequence"))
    );
    assert_eq!(
        r.choices_weighted(3, &[1.0, 2.0], false, 2),
        Err(err(
            ValueError,
            "The number of weights does not match the population"
        ))
    );
    assert_eq!(
        r.choices_weighted(3, &[0.0, 0.0, 0.0], false, 1),
        Err(err(
            ValueError,
            "Total of weights must be greater than zero"
        ))
    );
    assert_eq!(
        r.choices_weighted(3, &[1.0, f64::INFINITY, 0.0], false, 1),
        Err(err(ValueError, "Total of weights must be finite"))
    );
    assert_eq!(
        r.sample_counts(&[0, 0, 0, 0], 2),
        Err(err(ValueError, "Total of counts must be greater than zero"))
    );
}

#[test]
fn numeric_errors() {
    let mut r = rng();
    assert_eq!(
        r.getrandbits(-1),
        Err(err(ValueError, "number of bits must be non-negative"))
    );
    assert_eq!(
        r.randbytes(-1),
        Err(err(ValueError, "number of bits must be non-negative"))
    );
    assert_eq!(
        r.gammavariate(0.0, 1.0),
        Err(err(
            ValueError,
            "gammavariate: alpha and beta must be > 0.0"
        ))
    );
    assert_eq!(
        r.expovariate(0.0),
        Err(err(ZeroDivisionError, "float division by zero"))
    );
    assert_eq!(
        r.paretovariate(0.0),
        Err(err(ZeroDivisionError, "float division by zero"))
    );
    assert_eq!(
        bad_state_version("4"),
        err(
            ValueError,
            "state with version 4 passed to Random.setstate() of version 3"
        )
    );
}

#[test]
fn state_round_trip_and_checks() {
    let mut r = rng();
    r.gauss(0.0, 1.0);
    let st = r.getstate().unwrap();
    let a: Vec<f64> = (0..700).map(|_| r.gauss(0.0, 1.0)).collect();
    let mut r2 = Random::new(Seed::Int(&99.into()), 2).unwrap();
    r2.setstate(&st.words, st.index as i64, st.gauss_next)
        .unwrap();
    let b: Vec<f64> = (0..700).map(|_| r2.gauss(0.0, 1.0)).collect();
    assert_eq!(a, b);
    assert_eq!(
        r2.setstate(&st.words, 625, None),
        Err(err(ValueError, "invalid state"))
    );
    assert_eq!(
        r2.setstate(&st.words, -1, None),
        Err(err(ValueError, "invalid state"))
    );
    // Reseeding clears the cached gauss deviate, as CPython's seed() does.
    r2.seed(Seed::Int(&1.into()), 2).unwrap();
    assert_eq!(r2.getstate().unwrap().gauss_next, None);
    assert_eq!(r2, rng());
}

#[test]
fn os_seeds_differ() {
    let a = Random::new(Seed::None, 2).unwrap();
    let b = Random::new(Seed::None, 2).unwrap();
    assert_ne!(a, b);
}

#[test]
fn system_random_draws_from_the_os() {
    let mut s = Random::system();
    assert!(s.is_system() && s.getstate().is_none());
    let xs: Vec<f64> = (0..100).map(|_| s.random()).collect();
    assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
    assert!(xs.windows(2).any(|w| w[0] != w[1]));
    for k in [0i64, 1, 7, 8, 9, 63, 64, 65, 200] {
        let v = s.getrandbits(k).unwrap();
        assert!(v.bits() <= k as u64, "getrandbits({k}) gave {v}");
    }
    let picks = s.sample(1000, 10).unwrap();
    assert!(picks.iter().all(|&i| i < 1000));
    // Seeding turns it back into a Mersenne Twister.
    s.seed(Seed::Int(&1.into()), 2).unwrap();
    assert_eq!(s, rng());
}
