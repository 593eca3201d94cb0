//! `repr(str)`, `ascii()`, and the Unicode character classes CPython's conversions use
//! (printable, whitespace, decimal digit), looked up in the generated [`super::tables`].

use super::tables::{DIGIT_ZEROS, NOT_PRINTABLE, SPACE};

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    // First range starting after c; the one before it is the only candidate.
    let i = table.partition_point(|&(start, _)| start <= c);
    i > 0 && c <= table[i - 1].1
}

/// `str.isprintable()` for one character: what `repr` leaves unescaped.
pub fn is_printable(c: char) -> bool {
    !in_ranges(&NOT_PRINTABLE, c as u32)
}

/// `str.isspace()` for one character: what `int()`/`float()`/`str.split()` strip.
pub fn is_space(c: char) -> bool {
    in_ranges(&SPACE, c as u32)
}

/// The value of a decimal digit of any script (category Nd), as `int()` accepts them.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    if (0x30..=0x39).contains(&c) {
        return Some(c - '0' as u32);
    }
    let i = DIGIT_ZEROS.partition_point(|&z| z <= c);
    (i > 0 && c - DIGIT_ZEROS[i - 1] < 10).then(|| c - DIGIT_ZEROS[i - 1])
}

/// `repr(s)`: single quotes unless the text has `'` and no `"`; backslash escapes for the
/// quote, `\\`, `\t \n \r`, other control characters and non-printable characters.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7F => push_hex_escape(&mut out, c),
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `\xHH`, `\uHHHH` or `\UHHHHHHHH`, whichever is shortest for `c`.
fn push_hex_escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let c = c as u32;
    // Writing to a String cannot fail.
    let _ = if c <= 0xFF {
        write!(out, "\\x{c:02x}")
    } else if c <= 0xFFFF {
        write!(out, "\\u{c:04x}")
    } else {
        write!(out, "\\U{c:08x}")
    };
}

/// `ascii(s)`: `repr(s)` with every non-ASCII character escaped.
pub fn ascii_str(s: &str) -> String {
    escape_non_ascii(repr_str(s))
}

/// `ascii()` of any repr: each non-ASCII character as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn escape_non_ascii(r: String) -> String {
    if r.is_ascii() {
        return r;
    }
    let mut out = String::with_capacity(r.len() + 8);
    for c in r.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_hex_escape(&mut out, c);
        }
    }
    out
}
