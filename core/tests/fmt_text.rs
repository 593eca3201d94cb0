//! `int()`/`float()` parsing, `%` formatting and `repr(str)`/`ascii()`, compared with
//! CPython on generated cases, plus fixed cases that document the rules.

mod fmt_common;

use fmt_common::{Rng, bits_result, check_against_python, encode, fbits, hex};
use num_bigint::BigInt;
use stmpy_core::fmt::percent::{self, Count, Piece};
use stmpy_core::fmt::{ErrorKind, FmtError, ascii_str, parse_float, parse_int, repr_str};

/// Random text over an alphabet that hits every branch of the number parsers.
fn number_text(rng: &mut Rng, alphabet: &[&str]) -> String {
    let len = rng.below(9);
    let mut s = String::new();
    for _ in 0..len {
        let piece: &&str = rng.pick(alphabet);
        s.push_str(piece);
    }
    s
}

const INT_ALPHABET: &[&str] = &[
    "0", "1", "7", "9", "5", "a", "F", "z", "Z", "_", "__", " ", "\t", "-", "+", "0x", "0X", "0o",
    "0b", "0B", "x", "٣", "\u{a0}", "\u{2003}", ".", "é", "\u{1c}",
];

const FLOAT_ALPHABET: &[&str] = &[
    "0", "1", "5", "9", "_", ".", "e", "E", "-", "+", " ", "\n", "inf", "INFINITY", "nAn", "in",
    "٣", "\u{3000}", "x", "1e308", "e-400", "0x1",
];

#[test]
fn parse_fixed_cases() {
    assert_eq!(parse_int(" -1_000 ", 10).unwrap(), BigInt::from(-1000));
    assert_eq!(parse_int("0x_ff", 0).unwrap(), BigInt::from(255));
    assert_eq!(parse_int("٣", 10).unwrap(), BigInt::from(3));
    assert_eq!(parse_int("00", 0).unwrap(), BigInt::from(0));
    let e = parse_int("010", 0).unwrap_err();
    assert_eq!(e.msg, "invalid literal for int() with base 0: '010'");
    let e = parse_int("1__0", 10).unwrap_err();
    assert_eq!(e.msg, "invalid literal for int() with base 10: '1__0'");
    let e = parse_int("1", 37).unwrap_err();
    assert_eq!(e.msg, "int() base must be >= 2 and <= 36, or 0");
    let long = "1".repeat(4301);
    assert!(
        parse_int(&long, 10)
            .unwrap_err()
            .msg
            .starts_with("Exceeds the limit (4300 digits)")
    );
    assert_eq!(parse_float(" 1_0.5e1_0 ").unwrap(), 10.5e10);
    assert_eq!(parse_float("-Infinity").unwrap(), f64::NEG_INFINITY);
    assert_eq!(parse_float("1e500").unwrap(), f64::INFINITY);
    assert!(parse_float("nan").unwrap().is_nan());
    let e = parse_float("1_").unwrap_err();
    assert_eq!(
        e,
        FmtError {
            kind: ErrorKind::ValueError,
            msg: "could not convert string to float: '1_'".into()
        }
    );
}

#[test]
fn parse_int_matches_cpython() {
    let mut rng = fmt_common::rng(0x5151_5151_0000_0001);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(20000) {
        let s = number_text(&mut rng, INT_ALPHABET);
        let base = *rng.pick(&[0u32, 0, 10, 10, 2, 8, 16, 36, 7, 1, 37]);
        let ours = parse_int(&s, base).map(|n| n.to_string());
        cases.push((format!("int\t{}\t{base}", hex(&s)), encode(ours)));
    }
    check_against_python(&cases);
}

#[test]
fn parse_float_matches_cpython() {
    let mut rng = fmt_common::rng(0x5151_5151_0000_0002);
    let mut cases = Vec::new();
    for i in 0..fmt_common::cases(20000) {
        let s = if i % 4 == 0 {
            // Long digit strings: correct rounding near halfway points.
            let x = rng.float();
            format!("{:.*e}", rng.below(25) as usize, x)
        } else {
            number_text(&mut rng, FLOAT_ALPHABET)
        };
        let ours = parse_float(&s).map(bits_result);
        cases.push((format!("float\t{}", hex(&s)), encode(ours)));
    }
    check_against_python(&cases);
}

