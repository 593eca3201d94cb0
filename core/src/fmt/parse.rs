//! `int(s, base)` and `float(s)`: CPython's accepted syntax (whitespace, signs, base
//! prefixes, single underscores between digits, decimal digits of any script) and its
//! error messages, which quote `repr(s)`.

use num_bigint::{BigInt, BigUint};

use super::strrepr::{decimal_value, is_space, repr_str};
use super::{FmtError, FmtResult};

/// CPython 3.11's default `sys.get_int_max_str_digits()`: decimal (non power-of-two base)
/// strings longer than this are refused, to bound quadratic conversion time.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// CPython's `Py_ISSPACE`: the ASCII whitespace its parsers skip.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII whitespace becomes ' ', decimal
/// digits of other scripts become ASCII digits, and the first other non-ASCII character
/// becomes '?' and ends the text (it can only fail to parse).
fn to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// The value of an ASCII digit or letter as a digit (letters are 10..=35).
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(s, base)`: `base` is 0 (infer from a `0x`/`0o`/`0b` prefix, else decimal with no
/// leading zeros) or 2..=36.
pub fn parse_int(s: &str, base: u32) -> FmtResult<BigInt> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(FmtError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        let r: String = repr_str(s).chars().take(200).collect();
        FmtError::value(format!("invalid literal for int() with base {base}: {r}"))
    };
    let text = to_ascii(s);
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut pos = 0;
    while is_ascii_space(at(pos)) {
        pos += 1;
    }
    let mut negative = false;
    match at(pos) {
        b'+' => pos += 1,
        b'-' => {
            negative = true;
            pos += 1;
        }
        _ => {}
    }
    let mut radix = base;
    let mut error_if_nonzero = false;
    if radix == 0 {
        radix = match (at(pos), at(pos + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                // Old C-style octal ("010") is invalid now, but "0", "00" are zero.
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(pos) == b'0' {
        let p = at(pos + 1).to_ascii_lowercase();
        if (radix == 16 && p == b'x') || (radix == 8 && p == b'o') || (radix == 2 && p == b'b') {
            pos += 2;
            // One underscore may follow the prefix.
            if at(pos) == b'_' {
                pos += 1;
            }
        }
    }
    if at(pos) == b'_' {
        return Err(invalid());
    }
    let mut digits = Vec::new();
    let mut prev = 0u8;
    while pos < text.len() && (digit_value(text[pos]) < radix || text[pos] == b'_') {
        let c = text[pos];
        if c == b'_' && prev == b'_' {
            return Err(invalid());
        }
        if c != b'_' {
            digits.push(c);
        }
        prev = c;
        pos += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(FmtError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    let mag = BigUint::parse_bytes(&digits, radix).ok_or_else(invalid)?;
    if error_if_nonzero && mag != BigUint::default() {
        return Err(invalid());
    }
    while is_ascii_space(at(pos)) {
        pos += 1;
    }
    if pos != text.len() {
        return Err(invalid());
    }
    let n = BigInt::from(mag);
    Ok(if negative { -n } else { n })
}

/// `float(s)`: decimal literals (no hex), `inf`/`infinity`/`nan` in any case, optional
/// sign, surrounding whitespace, underscores only between digits. Out-of-range values
/// become `inf` or `0.0`, as in CPython.
pub fn parse_float(s: &str) -> FmtResult<f64> {
    let invalid = || {
        FmtError::value(format!(
            "could not convert string to float: {}",
            repr_str(s)
        ))
    };
    let mut text = to_ascii(s);
    if text.contains(&b'_') {
        // Underscores are allowed only between two digits.
        let mut cleaned = Vec::with_capacity(text.len());
        let mut prev = 0u8;
        for &c in &text {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(invalid());
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(invalid());
                }
                cleaned.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(invalid());
        }
        text = cleaned;
    }
    let start = text
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(text.len());
    let end = text
        .iter()
        .rposition(|&b| !is_ascii_space(b))
        .map_or(start, |i| i + 1);
    let t = &text[start..end];
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let value = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => parse_decimal(body).ok_or_else(invalid)?,
    };
    Ok(if negative { -value } else { value })
}

/// Unsigned `digits[.digits][(e|E)[sign]digits]` with at least one mantissa digit,
/// correctly rounded.
fn parse_decimal(b: &[u8]) -> Option<f64> {
    let mut pos = 0;
    let count_digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int_len = count_digits(pos);
    pos += int_len;
    let mut frac_len = 0;
    if b.get(pos) == Some(&b'.') {
        pos += 1;
        frac_len = count_digits(pos);
        pos += frac_len;
    }
    if int_len + frac_len == 0 {
        return None;
    }
    if matches!(b.get(pos), Some(b'e' | b'E')) {
        let mut p = pos + 1;
        if matches!(b.get(p), Some(b'+' | b'-')) {
            p += 1;
        }
        let exp_len = count_digits(p);
        if exp_len == 0 {
            return None;
        }
        pos = p + exp_len;
    }
    if pos != b.len() {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}
