//! Float to decimal text: a port of CPython's `format_float_short` (Python/pystrtod.c).
//!
//! CPython asks dtoa for digits in one of three modes and then lays them out. We get the
//! same digits from Rust's exact float formatting ([`digits`]) and copy the layout code,
//! keeping its "virtual digit string" formulation so the two can be compared line by line.

/// Options of `PyOS_double_to_string` (its `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// Always write a sign (`+` for non-negative numbers).
    pub sign: bool,
    /// Write `.0` after an integral value written without exponent (`repr` style).
    pub add_dot_0: bool,
    /// Alternate form (`#`): keep trailing zeros in `g`, keep a trailing `.`.
    pub alt: bool,
    /// `z` option: a result that rounds to zero loses its minus sign.
    pub no_neg_0: bool,
}

/// How many digits to ask for, as dtoa's modes 0, 2 and 3.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mode {
    /// Shortest digit string that reads back as the same float.
    Shortest,
    /// At most this many significant digits, correctly rounded (>= 1).
    Significant(usize),
    /// Rounded to this many digits after the decimal point.
    Fixed(usize),
}

/// Digits as dtoa returns them: no leading or trailing zeros, except that zero is `"0"`
/// with `decpt == 1`. The value is `0.DIGITS * 10**decpt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: Vec<u8>,
    pub decpt: i64,
}

/// An f64 has at most 767 significant decimal digits and 1074 digits after the point, so
/// asking for more only appends zeros, which dtoa strips anyway; capping keeps Rust's
/// formatter (limited to 16-bit precisions) in range for any requested precision.
const MAX_SIGNIFICANT: usize = 800;
const MAX_FIXED: usize = 1100;

/// Correctly rounded decimal digits of `|x|` for finite `x`.
pub(crate) fn digits(x: f64, mode: Mode) -> Digits {
    let a = x.abs();
    match mode {
        Mode::Shortest => {
            let d = from_exp_form(&format!("{a:e}"));
            // Rust's and dtoa's shortest strings have the same length (both accept the
            // interval bounds when the mantissa is even), but where two candidates are
            // equally near, dtoa takes the even digit and Rust may not. Such ties need
            // an exactly representable (n+1)-digit value: that requires n >= 15 (shorter
            // candidates are too far apart to both round-trip), and |x| = odd * 2**e
            // with e >= -26 (else its exact expansion has more than 18 digits).
            let n = d.digits.len();
            if n >= 15 && odd_exponent(a) >= -26 {
                let nearest = format!("{:.*e}", n - 1, a);
                if nearest.parse::<f64>() == Ok(a) {
                    return from_exp_form(&nearest);
                }
            }
            d
        }
        Mode::Significant(n) => {
            let n = n.clamp(1, MAX_SIGNIFICANT);
            from_exp_form(&format!("{:.*e}", n - 1, a))
        }
        Mode::Fixed(n) => {
            let s = format!("{:.*}", n.min(MAX_FIXED), a);
            let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
            let mut all: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
            let lead = all.iter().take_while(|&&c| c == b'0').count();
            all.drain(..lead);
            let decpt = int_part.len() as i64 - lead as i64;
            normalize(all, decpt)
        }
    }
}

/// `e` such that `x == odd * 2**e` (finite, non-zero `x`).
fn odd_exponent(x: f64) -> i64 {
    let bits = x.to_bits();
    let frac = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let (mant, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    e + mant.trailing_zeros() as i64
}

/// Parses Rust's `d.ddde±x` output into [`Digits`].
fn from_exp_form(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').expect("LowerExp output has an exponent");
    let exp: i64 = exp.parse().expect("LowerExp exponent is an integer");
    let digits: Vec<u8> = mant.bytes().filter(|&c| c != b'.').collect();
    normalize(digits, exp + 1)
}

fn normalize(mut digits: Vec<u8>, decpt: i64) -> Digits {
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        Digits {
            digits: vec![b'0'],
            decpt: 1,
        }
    } else {
        Digits { digits, decpt }
    }
}

/// `repr(x)` (and `str(x)`) for a float: shortest round-trip digits, exponent form when the
/// decimal exponent is < -4 or >= 16, `.0` added to integral values.
pub fn float_repr(x: f64) -> String {
    format_float_short(
        x,
        'r',
        0,
        FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        },
    )
}

/// `str(x)` for a float: the same as `repr` since Python 3.2.
pub fn float_str(x: f64) -> String {
    float_repr(x)
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r` (`r` takes no precision: shortest digits); upper-case
/// codes write `E`, `INF` and `NAN`. Any other code is treated as `r`.
pub fn format_float_short(x: f64, code: char, precision: usize, flags: FloatFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let (mode, precision) = match code {
        'e' => (Mode::Significant(precision + 1), precision + 1),
        'f' => (Mode::Fixed(precision), precision),
        // Precision 0 makes no sense for 'g'; CPython reads it as 1.
        'g' => {
            let p = precision.max(1);
            (Mode::Significant(p), p)
        }
        _ => (Mode::Shortest, 0),
    };
    let mut out = String::new();
    if !x.is_finite() {
        // The sign of a NaN is never shown.
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let Digits { digits, mut decpt } = digits(x, mode);
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits == b"0" {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let precision = precision as i64;

    // The output is a slice vdigits[vdigits_start..vdigits_end] of the digit string padded
    // with zeros on both sides; decide exponent use and the slice bounds, as CPython does.
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // Exponent form from 1e16 on: a 17-digit integer would show padding zeros
            // that are not part of the shortest repr.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    // Digits come from Rust's formatter, so they are ASCII and from_utf8 cannot fail.
    fn ascii(b: &[u8]) -> &str {
        std::str::from_utf8(b).unwrap_or_default()
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(ascii(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(ascii(&digits[decpt as usize..]));
    } else {
        out.push_str(ascii(&digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}
