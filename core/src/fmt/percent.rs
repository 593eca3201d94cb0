//! `str % args` (printf-style formatting), split so the VM can drive it: [`parse`] turns the
//! format string into [`Piece`]s; for each [`Spec`] the VM resolves `*` width/precision
//! from the next arguments ([`Spec::set_star_width`], [`Spec::set_star_precision`]),
//! fetches the value (by position, or `args[key]` for `%(key)s`), converts it as the
//! conversion character asks, and calls [`format_int`], [`format_float`], [`format_char`]
//! or [`format_text`]; an unknown conversion character raises [`unsupported`] after the
//! argument was fetched, as in CPython. A port of `PyUnicode_Format` (Objects/unicodeobject.c).
//!
//! Conversions: `d i u` (decimal), `o x X` (ints), `e E f F g G` (floats), `c` (one
//! character), `s r a` (`str`/`repr`/`ascii` of the value), `%%` (a literal `%`).
//!
//! What the VM checks itself, with CPython's messages:
//! - `d i u` take any real number (`int()` of a float truncates), `o x X` only ints
//!   (`__index__`), `e…G` anything `float()` accepts; otherwise [`wrong_type`].
//! - `%c` takes an int (see [`char_arg`]) or a one-character str, else [`wrong_type`].
//! - A `*` argument must be an int: TypeError `* wants int`; a width beyond i64 raises
//!   OverflowError `Python int too large to convert to C ssize_t`.
//! - [`NOT_ENOUGH_ARGS`], [`NOT_ALL_CONVERTED`] (TypeError) when positional arguments run
//!   out or are left over (not checked when the argument is a mapping), and
//!   [`NEEDS_MAPPING`] (TypeError) for `%(key)` without a mapping.

use num_bigint::{BigInt, Sign};

use super::FmtError;
use super::dtoa::{FloatFlags, format_float_short};
use super::num::int_to_decimal;

/// The `- + space # 0` flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub ljust: bool,
    pub sign: bool,
    pub blank: bool,
    pub alt: bool,
    pub zero: bool,
}

/// A width or precision: absent, `*` (taken from the next argument), or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    None,
    Star,
    Fixed(usize),
}

/// One `%` conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// `name` in `%(name)s`: the argument is `args[name]`.
    pub key: Option<String>,
    pub flags: Flags,
    pub width: Count,
    pub precision: Count,
    /// The conversion character (possibly an unsupported one, see [`unsupported`]).
    pub conversion: char,
    /// Code point index of the conversion character, for error messages.
    pub index: usize,
}

/// A piece of a parsed format string. An `Error` piece ends the list: CPython raises it
/// when formatting reaches that point, after converting the specs before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Spec(Spec),
    Error(FmtError),
}

/// Splits a `%` format string into literal text and conversion specs. `%%` becomes
/// literal text.
pub fn parse(fmt: &str) -> Vec<Piece> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            literal.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            literal.push('%');
            pos += 1;
            continue;
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        match parse_spec(&chars, &mut pos) {
            Ok(spec) => pieces.push(Piece::Spec(spec)),
            Err(e) => {
                pieces.push(Piece::Error(e));
                return pieces;
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    pieces
}

fn parse_spec(chars: &[char], pos: &mut usize) -> Result<Spec, FmtError> {
    let incomplete = || FmtError::value("incomplete format");
    let mut key = None;
    if chars.get(*pos) == Some(&'(') {
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while depth > 0 {
            match chars.get(*pos) {
                None => return Err(FmtError::value("incomplete format key")),
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                Some(_) => {}
            }
            *pos += 1;
        }
        key = Some(chars[start..*pos - 1].iter().collect());
    }
    let next = |pos: &mut usize| {
        let c = chars.get(*pos).copied();
        *pos += 1;
        c
    };
    let mut flags = Flags::default();
    let mut ch = loop {
        match next(pos).ok_or_else(incomplete)? {
            '-' => flags.ljust = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            c => break c,
        }
    };
    let mut width = Count::None;
    if ch == '*' {
        width = Count::Star;
        ch = next(pos).ok_or_else(incomplete)?;
    } else if let Some(d) = ch.to_digit(10) {
        let mut w = d as usize;
        loop {
            ch = next(pos).ok_or_else(incomplete)?;
            let Some(d) = ch.to_digit(10) else { break };
            w = w
                .checked_mul(10)
                .and_then(|w| w.checked_add(d as usize))
                .filter(|&w| w <= isize::MAX as usize)
                .ok_or_else(|| FmtError::value("width too big"))?;
        }
        width = Count::Fixed(w);
    }
    let mut precision = Count::None;
    if ch == '.' {
        precision = Count::Fixed(0);
        ch = next(pos).ok_or_else(incomplete)?;
        if ch == '*' {
            precision = Count::Star;
            ch = next(pos).ok_or_else(incomplete)?;
        } else if let Some(d) = ch.to_digit(10) {
            let mut p = d as usize;
            loop {
                ch = next(pos).ok_or_else(incomplete)?;
                let Some(d) = ch.to_digit(10) else { break };
                p = p
                    .checked_mul(10)
                    .and_then(|p| p.checked_add(d as usize))
                    .filter(|&p| p <= i32::MAX as usize)
                    .ok_or_else(|| FmtError::value("precision too big"))?;
            }
            precision = Count::Fixed(p);
        }
    }
    // Length modifiers are accepted and ignored ("%ld").
    if matches!(ch, 'h' | 'l' | 'L') {
        ch = next(pos).ok_or_else(incomplete)?;
    }
    Ok(Spec {
        key,
        flags,
        width,
        precision,
        conversion: ch,
        index: *pos - 1,
    })
}

impl Spec {
    /// Applies the argument taken by a `*` width: negative means left-justified.
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.flags.ljust = true;
        }
        self.width = Count::Fixed(w.unsigned_abs() as usize);
    }

    /// Applies the argument taken by a `*` precision: negative means 0. CPython refuses
    /// values outside a C int with OverflowError.
    pub fn set_star_precision(&mut self, p: i64) -> Result<(), FmtError> {
        if p > i32::MAX as i64 || p < i32::MIN as i64 {
            return Err(FmtError::overflow(
                "Python int too large to convert to C int",
            ));
        }
        self.precision = Count::Fixed(p.max(0) as usize);
        Ok(())
    }

    fn width(&self) -> Option<usize> {
        match self.width {
            Count::Fixed(w) => Some(w),
            _ => None,
        }
    }

    fn precision(&self) -> Option<usize> {
        match self.precision {
            Count::Fixed(p) => Some(p),
            _ => None,
        }
    }
}

