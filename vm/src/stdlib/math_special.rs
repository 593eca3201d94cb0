//! The special functions whose exact bits CPython 3.11 on Linux takes from places Rust's
//! standard library does not reach:
//!
//! * `gamma` and `lgamma`: CPython's own Lanczos implementations (mathmodule.c), which
//!   call the platform `exp`/`pow`/`log`/`sin`/`cos` (Rust's `f64` methods call the
//!   same libm functions, so the results agree bit for bit).
//! * `erf`, `erfc`, `asinh`, `acosh`, `atanh`: CPython calls glibc's, and Rust's own
//!   `asinh`/`acosh`/`atanh` use different formulas. These are the algorithms of glibc's
//!   `sysdeps/ieee754/dbl-64` (Sun's fdlibm, with glibc's evaluation order), again over
//!   the libm primitives `log`, `log1p`, `exp`, `sqrt`.
//!
//! Each returns the raw value plus the C `errno` the function would set, so the caller
//! can apply CPython's error rules ([`Errno`]).

// Coefficients keep the digits of their sources so they can be checked against them.
#![allow(clippy::excessive_precision)]

/// The `errno` value a libm-style function reports next to its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Errno {
    None,
    /// Domain error: CPython raises `ValueError("math domain error")`.
    Dom,
    /// Range error: CPython raises `OverflowError("math range error")` unless the result
    /// is below 1.5 in magnitude (an underflow).
    Range,
}

const PI: f64 = std::f64::consts::PI;
/// log(pi).
const LOGPI: f64 = 1.144_729_885_849_400_2;

const LANCZOS_N: usize = 13;
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator x*(x+1)*...*(x+LANCZOS_N-2) as polynomial coefficients.
const LANCZOS_DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// gamma(1) .. gamma(23), exact.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// sin(pi * x) for finite x, accurate near integers (used by the reflection formula).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // Not -sin(pi*(y-1.0)), which would give -0.0 for y == 1.0.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// The Lanczos sum L_g(x) for x > 0, as a rational function (in 1/x for large x).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// CPython's `m_tgamma`.
pub fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::None);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::None
            },
        );
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::None);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, used for a first-order correction.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::None
        },
    )
}

/// CPython's `m_lgamma`: log(abs(gamma(x))).
pub fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::None);
        }
        return (f64::INFINITY, Errno::None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::None);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::None
        },
    )
}

fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as i32
}

fn with_low_word_zero(x: f64) -> f64 {
    f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000)
}

const LN2: f64 = std::f64::consts::LN_2;

