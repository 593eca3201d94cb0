//! `repr(complex)` and `format(complex, spec)`, as CPython's `complex_repr` and
//! `format_complex_internal` (Python/formatter_unicode.c).

use super::dtoa::{FloatFlags, format_float_short};
use super::spec::{FormatSpec, NumberParts, pad_str, render_number, unknown_presentation_type};
use super::{FmtError, FmtResult};

/// `repr(z)`: `3j` when the real part is +0, else `(re±imj)`; the parts as `repr(float)`
/// without a trailing `.0`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64, sign: bool| {
        format_float_short(
            x,
            'r',
            0,
            FloatFlags {
                sign,
                ..FloatFlags::default()
            },
        )
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im, false))
    } else {
        format!("({}{}j)", part(re, false), part(im, true))
    }
}

/// `format(z, spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return Ok(complex_repr(re, im));
    }
    let f = FormatSpec::parse(spec, None, '>', "complex")?;
    if f.fill == '0' {
        return Err(FmtError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == '=' {
        return Err(FmtError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let flags = FloatFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
        ..FloatFlags::default()
    };
    let (mut ty, default_precision, skip_re, parens) = match f.ty {
        // No type: like str(z), or 'g' when a precision is given.
        None => {
            let plus_zero = re == 0.0 && re.is_sign_positive();
            ('r', 0, plus_zero, !plus_zero)
        }
        Some('n') => ('g', 6, false, false),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G') => (f.ty.unwrap_or('g'), 6, false, false),
        Some(other) => return Err(unknown_presentation_type(other, "complex")),
    };
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let rule = if f.ty == Some('n') {
        None
    } else {
        f.grouping_rule()
    };
    // Each part is a number with no width of its own; the imaginary one always signed.
    let part = |x: f64, sign: Option<char>| {
        let buf = format_float_short(x, ty, precision, flags);
        let (negative, body) = match buf.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, buf.as_str()),
        };
        let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let has_decimal = body[n_digits..].starts_with('.');
        let remainder = &body[n_digits + has_decimal as usize..];
        let parts = NumberParts {
            negative,
            prefix: "",
            digits: &body.as_bytes()[..n_digits],
            has_decimal,
            remainder,
        };
        let part_spec = FormatSpec {
            width: None,
            align: '>',
            sign,
            ..f.clone()
        };
        render_number(&parts, &part_spec, rule, false)
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&part(re, f.sign));
    }
    out.push_str(&part(im, if skip_re { f.sign } else { Some('+') }));
    out.push('j');
    if parens {
        out.push(')');
    }
    Ok(pad_str(&out, f.width.unwrap_or(0), f.align, f.fill))
}