pub const NOT_ENOUGH_ARGS: &str = "not enough arguments for format string";
pub const NOT_ALL_CONVERTED: &str = "not all arguments converted during string formatting";
pub const NEEDS_MAPPING: &str = "format requires a mapping";

/// The TypeError for an argument of the wrong type (`type_name`) for the conversion.
pub fn wrong_type(spec: &Spec, type_name: &str) -> FmtError {
    let c = spec.conversion;
    FmtError::type_error(match c {
        'c' => "%c requires int or char".to_string(),
        'd' | 'i' | 'u' => format!("%{c} format: a real number is required, not {type_name}"),
        'o' | 'x' | 'X' => format!("%{c} format: an integer is required, not {type_name}"),
        _ => format!("must be real number, not {type_name}"),
    })
}

/// The character `%c` writes for an int argument.
pub fn char_arg(value: &BigInt) -> Result<char, FmtError> {
    match u32::try_from(value) {
        Ok(code) if code <= 0x10FFFF => char::from_u32(code)
            .ok_or_else(|| FmtError::value("stmpy strings cannot hold lone surrogates")),
        _ => Err(FmtError::overflow("%c arg not in range(0x110000)")),
    }
}

/// The error for a conversion character `%` formatting does not know.
pub fn unsupported(spec: &Spec) -> FmtError {
    let c = spec.conversion;
    let shown = if (31..=126).contains(&(c as u32)) {
        c
    } else {
        '?'
    };
    FmtError::value(format!(
        "unsupported format character '{shown}' (0x{:x}) at index {}",
        c as u32, spec.index
    ))
}

/// `%d %i %u %o %x %X` of an int (the VM converts other numbers with `int()` first).
/// Fails only for decimal output beyond [`super::INT_MAX_STR_DIGITS`] digits.
pub fn format_int(spec: &Spec, value: &BigInt) -> Result<String, FmtError> {
    let (radix, prefix) = match spec.conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        let mut s = int_to_decimal(value)?;
        if value.sign() == Sign::Minus {
            s.remove(0);
        }
        s
    } else {
        value.magnitude().to_str_radix(radix)
    };
    if spec.conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision()
        && p > digits.len()
    {
        digits.insert_str(0, &"0".repeat(p - digits.len()));
    }
    let mut s = String::with_capacity(digits.len() + 3);
    if value.sign() == Sign::Minus {
        s.push('-');
    }
    if spec.flags.alt {
        s.push_str(prefix);
    }
    s.push_str(&digits);
    Ok(output(spec, &s, true))
}

/// `%e %E %f %F %g %G` of a float (precision 6 by default).
pub fn format_float(spec: &Spec, value: f64) -> String {
    let precision = spec.precision().unwrap_or(6);
    let flags = FloatFlags {
        alt: spec.flags.alt,
        ..FloatFlags::default()
    };
    let s = format_float_short(value, spec.conversion, precision, flags);
    output(spec, &s, true)
}

/// `%c` of a character (the VM checks the argument: an int in range(0x110000), see
/// [`super::spec`]'s rules, or a one-character string).
pub fn format_char(spec: &Spec, c: char) -> String {
    output(spec, c.encode_utf8(&mut [0; 4]), false)
}

/// `%s %r %a` of the text the VM computed with `str`, `repr` or `ascii`.
pub fn format_text(spec: &Spec, text: &str) -> String {
    output(spec, text, false)
}

/// `unicode_format_arg_output`: truncation for `s r a`, then sign, `0x`/`0o` prefix and
/// padding. Zero padding goes between the sign/prefix and the digits.
fn output(spec: &Spec, s: &str, numeric: bool) -> String {
    let f = spec.flags;
    let zero_fill = numeric && f.zero;
    let mut text = s;
    if matches!(spec.conversion, 's' | 'r' | 'a')
        && let Some(p) = spec.precision()
        && let Some((i, _)) = text.char_indices().nth(p)
    {
        text = &text[..i];
    }
    let mut sign = None;
    if numeric {
        if let Some(rest) = text.strip_prefix(['-', '+']) {
            sign = text.chars().next();
            text = rest;
        } else if f.sign {
            sign = Some('+');
        } else if f.blank {
            sign = Some(' ');
        }
    }
    let mut prefix = "";
    if f.alt && numeric && matches!(spec.conversion, 'x' | 'X' | 'o') && text.len() >= 2 {
        prefix = &text[..2];
        text = &text[2..];
    }
    let len = text.chars().count();
    let used = len + sign.is_some() as usize + prefix.len();
    let padding = spec.width().unwrap_or(0).saturating_sub(used);
    let mut out = String::with_capacity(text.len() + padding + 3);
    if f.ljust {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', padding));
    } else if zero_fill {
        out.extend(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', padding));
        out.push_str(text);
    } else {
        out.extend(std::iter::repeat_n(' ', padding));
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(text);
    }
    out
}
