//! Numeric helpers with CPython semantics: int -> float conversion, hashing, `round()`,
//! `hex/oct/bin`, `float.as_integer_ratio`, `float.hex` and `float.fromhex`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

use super::{FmtError, FmtResult};

/// 2**61 - 1, the prime CPython reduces numeric hashes by (`_PyHASH_MODULUS`).
const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;
/// `hash(float('inf'))`.
const HASH_INF: i64 = 314_159;

/// `2.0**k` for `k` in the normal range, built from its bit pattern (exact).
fn pow2(k: i32) -> f64 {
    debug_assert!((-1022..=1023).contains(&k));
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `m * 2**e` for an `m` that is exact in f64, correct when the result is representable
/// (multiplying by powers of two only loses bits when the result is subnormal).
fn ldexp(mut m: f64, mut e: i64) -> f64 {
    while e > 1023 {
        m *= pow2(1023);
        e -= 1023;
        if m.is_infinite() {
            return m;
        }
    }
    while e < -1022 {
        m *= pow2(-1022);
        e += 1022;
        if m == 0.0 {
            return m;
        }
    }
    m * pow2(e as i32)
}

/// `float(n)`: correctly rounded (ties to even), `OverflowError` when out of range.
pub fn bigint_to_f64(n: &BigInt) -> FmtResult<f64> {
    let mag = n.magnitude();
    let r = round_to_f64(mag, 0)
        .ok_or_else(|| FmtError::overflow("int too large to convert to float"))?;
    Ok(if n.sign() == Sign::Minus { -r } else { r })
}

/// `mag * 2**exp2` rounded to the nearest f64 (ties to even, subnormals included);
/// `None` when the result overflows.
fn round_to_f64(mag: &BigUint, exp2: i64) -> Option<f64> {
    if mag.is_zero() {
        return Some(0.0);
    }
    let bits = mag.bits() as i64;
    let top = bits - 1 + exp2; // value in [2**top, 2**(top+1))
    if top > 1023 {
        return None;
    }
    if top < -1076 {
        // Below half the smallest subnormal.
        return Some(0.0);
    }
    // Exponent of the last kept bit: 53 significant bits, fewer for subnormals.
    let lsb = (top - 52).max(-1074);
    let shift = lsb - exp2;
    let q: u64 = if shift <= 0 {
        (mag << (-shift) as u64).to_u64()?
    } else {
        let shift = shift as u64;
        let q = mag >> shift;
        let rem = mag - (&q << shift);
        let half = BigUint::one() << (shift - 1);
        let mut q = q.to_u64()?;
        if rem > half || (rem == half && q & 1 == 1) {
            q += 1;
        }
        q
    };
    let r = ldexp(q as f64, lsb);
    if r.is_infinite() { None } else { Some(r) }
}

fn finish_hash(x: u64, negative: bool) -> i64 {
    let h = if negative { -(x as i64) } else { x as i64 };
    if h == -1 { -2 } else { h }
}

/// `hash(n)` for an int.
pub fn hash_int(n: i64) -> i64 {
    finish_hash(n.unsigned_abs() % HASH_MODULUS, n < 0)
}

/// `hash(n)` for an int of any size; equals [`hash_int`] where both apply.
pub fn hash_bigint(n: &BigInt) -> i64 {
    let r = (n.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
    finish_hash(r, n.sign() == Sign::Minus)
}

/// `hash(x)` for a float: equal to the hash of an equal int or fraction. A NaN hashes by
/// identity, so the caller passes the object's id (CPython's `_Py_HashPointer`).
pub fn hash_float(x: f64, id: usize) -> i64 {
    if x.is_nan() {
        let y = id.rotate_right(4) as i64;
        return if y == -1 { -2 } else { y };
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    let (mant, exp2) = decompose(x.abs());
    // 2**61 == 1 (mod P), so 2**e reduces to 2**(e mod 61).
    let e = exp2.rem_euclid(HASH_BITS as i64) as u32;
    let m = mant % HASH_MODULUS;
    let r = ((m as u128) << e) % HASH_MODULUS as u128;
    finish_hash(r as u64, x < 0.0)
}

/// `|x| == mant * 2**exp2` exactly, for finite x.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let frac = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7FF) as i64;
    if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    }
}

/// `round(x, ndigits)` for a float: correctly rounded to `ndigits` decimal places (ties
/// to even on the exact binary value), then to the nearest float.
pub fn round_float(x: f64, ndigits: i64) -> FmtResult<f64> {
    // Beyond these, x rounds to itself or to zero. CPython computes them as
    // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103 and -(DBL_MAX_EXP + 1) * 0.30103.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
    } else {
        let k = (-ndigits) as usize;
        // Integer part exactly; the fraction only matters to break a tie.
        let int_digits = format!("{:.0}", x.abs().trunc());
        let padded = format!("{int_digits:0>width$}", width = k + 1);
        let (kept, low) = padded.split_at(padded.len() - k);
        let (first, rest) = low.split_at(1);
        let rest_zero = rest.bytes().all(|c| c == b'0') && x.fract() == 0.0;
        let last_odd = (kept.as_bytes()[kept.len() - 1] - b'0') % 2 == 1;
        let up = first > "5" || (first == "5" && (!rest_zero || last_odd));
        let kept = if up {
            increment_decimal(kept)
        } else {
            kept.to_owned()
        };
        format!(
            "{}{}e{}",
            if x.is_sign_negative() { "-" } else { "" },
            kept,
            k
        )
    };
    let r: f64 = text
        .parse()
        .map_err(|_| FmtError::value("invalid rounded value"))?;
    if r.is_infinite() {
        return Err(FmtError::overflow("rounded value too large to represent"));
    }
    Ok(r)
}

