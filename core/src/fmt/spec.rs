//! The format-spec mini-language: `format(value, spec)`, f-string `{x:spec}` and
//! `str.format`. A port of CPython's Python/formatter_unicode.c: parsing
//! (`parse_internal_render_format_spec`), the width computation (`calc_number_widths`),
//! digit grouping with zero padding (`_PyUnicode_InsertThousandsGrouping`) and assembly
//! (`fill_number`), so that padding, signs and separators interact exactly as in CPython.

use num_bigint::{BigInt, Sign};

use super::dtoa::{FloatFlags, float_repr, format_float_short};
use super::num::{bigint_to_f64, int_to_decimal};
use super::strrepr::decimal_value;
use super::{FmtError, FmtResult};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`; the object's default when the spec has none.
    pub align: char,
    /// `+`, `-` or ` ` when given.
    pub sign: Option<char>,
    /// The `z` option: no negative zero after rounding (floats only).
    pub no_neg_0: bool,
    /// The `#` option.
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_` when given.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; the object's default when the spec has none.
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of decimal digits (any script, as CPython's `get_integer`).
fn get_integer(chars: &[char], pos: &mut usize) -> FmtResult<Option<usize>> {
    let mut value: usize = 0;
    let start = *pos;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| FmtError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(value) })
}

fn char_for_message(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

fn truncate_type_name(name: &str) -> &str {
    // CPython formats type names with %.200s (bytes); names are ASCII in practice.
    match name.char_indices().nth(200) {
        Some((i, _)) => &name[..i],
        None => name,
    }
}

pub(crate) fn unknown_presentation_type(ty: char, type_name: &str) -> FmtError {
    FmtError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        char_for_message(ty),
        truncate_type_name(type_name)
    ))
}

impl FormatSpec {
    /// Parses `spec` as CPython does for an object whose default presentation type is
    /// `default_type` (`None` for float) and default alignment `default_align` (`>` for
    /// numbers, `<` for strings). `type_name` is used in error messages.
    pub fn parse(
        spec: &str,
        default_type: Option<char>,
        default_align: char,
        type_name: &str,
    ) -> FmtResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut f = FormatSpec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: default_type,
        };
        let mut fill_char_specified = false;
        let mut align_specified = false;
        if end >= 2 && is_align(chars[1]) {
            f.align = chars[1];
            f.fill = chars[0];
            fill_char_specified = true;
            align_specified = true;
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            f.align = chars[0];
            align_specified = true;
            pos = 1;
        }
        if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
            f.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            f.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        // A leading '0' means zero padding, sign-aware for numbers (backwards compatible).
        if !fill_char_specified && pos < end && chars[pos] == '0' {
            f.fill = '0';
            if !align_specified && default_align == '>' {
                f.align = '=';
            }
            pos += 1;
        }
        f.width = get_integer(&chars, &mut pos)?;
        if pos < end && chars[pos] == ',' {
            f.grouping = Some(',');
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if f.grouping.is_some() {
                return Err(FmtError::value("Cannot specify both ',' and '_'."));
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
            return Err(FmtError::value("Cannot specify both ',' and '_'."));
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            f.precision = get_integer(&chars, &mut pos)?;
            if f.precision.is_none() {
                return Err(FmtError::value("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(FmtError::value(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec,
                truncate_type_name(type_name)
            )));
        }
        if end - pos == 1 {
            f.ty = Some(chars[pos]);
        }
        if let Some(sep) = f.grouping {
            let ok = match f.ty {
                None => true,
                Some(t) => {
                    matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                        || (sep == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
                }
            };
            if !ok {
                let t = f.ty.unwrap_or('\0');
                return Err(FmtError::value(format!(
                    "Cannot specify '{sep}' with '{}'.",
                    char_for_message(t)
                )));
            }
        }
        Ok(f)
    }

    /// Separator and group size: `_` groups hex/octal/binary digits by four.
    pub(crate) fn grouping_rule(&self) -> Option<(char, usize)> {
        let sep = self.grouping?;
        let four = sep == '_' && matches!(self.ty, Some('b' | 'o' | 'x' | 'X'));
        Some((sep, if four { 4 } else { 3 }))
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) from the right, padding
/// with zeros (which are grouped too) up to `min_width` characters.
fn group_digits(digits: &[u8], mut min_width: i64, rule: Option<(char, usize)>) -> String {
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut remaining = digits.len() as i64;
    let mut digits_pos = digits.len();
    let mut use_separator = false;
    let mut fill = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, sep: Option<char>| {
        if let Some(s) = sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            digits_pos -= 1;
            rev.push(digits[digits_pos] as char);
        }
        rev.extend(std::iter::repeat_n('0', n_zeros as usize));
    };
    let mut loop_broken = false;
    if let Some((sep, group)) = rule {
        let group = group as i64;
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            fill(&mut rev, n_chars, n_zeros, use_separator.then_some(sep));
            use_separator = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                loop_broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !loop_broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        fill(&mut rev, n_chars, n_zeros, None);
    }
    rev.iter().rev().collect()
}

/// The parts of a formatted number, laid out as
/// `<lpad><sign><prefix><spad><grouped digits><decimal point><remainder><rpad>`.
pub(crate) struct NumberParts<'a> {
    pub(crate) negative: bool,
    pub(crate) prefix: &'a str,
    pub(crate) digits: &'a [u8],
    pub(crate) has_decimal: bool,
    pub(crate) remainder: &'a str,
}

/// `calc_number_widths` followed by `fill_number`.
pub(crate) fn render_number(
    n: &NumberParts<'_>,
    spec: &FormatSpec,
    rule: Option<(char, usize)>,
    upper: bool,
) -> String {
    let sign = match (spec.sign, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let n_non_digit = sign.is_some() as i64
        + n.prefix.chars().count() as i64
        + n.has_decimal as i64
        + n.remainder.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let grouped = if n.digits.is_empty() {
        String::new()
    } else {
        group_digits(n.digits, min_width, rule)
    };
    let grouped_len = grouped.chars().count() as i64;
    let padding = (width - (n_non_digit + grouped_len)).max(0) as usize;
    let (lpad, spad, rpad) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    let pad = |out: &mut String, k: usize| out.extend(std::iter::repeat_n(spec.fill, k));
    pad(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&n.prefix.to_ascii_uppercase());
        pad(&mut out, spad);
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(n.prefix);
        pad(&mut out, spad);
        out.push_str(&grouped);
    }
    if n.has_decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    pad(&mut out, rpad);
    out
}

/// `format(value, spec)` for an `int` held as i64.
pub fn format_int(value: i64, spec: &str, type_name: &str) -> FmtResult<String> {
    format_bigint(&BigInt::from(value), spec, type_name)
}

/// `format(value, spec)` for an `int`. An empty spec gives `str(value)`; callers whose
/// `str` differs (`bool`, subclasses overriding `__str__`) handle the empty spec first.
pub fn format_bigint(value: &BigInt, spec: &str, type_name: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return int_to_decimal(value);
    }
    let f = FormatSpec::parse(spec, Some('d'), '>', type_name)?;
    match f.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long_internal(value, &f),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            format_float_internal(bigint_to_f64(value)?, &f)
        }
        other => Err(unknown_presentation_type(other.unwrap_or('\0'), type_name)),
    }
}

fn format_long_internal(value: &BigInt, f: &FormatSpec) -> FmtResult<String> {
    if f.precision.is_some() {
        return Err(FmtError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = f.ty.unwrap_or('d');
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(FmtError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(FmtError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let ch = char_from_int(value)?;
        let s = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: b"",
            has_decimal: false,
            remainder: &s,
        };
        return Ok(render_number(&parts, f, None, false));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = if radix == 10 {
        let mut s = int_to_decimal(value)?;
        if value.sign() == Sign::Minus {
            s.remove(0);
        }
        s
    } else {
        value.magnitude().to_str_radix(radix)
    };
    let parts = NumberParts {
        negative: value.sign() == Sign::Minus,
        prefix: if f.alternate { prefix } else { "" },
        digits: digits.as_bytes(),
        has_decimal: false,
        remainder: "",
    };
    // 'n' groups by the C locale, which has no separator.
    let rule = if ty == 'n' { None } else { f.grouping_rule() };
    Ok(render_number(&parts, f, rule, ty == 'X'))
}

/// The character for `%c` / `format(i, 'c')`; surrogates cannot live in a Rust string.
pub(crate) fn char_from_int(value: &BigInt) -> FmtResult<char> {
    let out_of_range = || FmtError::overflow("%c arg not in range(0x110000)");
    if i64::try_from(value).is_err() {
        return Err(FmtError::overflow(
            "Python int too large to convert to C long",
        ));
    }
    let code = u32::try_from(value).map_err(|_| out_of_range())?;
    if code > 0x10FFFF {
        return Err(out_of_range());
    }
    char::from_u32(code).ok_or_else(|| FmtError::value("stmpy strings cannot hold lone surrogates"))
}

/// `format(value, spec)` for a `float`. An empty spec gives `repr(value)`.
pub fn format_float(value: f64, spec: &str, type_name: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(value));
    }
    let f = FormatSpec::parse(spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(value, &f)
        }
        Some(other) => Err(unknown_presentation_type(other, type_name)),
    }
}

fn format_float_internal(mut value: f64, f: &FormatSpec) -> FmtResult<String> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FmtError::value("precision too big"));
    }
    let mut flags = FloatFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
        ..FloatFlags::default()
    };
    let mut default_precision = 6;
    let mut add_pct = false;
    let mut ty = match f.ty {
        // No type: like repr without precision, else like 'g' that keeps a '.0'.
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some('%') => {
            value *= 100.0;
            add_pct = true;
            'f'
        }
        Some(t) => t,
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
    let mut buf = format_float_short(value, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
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
    let rule = if f.ty == Some('n') {
        None
    } else {
        f.grouping_rule()
    };
    Ok(render_number(&parts, f, rule, false))
}

/// `format(value, spec)` for a `str`.
pub fn format_str(value: &str, spec: &str, type_name: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return Ok(value.to_owned());
    }
    let f = FormatSpec::parse(spec, Some('s'), '<', type_name)?;
    if f.ty != Some('s') {
        return Err(unknown_presentation_type(f.ty.unwrap_or('\0'), type_name));
    }
    match f.sign {
        Some(' ') => {
            return Err(FmtError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(FmtError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if f.no_neg_0 {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(FmtError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == '=' {
        return Err(FmtError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let truncated: &str = match f.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((i, _)) => &value[..i],
            None => value,
        },
        None => value,
    };
    Ok(pad_str(truncated, f.width.unwrap_or(0), f.align, f.fill))
}

/// Pads `s` to `width` code points: `<` left-aligns, `^` centres (extra on the right),
/// anything else right-aligns.
pub(crate) fn pad_str(s: &str, width: usize, align: char, fill: char) -> String {
    let len = s.chars().count();
    let padding = width.saturating_sub(len);
    let (left, right) = match align {
        '<' => (0, padding),
        '^' => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = String::with_capacity(s.len() + padding);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}