fn random_text(rng: &mut Rng) -> String {
    let len = rng.below(8);
    let mut s = String::new();
    for _ in 0..len {
        let c = match rng.below(8) {
            0 => *rng.pick(&['\'', '"', '\\', '\n', '\t', '\r', '\0', '\x7f', ' ']),
            1 => char::from_u32(rng.below(0x20) as u32).unwrap(),
            2 => char::from_u32(0x80 + rng.below(0x80) as u32).unwrap(),
            3 => char::from_u32(0x100 + rng.below(0x3000) as u32).unwrap(),
            4 => char::from_u32(0xE000 + rng.below(0x2000) as u32).unwrap(),
            5 => char::from_u32(0x10000 + rng.below(0x100000) as u32).unwrap_or('x'),
            _ => char::from_u32(0x20 + rng.below(0x5F) as u32).unwrap(),
        };
        s.push(c);
    }
    s
}

#[test]
fn repr_and_ascii_match_cpython() {
    assert_eq!(repr_str("it's"), "\"it's\"");
    assert_eq!(repr_str("a'\"b"), "'a\\'\"b'");
    assert_eq!(repr_str("é\u{85}\t"), "'é\\x85\\t'");
    assert_eq!(ascii_str("é日\u{1F600}"), "'\\xe9\\u65e5\\U0001f600'");
    let mut rng = fmt_common::rng(0x7777_0000_1111_2222);
    let mut cases = Vec::new();
    for _ in 0..fmt_common::cases(20000) {
        let s = random_text(&mut rng);
        cases.push((format!("srepr\t{}", hex(&s)), encode(Ok(repr_str(&s)))));
        cases.push((format!("ascii\t{}", hex(&s)), encode(Ok(ascii_str(&s)))));
    }
    check_against_python(&cases);
}

/// What the VM does with the pieces, for a single argument (or a `*` count then it).
enum Arg<'a> {
    Int(&'a BigInt),
    Float(f64),
    Str(&'a str),
}

fn run_percent(fmt: &str, args: &[Arg<'_>]) -> Result<String, FmtError> {
    let mut out = String::new();
    let mut next = 0;
    let take = |next: &mut usize| -> Result<&Arg<'_>, FmtError> {
        *next += 1;
        args.get(*next - 1).ok_or(FmtError {
            kind: ErrorKind::TypeError,
            msg: "not enough arguments for format string".into(),
        })
    };
    for piece in percent::parse(fmt) {
        match piece {
            Piece::Literal(s) => out.push_str(&s),
            Piece::Error(e) => return Err(e),
            Piece::Spec(mut spec) => {
                if spec.width == Count::Star {
                    let Arg::Int(w) = take(&mut next)? else {
                        unreachable!()
                    };
                    spec.set_star_width(i64::try_from(*w).unwrap());
                }
                if spec.precision == Count::Star {
                    let Arg::Int(p) = take(&mut next)? else {
                        unreachable!()
                    };
                    spec.set_star_precision(i64::try_from(*p).unwrap())?;
                }
                let arg = take(&mut next)?;
                let s = match (spec.conversion, arg) {
                    ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::Int(n)) => {
                        percent::format_int(&spec, n)?
                    }
                    ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Float(x)) => {
                        percent::format_float(&spec, *x)
                    }
                    ('s', Arg::Str(s)) => percent::format_text(&spec, s),
                    ('r', Arg::Str(s)) => percent::format_text(&spec, &repr_str(s)),
                    ('a', Arg::Str(s)) => percent::format_text(&spec, &ascii_str(s)),
                    ('c', Arg::Str(s)) => percent::format_char(&spec, s.chars().next().unwrap()),
                    _ => return Err(percent::unsupported(&spec)),
                };
                out.push_str(&s);
            }
        }
    }
    if next < args.len() {
        return Err(FmtError {
            kind: ErrorKind::TypeError,
            msg: "not all arguments converted during string formatting".into(),
        });
    }
    Ok(out)
}

fn percent_spec(rng: &mut Rng, conversions: &str) -> (String, bool, bool) {
    let mut s = String::from("%");
    for _ in 0..rng.below(4) {
        s.push(*rng.pick(&['-', '+', ' ', '#', '0']));
    }
    let mut star_w = false;
    let mut star_p = false;
    match rng.below(4) {
        0 => s.push_str(&rng.below(20).to_string()),
        1 => {
            s.push('*');
            star_w = true;
        }
        _ => {}
    }
    if rng.chance(50) {
        s.push('.');
        match rng.below(5) {
            0 => {
                s.push('*');
                star_p = true;
            }
            1 => {}
            _ => s.push_str(&rng.below(20).to_string()),
        }
    }
    if rng.chance(5) {
        s.push('l');
    }
    let convs: Vec<char> = conversions.chars().collect();
    s.push(*rng.pick(&convs));
    (s, star_w, star_p)
}

