//! `int` arithmetic: `i64` fast paths that overflow into `BigInt`, with Python's floor
//! division/modulo semantics and CPython's error messages.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::{PyResult, overflow_error, value_error, zero_division};
use crate::fmt;
use crate::value::{Payload, Value};

/// Integer binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

/// The value of an int-like (`int`, `bool`, big int) as a BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `a // b` on i64 with Python's floor semantics; `None` on overflow (MIN // -1).
#[inline]
pub fn floordiv_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `a % b` on i64 with the sign of `b`.
#[inline]
pub fn mod_i64(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Small-int operation; `None` means "redo it with BigInt" (overflow), errors are raised.
#[inline]
pub fn small_op(op: IntOp, a: i64, b: i64) -> PyResult<Option<Value>> {
    Ok(match op {
        IntOp::Add => a.checked_add(b).map(Value::Int),
        IntOp::Sub => a.checked_sub(b).map(Value::Int),
        IntOp::Mul => a.checked_mul(b).map(Value::Int),
        IntOp::FloorDiv => {
            if b == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            floordiv_i64(a, b).map(Value::Int)
        }
        IntOp::Mod => {
            if b == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            Some(Value::Int(mod_i64(a, b)))
        }
        IntOp::Pow => {
            if b < 0 {
                return Ok(Some(Value::Float(float_pow_int(a, b)?)));
            }
            u32::try_from(b)
                .ok()
                .and_then(|e| a.checked_pow(e))
                .map(Value::Int)
        }
        IntOp::LShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            if b < 63 {
                let r = a.checked_shl(b as u32).filter(|r| r >> b == a);
                r.map(Value::Int)
            } else if a == 0 {
                Some(Value::Int(0))
            } else {
                None
            }
        }
        IntOp::RShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            Some(Value::Int(if b >= 64 {
                if a < 0 { -1 } else { 0 }
            } else {
                a >> b
            }))
        }
        IntOp::And => Some(Value::Int(a & b)),
        IntOp::Or => Some(Value::Int(a | b)),
        IntOp::Xor => Some(Value::Int(a ^ b)),
    })
}

fn float_pow_int(a: i64, b: i64) -> PyResult<f64> {
    if a == 0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    Ok((a as f64).powf(b as f64))
}

/// Any int operation; both operands int-like.
pub fn int_op(op: IntOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small(a), small(b))
        && let Some(v) = small_op(op, x, y)?
    {
        return Ok(v);
    }
    let (Some(x), Some(y)) = (to_bigint(a), to_bigint(b)) else {
        return Err(crate::error::type_error("int_op on non-int"));
    };
    big_op(op, &x, &y)
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// Max bits a shift or power result may reach before we refuse (CPython would try and
/// run out of memory; we raise instead of hanging).
const MAX_BITS: u64 = 1 << 32;

pub fn big_op(op: IntOp, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    Ok(Value::from_bigint(match op {
        IntOp::Add => a + b,
        IntOp::Sub => a - b,
        IntOp::Mul => a * b,
        IntOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            a.div_floor(b)
        }
        IntOp::Mod => {
            if b.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            a.mod_floor(b)
        }
        IntOp::Pow => {
            if b.is_negative() {
                let fa = fmt::bigint_to_f64(a)?;
                let fb = fmt::bigint_to_f64(b)?;
                if fa == 0.0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float(fa.powf(fb)));
            }
            let e = b
                .to_u32()
                .ok_or_else(|| overflow_error("exponent too large"))?;
            if a.bits().saturating_mul(e as u64) > MAX_BITS {
                return Err(overflow_error("exponent too large"));
            }
            num_traits::pow::Pow::pow(a, e)
        }
        IntOp::LShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = b
                .to_u64()
                .filter(|s| *s < MAX_BITS)
                .ok_or_else(|| overflow_error("too many digits in integer"))?;
            a << s
        }
        IntOp::RShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match b.to_u64() {
                Some(s) => a >> s,
                None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
            }
        }
        IntOp::And => a & b,
        IntOp::Or => a | b,
        IntOp::Xor => a ^ b,
    }))
}

/// `-x` for an int-like.
pub fn neg(v: &Value) -> Value {
    match v {
        Value::Int(i) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-BigInt::from(*i)),
        },
        Value::Bool(b) => Value::Int(-(*b as i64)),
        other => Value::from_bigint(-to_bigint(other).unwrap_or_default()),
    }
}

/// int to float for true division and mixed arithmetic.
pub fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => match to_bigint(other) {
            Some(b) => Ok(fmt::bigint_to_f64(&b)?),
            None => Err(crate::error::type_error("must be real number")),
        },
    }
}

