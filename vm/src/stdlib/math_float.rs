//! CPython 3.11's `math` module: the float functions.
//!
//! Arguments are the `f64`s CPython's `PyFloat_AsDouble` would produce (the VM converts
//! ints with [`super::math_int::int_to_f64`]); results follow CPython's error rules:
//! a NaN from non-NaN arguments is `ValueError("math domain error")`, an infinity from
//! finite arguments is `OverflowError("math range error")` (or a domain error at a
//! singularity). Functions that CPython computes with the C library call the same libm
//! through Rust's `f64` methods; see [`super::math_special`] for the rest.

use super::error::{PyErr, Res};
use super::math_special::{self as special, Errno};

pub const PI: f64 = std::f64::consts::PI;
pub const E: f64 = std::f64::consts::E;
pub const TAU: f64 = std::f64::consts::TAU;
pub const INF: f64 = f64::INFINITY;
pub const NAN: f64 = f64::NAN;

/// CPython's `is_error` after a libm call that set `errno`.
fn check_errno(r: f64, errno: Errno) -> Res<f64> {
    match errno {
        Errno::None => Ok(r),
        Errno::Dom => Err(PyErr::domain()),
        // Underflows (results near zero, or expm1 near -1) are not errors.
        Errno::Range if r.abs() < 1.5 => Ok(r),
        Errno::Range => Err(PyErr::range()),
    }
}

/// CPython's `math_1`: apply `f`, judging errors by the special values it returns.
fn math_1(x: f64, f: impl Fn(f64) -> f64, can_overflow: bool) -> Res<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(PyErr::domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            PyErr::range()
        } else {
            PyErr::domain()
        });
    }
    Ok(r)
}

/// CPython's `math_2`.
fn math_2(x: f64, y: f64, f: impl Fn(f64, f64) -> f64) -> Res<f64> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(PyErr::domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return check_errno(r, Errno::Range);
    }
    Ok(r)
}

macro_rules! libm_1 {
    ($($(#[$doc:meta])* $name:ident => $f:expr, $overflow:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(x: f64) -> Res<f64> {
                math_1(x, $f, $overflow)
            }
        )*
    };
}

libm_1! {
    acos => f64::acos, false;
    acosh => special::acosh, false;
    asin => f64::asin, false;
    asinh => special::asinh, false;
    atan => f64::atan, false;
    atanh => special::atanh, false;
    cbrt => special::cbrt, false;
    cos => f64::cos, false;
    cosh => f64::cosh, true;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    fabs => f64::abs, false;
    sin => f64::sin, false;
    sinh => f64::sinh, true;
    sqrt => f64::sqrt, false;
    tan => f64::tan, false;
    tanh => f64::tanh, false;
    /// `log1p`, keeping the sign of a zero argument.
    log1p => |x: f64| if x == 0.0 { x } else { x.ln_1p() }, false;
}

pub fn erf(x: f64) -> Res<f64> {
    Ok(special::erf(x))
}
pub fn erfc(x: f64) -> Res<f64> {
    let (r, e) = special::erfc(x);
    check_errno(r, e)
}
pub fn gamma(x: f64) -> Res<f64> {
    let (r, e) = special::tgamma(x);
    check_errno(r, e)
}
pub fn lgamma(x: f64) -> Res<f64> {
    let (r, e) = special::lgamma(x);
    check_errno(r, e)
}

/// `atan2(y, x)` with C99's special values handled before libm.
pub fn atan2(y: f64, x: f64) -> Res<f64> {
    math_2(y, x, |y, x| {
        if x.is_nan() || y.is_nan() {
            return f64::NAN;
        }
        if y.is_infinite() {
            if x.is_infinite() {
                let q = if x.is_sign_positive() { 0.25 } else { 0.75 };
                return (q * PI).copysign(y);
            }
            return (0.5 * PI).copysign(y);
        }
        if x.is_infinite() || y == 0.0 {
            return if x.is_sign_positive() {
                0.0f64.copysign(y)
            } else {
                PI.copysign(y)
            };
        }
        y.atan2(x)
    })
}

pub fn copysign(x: f64, y: f64) -> Res<f64> {
    math_2(x, y, f64::copysign)
}

/// IEEE 754 `remainder`: x - n*y for the nearest integer n, ties to even. Exact.
pub fn remainder(x: f64, y: f64) -> Res<f64> {
    math_2(x, y, |x, y| {
        if x.is_finite() && y.is_finite() {
            if y == 0.0 {
                return f64::NAN;
            }
            let (absx, absy) = (x.abs(), y.abs());
            let m = absx % absy;
            // Compare m with absy - m rather than 0.5 * absy, which may be inexact.
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                // Halfway: pick the even multiple.
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            return 1.0f64.copysign(x) * r;
        }
        if x.is_nan() {
            return x;
        }
        if y.is_nan() {
            return y;
        }
        if x.is_infinite() {
            return f64::NAN;
        }
        x
    })
}

/// `fmod(x, y)`: C's fmod, but fmod(finite, inf) is x.
pub fn fmod(x: f64, y: f64) -> Res<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(PyErr::domain());
    }
    Ok(r)
}

/// `math.pow(x, y)`: C99 special values, ValueError for (-x)**fraction and 0**-y,
/// OverflowError for overflow.
pub fn pow(x: f64, y: f64) -> Res<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(PyErr::domain());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            PyErr::domain()
        } else {
            PyErr::range()
        });
    }
    Ok(r)
}

