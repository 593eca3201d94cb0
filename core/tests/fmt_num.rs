//! Hashing, rounding, int <-> float and float <-> hex conversions, compared with CPython.

mod fmt_common;

use fmt_common::{bits_result, check_against_python, encode, fbits, hex};
use num_bigint::BigInt;
use stmpy_core::fmt::{
    bigint_to_f64, float_as_integer_ratio, float_fromhex, float_hex, hash_bigint, hash_float,
    hash_int, int_to_base, round_bigint, round_float, round_float_to_int,
};

const HEX_PIECES: [&str; 15] = [
    "0x", "1", "f", "8", ".", "p", "-", "+", "10", "1074", "1080", "1024", " ", "inf", "g",
];

#[test]
fn fixed_cases() {
    assert_eq!(hash_int(-1), -2);
    assert_eq!(hash_float(-1.0, 0), -2);
    assert_eq!(hash_float(0.5, 0), 1 << 60);
    assert_eq!(hash_float(f64::INFINITY, 0), 314159);
    assert_eq!(hash_float(f64::NAN, 0x1230), 0x123);
    assert_eq!(hash_bigint(&(BigInt::from(1u64 << 61) - 1)), 0);
    assert_eq!(round_float(2.675, 2).unwrap(), 2.67);
    assert_eq!(round_float(25.0, -1).unwrap(), 20.0);
    assert_eq!(round_float(35.0, -1).unwrap(), 40.0);
    assert!(round_float(-0.4, 0).unwrap().is_sign_negative());
    assert_eq!(
        round_float(1.7976931348623157e308, -308).unwrap_err().msg,
        "rounded value too large to represent"
    );
    assert_eq!(round_float_to_int(2.5).unwrap(), BigInt::from(2));
    assert_eq!(round_bigint(&BigInt::from(-150), -2), BigInt::from(-200));
    assert_eq!(round_bigint(&BigInt::from(250), -2), BigInt::from(200));
    assert_eq!(int_to_base(&BigInt::from(-255), 16), "-0xff");
    assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
    assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
    assert_eq!(float_fromhex("0x1.8p1").unwrap(), 3.0);
    assert_eq!(float_fromhex(" -0X.1P-4 ").unwrap(), -1.0 / 256.0);
    let (n, d) = float_as_integer_ratio(0.75).unwrap();
    assert_eq!((n, d), (BigInt::from(3), BigInt::from(4)));
    let big: BigInt = "1".repeat(400).parse().unwrap();
    assert_eq!(
        bigint_to_f64(&big).unwrap_err().msg,
        "int too large to convert to float"
    );
}

#[test]
fn hashes_match_cpython() {
    let mut rng = fmt_common::rng(0x4242_4242_4242_4242);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(10000) {
        let x = rng.float();
        if !x.is_nan() {
            cases.push((
                format!("hashf\t{}", fbits(x)),
                encode(Ok(hash_float(x, 0).to_string())),
            ));
        }
        let t = rng.int_text();
        let n: BigInt = t.parse().unwrap();
        let mut h = hash_bigint(&n);
        if let Ok(small) = i64::try_from(&n) {
            assert_eq!(hash_int(small), h);
            h = hash_int(small);
        }
        cases.push((format!("hashi\t{}", hex(&t)), encode(Ok(h.to_string()))));
    }
    check_against_python(&cases);
}

#[test]
fn rounding_matches_cpython() {
    let mut rng = fmt_common::rng(0x1357_9BDF_2468_ACE0);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(10000) {
        let x = rng.float();
        let nd = rng.below(40) as i64 - 20;
        let nd = if rng.chance(3) {
            *rng.pick(&[-400, -308, -309, 323, 324, 400])
        } else {
            nd
        };
        cases.push((
            format!("round\t{}\t{nd}", fbits(x)),
            encode(round_float(x, nd).map(bits_result)),
        ));
        cases.push((
            format!("round0\t{}", fbits(x)),
            encode(round_float_to_int(x).map(|n| n.to_string())),
        ));
        let t = rng.int_text();
        let n: BigInt = t.parse().unwrap();
        let nd = rng.below(30) as i64 - 25;
        cases.push((
            format!("roundi\t{}\t{nd}", hex(&t)),
            encode(Ok(round_bigint(&n, nd).to_string())),
        ));
    }
    check_against_python(&cases);
}

#[test]
fn conversions_match_cpython() {
    let mut rng = fmt_common::rng(0x0F0F_0F0F_F0F0_F0F0);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(10000) {
        let x = rng.float();
        cases.push((format!("hex\t{}", fbits(x)), encode(Ok(float_hex(x)))));
        let h = float_hex(x);
        cases.push((
            format!("fromhex\t{}", hex(&h)),
            encode(float_fromhex(&h).map(bits_result)),
        ));
        let ratio = float_as_integer_ratio(x).map(|(n, d)| format!("{n}/{d}"));
        cases.push((format!("ratio\t{}", fbits(x)), encode(ratio)));
        // Big ints near float boundaries: 2**k times odd numbers around 2**53.
        let t = if rng.chance(50) {
            rng.int_text()
        } else {
            let m = (1u64 << 53) + rng.below(8) - 4;
            let n = BigInt::from(m * 2 + rng.below(2)) << rng.below(1000);
            (if rng.chance(50) { -n } else { n }).to_string()
        };
        let n: BigInt = t.parse().unwrap();
        cases.push((
            format!("tofloat\t{}", hex(&t)),
            encode(bigint_to_f64(&n).map(bits_result)),
        ));
        let base = *rng.pick(&[2u32, 8, 16]);
        cases.push((
            format!("base\t{}\t{base}", hex(&t)),
            encode(Ok(int_to_base(&n, base))),
        ));
        // Hand-written hex strings: rounding, subnormals, overflow, syntax.
        let mut s = String::new();
        for _ in 0..rng.below(6) {
            let piece: &&str = rng.pick(&HEX_PIECES);
            s.push_str(piece);
        }
        cases.push((
            format!("fromhex\t{}", hex(&s)),
            encode(float_fromhex(&s).map(bits_result)),
        ));
    }
    check_against_python(&cases);
}
