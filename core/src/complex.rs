//! `complex` arithmetic as CPython's Objects/complexobject.c computes it (the same
//! division algorithm, integer powers by repeated squaring, the same errors), plus
//! parsing `complex("1+2j")` and hashing.

use crate::error::{PyResult, overflow_error, value_error, zero_division};
use crate::fmt;

/// A complex number (real, imaginary).
pub type Complex = (f64, f64);

pub fn add(a: Complex, b: Complex) -> Complex {
    (a.0 + b.0, a.1 + b.1)
}

pub fn sub(a: Complex, b: Complex) -> Complex {
    (a.0 - b.0, a.1 - b.1)
}

pub fn mul(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` (`_Py_c_quot`: scaled by the larger part of `b`).
pub fn div(a: Complex, b: Complex) -> PyResult<Complex> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(zero_division("complex division by zero"));
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // A part of `b` is NaN.
        Ok((f64::NAN, f64::NAN))
    }
}

fn pow_unsigned(x: Complex, n: u64) -> Complex {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

/// `a ** b`: repeated squaring for integral exponents up to 100 in size, else polar form.
pub fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            pow_unsigned(a, n as u64)
        } else {
            // CPython reports the division by zero as a power of zero.
            div((1.0, 0.0), pow_unsigned(a, n.unsigned_abs()))
                .map_err(|_| zero_division("0.0 to a negative or complex power"))?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero_division("0.0 to a negative or complex power"));
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if (r.0.is_infinite() || r.1.is_infinite()) && a.0.is_finite() && a.1.is_finite() {
        return Err(overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// `abs(z)`.
pub fn abs(z: Complex) -> PyResult<f64> {
    if z.0.is_infinite() || z.1.is_infinite() {
        return Ok(f64::INFINITY);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(r)
}

/// `hash(z)`: equal to the hash of an equal int or float.
pub fn hash(z: Complex, id: usize) -> i64 {
    let hr = fmt::hash_float(z.0, id) as u64;
    let hi = fmt::hash_float(z.1, id) as u64;
    let h = hr.wrapping_add(1_000_003u64.wrapping_mul(hi)) as i64;
    if h == -1 { -2 } else { h }
}

/// `complex(s)`: `a`, `bj`, `a±bj` (`j` alone meaning 1j), in optional parentheses and
/// surrounding whitespace.
pub fn parse(s: &str) -> PyResult<Complex> {
    let bad = || value_error("complex() arg is a malformed string");
    let mut t = s.trim_matches(fmt::is_space);
    if let Some(inner) = t.strip_prefix('(') {
        t = inner
            .strip_suffix(')')
            .ok_or_else(bad)?
            .trim_matches(fmt::is_space);
    }
    if t.is_empty() {
        return Err(bad());
    }
    let num = |p: &str| -> PyResult<f64> {
        if p.is_empty() || p.chars().any(fmt::is_space) {
            return Err(bad());
        }
        fmt::parse_float(p).map_err(|_| bad())
    };
    let imag = |p: &str| -> PyResult<f64> {
        match p {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => num(p),
        }
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Ok((num(t)?, 0.0));
    };
    // The sign that starts the imaginary part: the last + or - not at the start and not
    // right after an exponent marker.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    match split {
        Some(i) => Ok((num(&body[..i])?, imag(&body[i..])?)),
        None => Ok((0.0, imag(body)?)),
    }
}
