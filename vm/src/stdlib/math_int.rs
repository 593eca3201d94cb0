//! CPython 3.11's `math` module: the integer functions (exact, on `BigInt`) and the
//! int <-> float conversions CPython applies to arguments and results.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::error::{PyErr, Res};
use super::math_float::LogKind;

/// `_PyLong_Frexp` for a non-zero magnitude: (x, e) with 0.5 <= x < 1 and
/// |a| ~= x * 2**e, x rounded half-to-even to 53 bits.
pub fn frexp_biguint(a: &BigUint) -> (f64, u64) {
    debug_assert!(!a.is_zero());
    let nbits = a.bits();
    // Keep 54 bits (53 plus a rounding bit) and remember whether anything below is set.
    let (top, sticky) = if nbits > 54 {
        let shift = nbits - 54;
        let top = (a >> shift).to_u64().unwrap_or(0);
        let sticky = a.trailing_zeros().is_some_and(|tz| tz < shift);
        (top, sticky)
    } else {
        (a.to_u64().unwrap_or(0) << (54 - nbits), false)
    };
    let mut mant = top >> 1;
    if top & 1 == 1 && (sticky || mant & 1 == 1) {
        mant += 1;
    }
    let mut e = nbits;
    if mant == 1 << 53 {
        mant = 1 << 52;
        e += 1;
    }
    (mant as f64 / 9_007_199_254_740_992.0, e)
}

/// `PyLong_AsDouble`: the correctly rounded float, or CPython's OverflowError.
pub fn int_to_f64(a: &BigInt) -> Res<f64> {
    if let Some(small) = a.to_i64() {
        // i64 -> f64 rounds to nearest even, like CPython's conversion.
        return Ok(small as f64);
    }
    let (x, e) = frexp_biguint(a.magnitude());
    if e > 1024 {
        return Err(PyErr::overflow("int too large to convert to float"));
    }
    let v = super::math_float::scalbn(x, e as i64);
    Ok(if a.sign() == Sign::Minus { -v } else { v })
}

/// `loghelper` for an int argument: exact for ints too large for a float.
pub fn log_int(a: &BigInt, kind: LogKind) -> Res<f64> {
    if !a.is_positive() {
        return Err(PyErr::domain());
    }
    match int_to_f64(a) {
        Ok(x) => Ok(kind.raw(x).0),
        Err(_) => {
            let (x, e) = frexp_biguint(a.magnitude());
            Ok(kind.raw(x).0 + kind.raw(2.0).0 * e as f64)
        }
    }
}

/// `PyLong_FromDouble` for an integral float (the result of floor/ceil/trunc).
pub fn float_to_int(x: f64) -> Res<BigInt> {
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    if x.is_nan() {
        return Err(PyErr::value("cannot convert float NaN to integer"));
    }
    let x = x.trunc();
    if x.abs() < 9.223_372_036_854_776e18 {
        return Ok(BigInt::from(x as i64));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mag = BigInt::from(mant) << (exp as usize);
    Ok(if x < 0.0 { -mag } else { mag })
}

pub fn floor(x: f64) -> Res<BigInt> {
    float_to_int(x.floor())
}
pub fn ceil(x: f64) -> Res<BigInt> {
    float_to_int(x.ceil())
}
pub fn trunc(x: f64) -> Res<BigInt> {
    float_to_int(x.trunc())
}

/// `isqrt(n)`.
pub fn isqrt(n: &BigInt) -> Res<BigInt> {
    if n.is_negative() {
        return Err(PyErr::value("isqrt() argument must be nonnegative"));
    }
    Ok(BigInt::from(n.magnitude().sqrt()))
}

/// Product of the odd numbers in [start, stop), both odd, by balanced splitting so the
/// big multiplications are of similar sizes.
fn odd_product(start: u64, stop: u64) -> BigUint {
    let count = (stop - start) / 2;
    if count <= 8 {
        let mut acc = BigUint::one();
        let mut small: u64 = 1;
        let mut j = start;
        while j < stop {
            match small.checked_mul(j) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = j;
                }
            }
            j += 2;
        }
        return acc * small;
    }
    let mid = (start + count) | 1;
    odd_product(start, mid) * odd_product(mid, stop)
}

/// `factorial(n)` for `0 <= n` (as CPython: the odd part times a power of two).
pub fn factorial_u64(n: u64) -> BigUint {
    if n < 21 {
        return BigUint::from((1..=n).product::<u64>());
    }
    let mut inner = BigUint::one();
    let mut outer = BigUint::one();
    let mut upper = 3u64;
    let bitlen = 64 - n.leading_zeros() as i64;
    for i in (0..=bitlen - 2).rev() {
        let v = n >> i;
        if v <= 2 {
            continue;
        }
        let lower = upper;
        upper = (v + 1) | 1;
        inner *= odd_product(lower, upper);
        outer *= &inner;
    }
    outer << (n - u64::from(n.count_ones()))
}

/// `factorial(n)` with CPython's errors.
pub fn factorial(n: &BigInt) -> Res<BigInt> {
    if n.is_negative() {
        return Err(PyErr::value("factorial() not defined for negative values"));
    }
    let Some(small) = n.to_i64() else {
        return Err(PyErr::overflow(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    Ok(factorial_u64(small as u64).into())
}

/// n * (n-1) * ... * (n-k+1), by splitting.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    match k {
        0 => BigInt::one(),
        1 => n.clone(),
        _ => {
            let j = k / 2;
            falling_product(n, j) * falling_product(&(n - BigInt::from(j)), k - j)
        }
    }
}

fn check_non_negative(n: &BigInt, k: &BigInt) -> Res<()> {
    if n.is_negative() {
        return Err(PyErr::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `perm(n, k)`; `k = None` is `factorial(n)`.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> Res<BigInt> {
    let Some(k) = k else {
        return factorial(n);
    };
    check_non_negative(n, k)?;
    if n < k {
        return Ok(BigInt::zero());
    }
    let Some(ki) = k.to_i64() else {
        return Err(PyErr::overflow(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(falling_product(n, ki as u64))
}

/// `comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> Res<BigInt> {
    check_non_negative(n, k)?;
    let nk = n - k;
    if nk.is_negative() {
        return Ok(BigInt::zero());
    }
    let k = if nk < *k { &nk } else { k };
    let Some(ki) = k.to_i64() else {
        return Err(PyErr::overflow(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    let ki = ki as u64;
    Ok(falling_product(n, ki) / BigInt::from(factorial_u64(ki)))
}

/// `gcd(*integers)`.
pub fn gcd(args: &[BigInt]) -> BigInt {
    let mut acc = BigInt::zero();
    for a in args {
        if acc.is_one() {
            break;
        }
        acc = acc.gcd(a);
    }
    acc.abs()
}

/// `lcm(*integers)`.
pub fn lcm(args: &[BigInt]) -> BigInt {
    let Some((first, rest)) = args.split_first() else {
        return BigInt::one();
    };
    let mut acc = first.abs();
    for a in rest {
        if acc.is_zero() {
            break;
        }
        if a.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = (&acc / acc.gcd(a) * a).abs();
    }
    acc
}