/// glibc's `asinh`.
pub fn asinh(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix < 0x3e30_0000 {
        // |x| < 2**-28: asinh(x) rounds to x.
        return x;
    }
    let w = if ix > 0x41b0_0000 {
        if ix >= 0x7ff0_0000 {
            return x + x;
        }
        x.abs().ln() + LN2
    } else {
        let xa = x.abs();
        if ix > 0x4000_0000 {
            (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
        } else {
            let t = xa * xa;
            (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
        }
    };
    w.copysign(x)
}

/// glibc's `acosh`.
pub fn acosh(x: f64) -> f64 {
    let bits = x.to_bits();
    let hx = (bits >> 32) as i32;
    let lx = bits as u32;
    if hx < 0x3ff0_0000 {
        // x < 1 (or negative, including -0.0 and negative NaNs' sign bit set).
        if x.is_nan() {
            return x + x;
        }
        return f64::NAN;
    }
    if hx >= 0x41b0_0000 {
        if hx >= 0x7ff0_0000 {
            return x + x;
        }
        return x.ln() + LN2;
    }
    if hx == 0x3ff0_0000 && lx == 0 {
        return 0.0;
    }
    if hx > 0x4000_0000 {
        let t = x * x;
        (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

/// glibc's `atanh`.
pub fn atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t;
    if xa < 0.5 {
        if xa < f64::from_bits(0x3e30_0000_0000_0000) {
            return x;
        }
        let t2 = xa + xa;
        t = 0.5 * (t2 + t2 * xa / (1.0 - xa)).ln_1p();
    } else if xa < 1.0 {
        t = 0.5 * ((xa + xa) / (1.0 - xa)).ln_1p();
    } else if xa > 1.0 {
        return f64::NAN;
    } else if x.is_nan() {
        return x + x;
    } else {
        return x / 0.0;
    }
    t.copysign(x)
}

// Coefficients of glibc's (fdlibm's) erf/erfc rational approximations.
const ERX: f64 = 8.450_629_115_104_675_292_97e-01;
const EFX: f64 = 1.283_791_670_955_125_863_16e-01;
const PP: [f64; 5] = [
    1.283_791_670_955_125_585_61e-01,
    -3.250_421_072_470_014_993_70e-01,
    -2.848_174_957_559_851_047_66e-02,
    -5.770_270_296_489_441_591_57e-03,
    -2.376_301_665_665_016_260_84e-05,
];
const QQ: [f64; 6] = [
    0.0,
    3.979_172_239_591_553_528_19e-01,
    6.502_224_998_876_729_444_85e-02,
    5.081_306_281_875_765_627_76e-03,
    1.324_947_380_043_216_445_26e-04,
    -3.960_228_278_775_368_123_20e-06,
];
const PA: [f64; 7] = [
    -2.362_118_560_752_659_440_77e-03,
    4.148_561_186_837_483_316_66e-01,
    -3.722_078_760_357_013_238_47e-01,
    3.183_466_199_011_617_536_74e-01,
    -1.108_946_942_823_966_774_76e-01,
    3.547_830_432_561_823_593_71e-02,
    -2.166_375_594_868_790_843_00e-03,
];
const QA: [f64; 7] = [
    0.0,
    1.064_208_804_008_442_282_86e-01,
    5.403_979_177_021_710_489_37e-01,
    7.182_865_441_419_626_628_68e-02,
    1.261_712_198_087_616_421_12e-01,
    1.363_708_391_202_905_073_62e-02,
    1.198_449_984_679_910_741_70e-02,
];
const RA: [f64; 8] = [
    -9.864_944_034_847_148_227_05e-03,
    -6.938_585_727_071_817_643_72e-01,
    -1.055_862_622_532_329_098_14e+01,
    -6.237_533_245_032_600_603_96e+01,
    -1.623_966_694_625_734_703_55e+02,
    -1.846_050_929_067_110_359_94e+02,
    -8.128_743_550_630_659_342_46e+01,
    -9.814_329_344_169_145_485_92e+00,
];
const SA: [f64; 9] = [
    0.0,
    1.965_127_166_743_925_712_92e+01,
    1.376_577_541_435_190_426_00e+02,
    4.345_658_774_752_292_288_21e+02,
    6.453_872_717_332_678_803_36e+02,
    4.290_081_400_275_678_333_86e+02,
    1.086_350_055_417_794_351_34e+02,
    6.570_249_770_319_281_701_35e+00,
    -6.042_441_521_485_809_874_38e-02,
];
const RB: [f64; 7] = [
    -9.864_942_924_700_099_285_97e-03,
    -7.992_832_376_805_230_065_74e-01,
    -1.775_795_491_775_475_198_89e+01,
    -1.606_363_848_558_219_160_62e+02,
    -6.375_664_433_683_896_277_22e+02,
    -1.025_095_131_611_077_249_54e+03,
    -4.835_191_916_086_513_970_19e+02,
];
const SB: [f64; 8] = [
    0.0,
    3.033_806_074_348_245_829_24e+01,
    3.257_925_129_965_739_188_26e+02,
    1.536_729_586_084_436_959_94e+03,
    3.199_858_219_508_595_539_08e+03,
    2.553_050_406_433_164_425_83e+03,
    4.745_285_412_069_553_672_15e+02,
    -2.244_095_244_658_581_833_62e+01,
];
const TINY: f64 = 1e-300;

/// R(x^2) for |x| < 0.84375: erf(x) = x + x*R.
fn erf_small_ratio(z: f64) -> f64 {
    let r1 = PP[0] + z * PP[1];
    let z2 = z * z;
    let r2 = PP[2] + z * PP[3];
    let z4 = z2 * z2;
    let s1 = 1.0 + z * QQ[1];
    let s2 = QQ[2] + z * QQ[3];
    let s3 = QQ[4] + z * QQ[5];
    let r = r1 + z2 * r2 + z4 * PP[4];
    let s = s1 + z2 * s2 + z4 * s3;
    r / s
}

/// P/Q for 0.84375 <= |x| < 1.25, with s = |x| - 1.
fn erf_mid_ratio(s: f64) -> f64 {
    let p1 = PA[0] + s * PA[1];
    let s2 = s * s;
    let q1 = 1.0 + s * QA[1];
    let s4 = s2 * s2;
    let p2 = PA[2] + s * PA[3];
    let s6 = s4 * s2;
    let q2 = QA[2] + s * QA[3];
    let p3 = PA[4] + s * PA[5];
    let q3 = QA[4] + s * QA[5];
    let p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
    let q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6];
    p / q
}

/// exp(-x*x - 0.5625 + R/S) for 1.25 <= x < 28, with the tail chosen by `ix`.
fn erfc_tail_exp(x: f64, ix: i32, cutoff: i32) -> f64 {
    let s = 1.0 / (x * x);
    let (r, ss);
    if ix < cutoff {
        let r1 = RA[0] + s * RA[1];
        let s2 = s * s;
        let s1 = 1.0 + s * SA[1];
        let s4 = s2 * s2;
        let r2 = RA[2] + s * RA[3];
        let s6 = s4 * s2;
        let sa2 = SA[2] + s * SA[3];
        let s8 = s4 * s4;
        let r3 = RA[4] + s * RA[5];
        let sa3 = SA[4] + s * SA[5];
        let r4 = RA[6] + s * RA[7];
        let sa4 = SA[6] + s * SA[7];
        r = r1 + s2 * r2 + s4 * r3 + s6 * r4;
        ss = s1 + s2 * sa2 + s4 * sa3 + s6 * sa4 + s8 * SA[8];
    } else {
        let r1 = RB[0] + s * RB[1];
        let s2 = s * s;
        let s1 = 1.0 + s * SB[1];
        let s4 = s2 * s2;
        let r2 = RB[2] + s * RB[3];
        let s6 = s4 * s2;
        let sb2 = SB[2] + s * SB[3];
        let r3 = RB[4] + s * RB[5];
        let sb3 = SB[4] + s * SB[5];
        let sb4 = SB[6] + s * SB[7];
        r = r1 + s2 * r2 + s4 * r3 + s6 * RB[6];
        ss = s1 + s2 * sb2 + s4 * sb3 + s6 * sb4;
    }
    let z = with_low_word_zero(x);
    (-z * z - 0.5625).exp() * ((z - x) * (z + x) + r / ss).exp()
}

/// glibc's `erf`.
pub fn erf(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        // erf(nan) = nan, erf(+-inf) = +-1.
        let i = ((hx as u32) >> 31) << 1;
        return (1 - i as i32) as f64 + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            if ix < 0x0080_0000 {
                // Scaled to avoid a spurious underflow.
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        return x + x * erf_small_ratio(x * x);
    }
    if ix < 0x3ff4_0000 {
        let pq = erf_mid_ratio(x.abs() - 1.0);
        return if hx >= 0 { ERX + pq } else { -ERX - pq };
    }
    if ix >= 0x4018_0000 {
        return if hx >= 0 { 1.0 - TINY } else { TINY - 1.0 };
    }
    let ax = x.abs();
    let r = erfc_tail_exp(ax, ix, 0x4006_DB6E);
    if hx >= 0 { 1.0 - r / ax } else { r / ax - 1.0 }
}

/// glibc's `erfc`, with the `errno` it sets on underflow to zero.
pub fn erfc(x: f64) -> (f64, Errno) {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        // erfc(nan) = nan, erfc(+inf) = 0, erfc(-inf) = 2.
        return ((((hx as u32) >> 31) << 1) as f64 + 1.0 / x, Errno::None);
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return (1.0 - x, Errno::None);
        }
        let y = erf_small_ratio(x * x);
        if hx < 0x3fd0_0000 {
            return (1.0 - (x + x * y), Errno::None);
        }
        let r = x * y + (x - 0.5);
        return (0.5 - r, Errno::None);
    }
    if ix < 0x3ff4_0000 {
        let pq = erf_mid_ratio(x.abs() - 1.0);
        return if hx >= 0 {
            ((1.0 - ERX) - pq, Errno::None)
        } else {
            (1.0 + (ERX + pq), Errno::None)
        };
    }
    if ix < 0x403c_0000 {
        if hx < 0 && ix >= 0x4018_0000 {
            return (2.0 - TINY, Errno::None);
        }
        let ax = x.abs();
        let r = erfc_tail_exp(ax, ix, 0x4006_DB6D);
        if hx > 0 {
            let ret = r / ax;
            return (
                ret,
                if ret == 0.0 {
                    Errno::Range
                } else {
                    Errno::None
                },
            );
        }
        return (2.0 - r / ax, Errno::None);
    }
    if hx > 0 {
        (TINY * TINY, Errno::Range)
    } else {
        (2.0 - TINY, Errno::None)
    }
}

/// glibc's `cbrt` (a polynomial guess and one Halley step; not correctly rounded,
/// e.g. cbrt(-27.0) is -3.0000000000000004, which CPython shows).
pub fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648; // 2**(1/3)
    const SQR_CBRT2: f64 = 1.5874010519681994748; // 2**(2/3)
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    let (xm, xe) = super::math_float::frexp(x.abs());
    if xe == 0 && (!x.is_finite() || x == 0.0) {
        return x + x;
    }
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430
                    + ((-1.83469277483613086
                        + (0.784932344976639262 - 0.145263899385486377 * xm) * xm)
                        * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    super::math_float::scalbn(if x > 0.0 { ym } else { -ym }, i64::from(xe / 3))
}