/// `math.log` of a float (the int case is in [`super::math_int`]).
pub fn m_log(x: f64) -> (f64, Errno) {
    if x.is_finite() {
        if x > 0.0 {
            return (x.ln(), Errno::None);
        }
        return (
            if x == 0.0 {
                f64::NEG_INFINITY
            } else {
                f64::NAN
            },
            Errno::Dom,
        );
    }
    if x.is_nan() || x > 0.0 {
        return (x, Errno::None);
    }
    (f64::NAN, Errno::Dom)
}

pub fn m_log2(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::None);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x > 0.0 {
        return (x.log2(), Errno::None);
    }
    (
        if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        },
        Errno::Dom,
    )
}

pub fn m_log10(x: f64) -> (f64, Errno) {
    if x.is_finite() {
        if x > 0.0 {
            return (x.log10(), Errno::None);
        }
        return (
            if x == 0.0 {
                f64::NEG_INFINITY
            } else {
                f64::NAN
            },
            Errno::Dom,
        );
    }
    if x.is_nan() || x > 0.0 {
        return (x, Errno::None);
    }
    (f64::NAN, Errno::Dom)
}

/// Which logarithm `loghelper` computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Ln,
    Log2,
    Log10,
}

impl LogKind {
    pub(crate) fn raw(self, x: f64) -> (f64, Errno) {
        match self {
            LogKind::Ln => m_log(x),
            LogKind::Log2 => m_log2(x),
            LogKind::Log10 => m_log10(x),
        }
    }
}

/// `loghelper` for a float argument: math_1 semantics.
pub fn log_float(x: f64, kind: LogKind) -> Res<f64> {
    math_1(x, |x| kind.raw(x).0, false)
}

/// `math.log(x, base)` once both logs are computed: Python float division.
pub fn log_ratio(num: f64, den: f64) -> Res<f64> {
    if den == 0.0 {
        return Err(PyErr::zero_div("float division by zero"));
    }
    Ok(num / den)
}

pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `frexp(x)`: (m, e) with 0.5 <= |m| < 1, and (x, 0) for zeros, infinities and NaNs.
pub fn frexp(x: f64) -> (f64, i32) {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022)
}

/// C's `ldexp`/`scalbn`: x * 2**n, correctly rounded once.
pub fn scalbn(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-100_000, 100_000) as i32;
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    let pm969 = f64::from_bits(0x0360_0000_0000_0000); // 2**-1022 * 2**53
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            if n > 1023 {
                n = 1023;
            }
        }
    } else if n < -1022 {
        // Scale down in steps that keep y normal, so only the last step rounds.
        y *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            y *= pm969;
            n += 1022 - 53;
            if n < -1022 {
                n = -1022;
            }
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// `ldexp(x, i)` where `i` is the exponent clamped to i64 (CPython clamps to C long).
pub fn ldexp(x: f64, i: i64) -> Res<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    if i > i64::from(i32::MAX) {
        return Err(PyErr::range());
    }
    if i < i64::from(i32::MIN) {
        return Ok(0.0f64.copysign(x));
    }
    let r = scalbn(x, i);
    if r.is_infinite() {
        return Err(PyErr::range());
    }
    Ok(r)
}

/// `modf(x)`: (fractional part, integer part), both with the sign of x.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int = x.trunc();
    ((x - int).copysign(x), int)
}

/// C's `nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away_from_zero = (y > x) == (x > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

/// `ulp(x)`: the value of the least significant bit of x.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    x2 - x
}

/// `isclose(a, b, rel_tol=, abs_tol=)`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> Res<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// `fsum`'s running state: Shewchuk's exact partial sums, as CPython's `math_fsum`.
/// Feed every item with [`Fsum::add`] (stopping at the first error), then [`Fsum::finish`].
#[derive(Debug, Clone, Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, item: f64) -> Res<()> {
        let mut x = item;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite x comes from an inf/nan item or from overflow.
                if item.is_finite() {
                    return Err(PyErr::overflow("intermediate overflow in fsum"));
                }
                if item.is_infinite() {
                    self.inf_sum += item;
                }
                self.special_sum += item;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Res<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(PyErr::value("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        let mut hi = 0.0;
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0;
            // Sum from the top, stopping when the sum becomes inexact.
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            // Half-even rounding across partials: if the next partial has the same sign
            // as lo, the true sum is past the halfway point.
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

/// `fsum` over plain floats.
pub fn fsum(items: impl IntoIterator<Item = f64>) -> Res<f64> {
    let mut acc = Fsum::new();
    for x in items {
        acc.add(x)?;
    }
    acc.finish()
}

/// CPython's `vector_norm`: sqrt(sum(x*x)) for |x| values with `max` their maximum,
/// almost always correctly rounded.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134_217_729.0; // 2**27 + 1, for Veltkamp-Dekker splitting
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = scalbn(1.0, -i64::from(max_e));
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;

            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;

            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;

            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();

        // Differential correction of the square root.
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;

        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;

        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;

        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;

        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // max is subnormal-tiny: 2**-max_e would overflow, so divide by max instead.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// `hypot(*coordinates)`.
pub fn hypot(coords: &[f64]) -> f64 {
    let abs: Vec<f64> = coords.iter().map(|x| x.abs()).collect();
    let found_nan = abs.iter().any(|x| x.is_nan());
    let max = abs.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    vector_norm(&abs, max, found_nan)
}

/// `dist(p, q)`.
pub fn dist(p: &[f64], q: &[f64]) -> Res<f64> {
    if p.len() != q.len() {
        return Err(PyErr::value(
            "both points must have the same number of dimensions",
        ));
    }
    let diffs: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    let found_nan = diffs.iter().any(|x| x.is_nan());
    let max = diffs.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    Ok(vector_norm(&diffs, max, found_nan))
}