/// `a / b` for int-likes: exact-ish via f64 when both fit, else via BigInt ratio.
pub fn true_div(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if *y == 0 {
            return Err(zero_division("division by zero"));
        }
        // Both exactly representable: one correctly rounded division.
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(Value::Float(*x as f64 / *y as f64));
        }
    }
    let (x, y) = (
        to_bigint(a).unwrap_or_default(),
        to_bigint(b).unwrap_or_default(),
    );
    if y.is_zero() {
        return Err(zero_division("division by zero"));
    }
    Ok(Value::Float(bigint_true_div(&x, &y)?))
}

/// `x / y` correctly rounded (half to even), as CPython's `long_true_divide`: converting
/// each operand to a float first would round twice (`mean([0.1, 0.2, 0.3])` needs this).
fn bigint_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    let negative = x.is_negative() != y.is_negative();
    let sign = if negative { -1.0 } else { 1.0 };
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return Ok(sign * 0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    if diff < -1080 {
        return Ok(sign * 0.0);
    }
    // Scale so the integer quotient has 55 or 56 bits: two guard bits past the 53 kept.
    let shift = 55 - diff;
    let (q, r) = if shift >= 0 {
        (a << shift as usize).div_rem(b)
    } else {
        a.div_rem(&(b << (-shift) as usize))
    };
    let qbits = q.bits() as i64;
    // The result lies in [2^e, 2^(e+1)); below 2^-1022 fewer bits are kept (subnormal).
    let e = qbits - 1 - shift;
    let prec = if e >= -1022 {
        53
    } else {
        (53 - (-1022 - e)).max(0)
    };
    let drop = (qbits - prec).max(0);
    let kept = &q >> drop as usize;
    let mut m = kept.to_u64().unwrap_or(0);
    if drop > 0 {
        let low = &q - (&kept << drop as usize);
        let half = num_bigint::BigUint::from(1u8) << (drop - 1) as usize;
        let round_up = match low.cmp(&half) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => !r.is_zero() || m & 1 == 1,
        };
        if round_up {
            m += 1;
        }
    }
    // m * 2^(drop - shift) is exactly representable: scale in exact steps.
    let mut v = m as f64;
    let mut k = drop - shift;
    while k > 1000 {
        v *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        v *= 2f64.powi(-1000);
        k += 1000;
    }
    v *= 2f64.powi(k as i32);
    if v.is_infinite() {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(sign * v)
}

/// Python's float floor-division and modulo.
pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(zero_division("float divmod()"));
    }
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    Ok((floordiv, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(v: &Value) -> String {
        match v {
            Value::Int(i) => i.to_string(),
            other => to_bigint(other)
                .map(|b| format!("big {b}"))
                .unwrap_or_else(|| "?".into()),
        }
    }

    #[test]
    fn overflow_goes_big_and_comes_back() {
        let big = int_op(IntOp::Add, &Value::Int(i64::MAX), &Value::Int(1)).unwrap();
        assert_eq!(show(&big), "big 9223372036854775808");
        let back = int_op(IntOp::Sub, &big, &Value::Int(1)).unwrap();
        assert!(matches!(back, Value::Int(i64::MAX)));
        let p = int_op(IntOp::Pow, &Value::Int(2), &Value::Int(100)).unwrap();
        assert_eq!(show(&p), "big 1267650600228229401496703205376");
        let m = int_op(IntOp::Mul, &Value::Int(i64::MIN), &Value::Int(-1)).unwrap();
        assert_eq!(show(&m), "big 9223372036854775808");
        let d = int_op(IntOp::FloorDiv, &Value::Int(i64::MIN), &Value::Int(-1)).unwrap();
        assert_eq!(show(&d), "big 9223372036854775808");
        let s = int_op(IntOp::LShift, &Value::Int(1), &Value::Int(70)).unwrap();
        assert_eq!(show(&s), "big 1180591620717411303424");
    }

    #[test]
    fn floor_semantics() {
        assert_eq!(floordiv_i64(-7, 2), Some(-4));
        assert_eq!(mod_i64(-7, 2), 1);
        assert_eq!(mod_i64(7, -2), -1);
        assert!(int_op(IntOp::Mod, &Value::Int(1), &Value::Int(0)).is_err());
        let (q, r) = float_divmod(-7.5, 2.0).unwrap();
        assert_eq!((q, r), (-4.0, 0.5));
    }

    #[test]
    fn negative_power_is_float() {
        assert!(
            matches!(int_op(IntOp::Pow, &Value::Int(2), &Value::Int(-1)).unwrap(), Value::Float(f) if f == 0.5)
        );
    }
}
