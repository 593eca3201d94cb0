//! `repr(float)` and the format-spec mini-language, compared with CPython on generated
//! cases, plus a few fixed cases that document the rules.

mod fmt_common;

use fmt_common::{Rng, check_against_python, encode, fbits, hex};
use num_bigint::BigInt;
use stmpy_core::fmt::{float_repr, float_str, format_bigint, format_float, format_int, format_str};

/// A random spec, mostly valid for the given presentation types.
fn spec(rng: &mut Rng, types: &str) -> String {
    let mut s = String::new();
    if rng.chance(35) {
        if rng.chance(50) {
            s.push(*rng.pick(&[' ', '*', '0', 'x', 'é', '_', ',', '<', '{']));
        }
        s.push(*rng.pick(&['<', '>', '=', '^']));
    }
    if rng.chance(30) {
        s.push(*rng.pick(&['+', '-', ' ']));
    }
    if rng.chance(8) {
        s.push('z');
    }
    if rng.chance(20) {
        s.push('#');
    }
    if rng.chance(20) {
        s.push('0');
    }
    if rng.chance(50) {
        s.push_str(&rng.below(25).to_string());
    }
    if rng.chance(20) {
        s.push(*rng.pick(&[',', '_']));
        if rng.chance(5) {
            s.push(*rng.pick(&[',', '_']));
        }
    }
    if rng.chance(45) {
        s.push('.');
        let p = if rng.chance(90) {
            rng.below(20)
        } else {
            rng.below(400)
        };
        if rng.chance(97) {
            s.push_str(&p.to_string());
        }
    }
    if rng.chance(80) {
        let types: Vec<char> = types.chars().collect();
        s.push(*rng.pick(&types));
    } else if rng.chance(10) {
        s.push(*rng.pick(&['s', 'd', 'x', 'q', '?', 'ß']));
    }
    s
}

#[test]
fn float_repr_fixed_cases() {
    let cases: &[(f64, &str)] = &[
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (1e-5, "1e-05"),
        (1e-4, "0.0001"),
        (0.1, "0.1"),
        (100.0, "100.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-0.0, "-0.0"),
        (f64::MAX, "1.7976931348623157e+308"),
        (5e-324, "5e-324"),
        (2e16 + 8.0, "2.000000000000001e+16"),
        (1e15 + 0.25, "1000000000000000.2"),
        (0.1 + 0.2, "0.30000000000000004"),
        (123456789.125, "123456789.125"),
    ];
    for &(x, want) in cases {
        assert_eq!(float_repr(x), want, "repr of {x:e}");
        assert_eq!(float_str(x), want);
    }
}

#[test]
fn format_fixed_cases() {
    assert_eq!(
        format_float(1234567.891, ",.2f", "float").unwrap(),
        "1,234,567.89"
    );
    assert_eq!(format_float(0.5, ".0f", "float").unwrap(), "0");
    assert_eq!(format_float(2.675, ".2f", "float").unwrap(), "2.67");
    assert_eq!(format_float(-0.0001, "z.2f", "float").unwrap(), "0.00");
    assert_eq!(format_float(1.0, ".3", "float").unwrap(), "1.0");
    assert_eq!(format_float(0.25, "%", "float").unwrap(), "25.000000%");
    assert_eq!(
        format_float(f64::INFINITY, "010", "float").unwrap(),
        "0000000inf"
    );
    assert_eq!(format_int(1234, "08,", "int").unwrap(), "0,001,234");
    assert_eq!(format_int(255, "#X", "int").unwrap(), "0XFF");
    assert_eq!(format_int(-255, "=+10_x", "int").unwrap(), "-       ff");
    assert_eq!(format_int(65, "^5c", "int").unwrap(), "  A  ");
    assert_eq!(format_str("ab", "x^7.1", "str").unwrap(), "xxxaxxx");
    assert_eq!(format_str("ab", "05", "str").unwrap(), "ab000");
    let e = format_float(1.5, "x", "float").unwrap_err();
    assert_eq!(e.msg, "Unknown format code 'x' for object of type 'float'");
    let e = format_int(1, "abc", "int").unwrap_err();
    assert_eq!(
        e.msg,
        "Invalid format specifier 'abc' for object of type 'int'"
    );
    let huge = num_traits::pow(BigInt::from(10), 4300);
    assert!(
        format_bigint(&huge, "", "int")
            .unwrap_err()
            .msg
            .starts_with("Exceeds the limit (4300 digits)")
    );
    assert!(format_bigint(&huge, "x", "int").is_ok());
    let e = format_int(1, ",_", "int").unwrap_err();
    assert_eq!(e.msg, "Cannot specify both ',' and '_'.");
}

#[test]
fn float_repr_matches_cpython() {
    let mut rng = fmt_common::rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(20000) {
        let x = rng.float();
        cases.push((format!("repr\t{}", fbits(x)), encode(Ok(float_repr(x)))));
    }
    check_against_python(&cases);
}

#[test]
fn format_float_matches_cpython() {
    let mut rng = fmt_common::rng(0x1234_5678_9ABC_DEF1);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(20000) {
        let x = rng.float();
        let s = spec(&mut rng, "eEfFgGn%");
        cases.push((
            format!("ffmt\t{}\t{}", fbits(x), hex(&s)),
            encode(format_float(x, &s, "float")),
        ));
    }
    let extremes: &[(f64, &str)] = &[
        (5e-324, ".1100f"),
        (1e300, ".900e"),
        (0.1, ".2000g"),
        (1e22, ".800g"),
        (2.5e-300, "#.3g"),
        (1.0 / 3.0, ".70000f"),
        (-1e-300, "z.5f"),
        (f64::MAX, ",.2f"),
        (123.456, "\u{1F600}^+#30_.10e"),
    ];
    for &(x, s) in extremes {
        cases.push((
            format!("ffmt\t{}\t{}", fbits(x), hex(s)),
            encode(format_float(x, s, "float")),
        ));
    }
    check_against_python(&cases);
}

#[test]
fn format_int_matches_cpython() {
    let mut rng = fmt_common::rng(0x0DDB_1A5E_5BAD_5EED);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(20000) {
        let t = rng.int_text();
        let n: BigInt = t.parse().unwrap();
        let s = spec(&mut rng, "bcdoxXneEfFgG%");
        cases.push((
            format!("ifmt\t{}\t{}", hex(&t), hex(&s)),
            encode(format_bigint(&n, &s, "int")),
        ));
    }
    check_against_python(&cases);
}

#[test]
fn format_str_matches_cpython() {
    let mut rng = fmt_common::rng(0xFEED_FACE_CAFE_BEEF);
    let words = [
        "",
        "a",
        "abc",
        "héllo",
        "日本語",
        "x y z",
        "0123456789abcdef",
    ];
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(5000) {
        let w = *rng.pick(&words);
        let s = spec(&mut rng, "s");
        cases.push((
            format!("sfmt\t{}\t{}", hex(w), hex(&s)),
            encode(format_str(w, &s, "str")),
        ));
    }
    check_against_python(&cases);
}