#[test]
fn percent_parse_pieces() {
    let pieces = percent::parse("a%(k(x))-5sb%%");
    assert_eq!(pieces.len(), 3);
    let Piece::Spec(spec) = &pieces[1] else {
        panic!("{pieces:?}")
    };
    assert_eq!(spec.key.as_deref(), Some("k(x)"));
    assert!(spec.flags.ljust);
    assert_eq!(spec.width, Count::Fixed(5));
    assert_eq!(pieces[2], Piece::Literal("b%".into()));
    let pieces = percent::parse("x%(a");
    assert_eq!(
        pieces.last(),
        Some(&Piece::Error(FmtError {
            kind: ErrorKind::ValueError,
            msg: "incomplete format key".into()
        }))
    );
}

#[test]
fn percent_argument_errors() {
    let spec = |c: char| {
        let Piece::Spec(s) = percent::parse(&format!("%{c}")).remove(0) else {
            panic!()
        };
        s
    };
    assert_eq!(
        percent::wrong_type(&spec('x'), "float").msg,
        "%x format: an integer is required, not float"
    );
    assert_eq!(
        percent::wrong_type(&spec('d'), "str").msg,
        "%d format: a real number is required, not str"
    );
    assert_eq!(
        percent::wrong_type(&spec('f'), "str").msg,
        "must be real number, not str"
    );
    assert_eq!(
        percent::wrong_type(&spec('c'), "float").kind,
        ErrorKind::TypeError
    );
    assert_eq!(percent::char_arg(&BigInt::from(65)).unwrap(), 'A');
    let big: BigInt = "1000000000000000000000000000000".parse().unwrap();
    for bad in [BigInt::from(-1), BigInt::from(0x110000), big] {
        let e = percent::char_arg(&bad).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ErrorKind::OverflowError, "%c arg not in range(0x110000)")
        );
    }
}

#[test]
fn percent_matches_cpython() {
    let mut rng = fmt_common::rng(0xABCD_EF01_2345_6789);
    let mut cases = Vec::new();
    let words = ["", "a", "héllo", "it's", "日本"];
    for i in 0..fmt_common::cases(15000) {
        let kind = i % 3;
        let convs = ["diuoxX", "eEfFgG", "srac"][kind];
        let (spec, star_w, star_p) = percent_spec(&mut rng, convs);
        let fmt = format!("<{spec}>");
        let int_text = rng.int_text();
        let n: BigInt = int_text.parse().unwrap();
        let x = rng.float();
        let w = rng.below(30) as i64 - 10;
        let p = rng.below(30) as i64 - 5;
        let (wb, pb) = (BigInt::from(w), BigInt::from(p));
        let word = if convs == "srac" && spec.ends_with('c') {
            "é"
        } else {
            *rng.pick(&words)
        };
        let mut args = Vec::new();
        let mut py_args = Vec::new();
        if star_w {
            args.push(Arg::Int(&wb));
            py_args.push(w.to_string());
        }
        if star_p {
            args.push(Arg::Int(&pb));
            py_args.push(p.to_string());
        }
        match kind {
            0 => {
                args.push(Arg::Int(&n));
                py_args.push(int_text.clone());
            }
            1 => {
                args.push(Arg::Float(x));
                py_args.push(format!(
                    "struct.unpack('>d', bytes.fromhex('{}'))[0]",
                    fbits(x)
                ));
            }
            _ => {
                args.push(Arg::Str(word));
                py_args.push(format!("bytes.fromhex('{}').decode()", hex(word)));
            }
        }
        let py = format!("({},)", py_args.join(", "));
        cases.push((
            format!("pany\t{}\t{}", hex(&fmt), hex(&py)),
            encode(run_percent(&fmt, &args)),
        ));
    }
    for fmt in [
        "%", "abc%", "%5", "%.", "%-", "%q", "%5%", "%%", "a%%b", "%é", "%ld",
    ] {
        let n = BigInt::from(5);
        cases.push((
            format!("pany\t{}\t{}", hex(fmt), hex("(5,)")),
            encode(run_percent(fmt, &[Arg::Int(&n)])),
        ));
    }
    check_against_python(&cases);
}