fn increment_decimal(s: &str) -> String {
    let mut d: Vec<u8> = s.bytes().collect();
    let mut i = d.len();
    loop {
        if i == 0 {
            d.insert(0, b'1');
            break;
        }
        i -= 1;
        if d[i] == b'9' {
            d[i] = b'0';
        } else {
            d[i] += 1;
            break;
        }
    }
    String::from_utf8(d).expect("digits are ASCII")
}

/// `round(x)` with no ndigits: the nearest int, ties to even.
pub fn round_float_to_int(x: f64) -> FmtResult<BigInt> {
    float_to_bigint(x.round_ties_even())
}

/// `int(x)` for an integral float value.
fn float_to_bigint(x: f64) -> FmtResult<BigInt> {
    if x.is_nan() {
        return Err(FmtError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FmtError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let (mant, exp2) = decompose(x.abs());
    let mag = if exp2 >= 0 {
        BigInt::from(mant) << exp2 as u64
    } else {
        BigInt::from(mant >> (-exp2).min(63))
    };
    Ok(if x < 0.0 { -mag } else { mag })
}

/// `round(n, ndigits)` for an int: ndigits >= 0 leaves it alone; otherwise the nearest
/// multiple of 10**-ndigits, ties to even.
pub fn round_bigint(n: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return n.clone();
    }
    let k = ndigits.unsigned_abs();
    // 10**k > 2 * |n| rounds to 0 (10**k >= 2**k, so k > bits + 1 is enough).
    if k > n.bits() + 1 {
        return BigInt::zero();
    }
    let pow = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = n.div_mod_floor(&pow);
    let twice: BigInt = &r * 2;
    let q = if twice > pow || (twice == pow && q.is_odd()) {
        q + 1
    } else {
        q
    };
    q * pow
}

/// `str(n)` for an int, refusing (as CPython 3.11 does by default) to write more than
/// [`super::INT_MAX_STR_DIGITS`] decimal digits.
pub fn int_to_decimal(n: &BigInt) -> FmtResult<String> {
    let s = n.to_string();
    let digits = s.len() - (n.sign() == Sign::Minus) as usize;
    if digits > super::INT_MAX_STR_DIGITS {
        return Err(FmtError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit",
            super::INT_MAX_STR_DIGITS
        )));
    }
    Ok(s)
}

/// `hex(n)`, `oct(n)`, `bin(n)` for `base` 16, 8, 2 (any other base gives decimal).
pub fn int_to_base(n: &BigInt, base: u32) -> String {
    let prefix = match base {
        16 => "0x",
        8 => "0o",
        2 => "0b",
        _ => "",
    };
    let base = if prefix.is_empty() { 10 } else { base };
    let sign = if n.sign() == Sign::Minus { "-" } else { "" };
    format!("{sign}{prefix}{}", n.magnitude().to_str_radix(base))
}

/// `x.as_integer_ratio()`: the exact fraction in lowest terms, positive denominator.
pub fn float_as_integer_ratio(x: f64) -> FmtResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(FmtError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(FmtError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (mut mant, mut exp2) = decompose(x.abs());
    if mant == 0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    while exp2 < 0 && mant & 1 == 0 {
        mant >>= 1;
        exp2 += 1;
    }
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    if exp2 >= 0 {
        num <<= exp2 as u64;
    } else {
        den <<= (-exp2) as u64;
    }
    Ok((if x < 0.0 { -num } else { num }, den))
}

/// `x.hex()`: `[-]0x1.hhhhhhhhhhhhhp±e`, subnormals as `0x0.…p-1022`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return super::dtoa::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let frac = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.unsigned_abs())
}

/// `float.fromhex(s)`: `[ws][sign](inf|infinity|nan|[0x]h*[.h*][p[sign]d+])[ws]`, rounded
/// to nearest (ties to even).
pub fn float_fromhex(s: &str) -> FmtResult<f64> {
    let invalid = || FmtError::value("invalid hexadecimal floating-point string");
    // fromhex strips ASCII whitespace only (CPython's Py_ISSPACE on the UTF-8 bytes).
    let t = s.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    let b = lower.as_bytes();
    let mut pos = if lower.starts_with("0x") { 2 } else { 0 };
    let mut mant = BigUint::zero();
    let mut ndigits = 0usize;
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    while pos < b.len() {
        let c = b[pos];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4u32) + d;
            ndigits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else {
            break;
        }
        pos += 1;
    }
    if ndigits == 0 {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if pos < b.len() && b[pos] == b'p' {
        pos += 1;
        let neg_exp = match b.get(pos) {
            Some(b'-') => {
                pos += 1;
                true
            }
            Some(b'+') => {
                pos += 1;
                false
            }
            _ => false,
        };
        let start = pos;
        while pos < b.len() && b[pos].is_ascii_digit() {
            // Saturate: a huge exponent means overflow or zero either way.
            exp = exp
                .saturating_mul(10)
                .saturating_add((b[pos] - b'0') as i64)
                .min(1 << 40);
            pos += 1;
        }
        if pos == start {
            return Err(invalid());
        }
        if neg_exp {
            exp = -exp;
        }
    }
    // CPython reports overflow before looking at what follows the number.
    let r = if mant.is_zero() {
        0.0
    } else {
        round_to_f64(&mant, exp - 4 * frac_digits).ok_or_else(|| {
            FmtError::overflow("hexadecimal value too large to represent as a float")
        })?
    };
    if pos != b.len() {
        return Err(invalid());
    }
    Ok(if negative { -r } else { r })
}
