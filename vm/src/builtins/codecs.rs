//! Text encodings for `str.encode`, `bytes.decode`, `bytes(s, enc)`, `str(b, enc)`:
//! UTF-8 (and `utf-8-sig`), UTF-16 and UTF-32 (with a byte-order mark, or `-le`/`-be`),
//! ASCII and Latin-1, with the `strict`, `ignore`, `replace`, `backslashreplace` and
//! `xmlcharrefreplace` error handlers.
//!
//! Errors are CPython's: `LookupError: unknown encoding: X`, and UnicodeEncodeError /
//! UnicodeDecodeError built with their five arguments `(encoding, object, start, end,
//! reason)`, from which `exceptions::exc_str` renders the message and `exc_attr` the
//! attributes.

use stmpy_core::error::{PyResult, Unwind};
use stmpy_core::types::ExcKind;
use stmpy_core::value::Value;

/// The codecs we implement, by CPython's canonical name (the one error messages use).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// UTF-16 or UTF-32 (`width` 2 or 4 bytes); `big` None: byte-order mark (written as
    /// little-endian, read as the mark says).
    Wide {
        width: usize,
        big: Option<bool>,
    },
    /// Python string-literal escapes (`unicode_escape`), or only `\u`/`\U` escapes of
    /// non-Latin-1 characters over Latin-1 (`raw_unicode_escape`, pickle's text).
    Escape {
        raw: bool,
    },
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Wide {
                width: 2,
                big: None,
            } => "utf-16",
            Codec::Wide {
                width: 2,
                big: Some(false),
            } => "utf-16-le",
            Codec::Wide {
                width: 2,
                big: Some(true),
            } => "utf-16-be",
            Codec::Wide { big: None, .. } => "utf-32",
            Codec::Wide {
                big: Some(false), ..
            } => "utf-32-le",
            Codec::Wide {
                big: Some(true), ..
            } => "utf-32-be",
            Codec::Escape { raw: false } => "unicodeescape",
            Codec::Escape { raw: true } => "rawunicodeescape",
        }
    }

    /// CPython's lookup: case-insensitive, `_` and spaces equal to `-`, plus aliases.
    fn lookup(encoding: &str) -> PyResult<Codec> {
        let norm: String = encoding
            .trim()
            .chars()
            .map(|c| match c {
                '_' | ' ' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Ok(match norm.as_str() {
            // "locale": the locale's encoding, UTF-8 (as CPython in a UTF-8 locale).
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "locale" => Codec::Utf8,
            "utf-8-sig" | "utf8-sig" => Codec::Utf8Sig,
            "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859"
            | "cp819" | "iso-ir-100" => Codec::Latin1,
            "utf-16" | "utf16" | "u16" => Codec::Wide {
                width: 2,
                big: None,
            },
            "utf-16-le" | "utf-16le" => Codec::Wide {
                width: 2,
                big: Some(false),
            },
            "utf-16-be" | "utf-16be" => Codec::Wide {
                width: 2,
                big: Some(true),
            },
            "utf-32" | "utf32" | "u32" => Codec::Wide {
                width: 4,
                big: None,
            },
            "utf-32-le" | "utf-32le" => Codec::Wide {
                width: 4,
                big: Some(false),
            },
            "utf-32-be" | "utf-32be" => Codec::Wide {
                width: 4,
                big: Some(true),
            },
            "unicode-escape" => Codec::Escape { raw: false },
            "raw-unicode-escape" => Codec::Escape { raw: true },
            _ => {
                return Err(Unwind::new(
                    ExcKind::LookupError,
                    format!("unknown encoding: {encoding}"),
                ));
            }
        })
    }
}

fn check_handler(errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace"
        | "surrogateescape" | "namereplace" => Ok(()),
        _ => Err(Unwind::new(
            ExcKind::LookupError,
            format!("unknown error handler name '{errors}'"),
        )),
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend_from_slice(s.as_bytes());
            return Ok(out);
        }
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        Codec::Wide { width, big } => return Ok(encode_wide(s, width, big)),
        Codec::Escape { raw } => return Ok(encode_escape(s, raw)),
    };
    if s.chars().all(|c| (c as u32) < limit) {
        return Ok(s.chars().map(|c| c as u8).collect());
    }
    check_handler(errors)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        // The run of unencodable characters, reported (or replaced) together.
        let end = chars[i..]
            .iter()
            .position(|&c| (c as u32) < limit)
            .map_or(chars.len(), |n| i + n);
        match errors {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(hex_escape(c as u32).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => {
                let reason = format!("ordinal not in range({limit})");
                return Err(encode_error(codec.name(), s, i, end, &reason));
            }
        }
        i = end;
    }
    Ok(out)
}

/// `b.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = Codec::lookup(encoding)?;
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            if b.is_ascii() {
                // ASCII is valid UTF-8.
                return Ok(b.iter().map(|&x| x as char).collect());
            }
            check_handler(errors)?;
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{FFFD}'),
                    "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                    _ => {
                        return Err(decode_error(
                            "ascii",
                            b,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ));
                    }
                }
            }
            Ok(out)
        }
        Codec::Wide { width, big } => decode_wide(b, width, big, errors),
        Codec::Escape { raw } => decode_escape(b, raw, errors),
        Codec::Utf8 | Codec::Utf8Sig => {
            let b = match codec {
                Codec::Utf8Sig => b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b),
                _ => b,
            };
            decode_utf8(b, codec.name(), errors)
        }
    }
}

fn decode_utf8(b: &[u8], name: &str, errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    loop {
        match std::str::from_utf8(&b[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                // The prefix is valid UTF-8 by the error's own report.
                out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or_default());
                let start = pos + good;
                let first = b[start];
                // Rust's maximal invalid prefix is CPython's error range too.
                let (end, reason) = match e.error_len() {
                    None => (b.len(), "unexpected end of data"),
                    Some(_) if !is_utf8_start(first) => (start + 1, "invalid start byte"),
                    Some(n) => (start + n, "invalid continuation byte"),
                };
                check_handler(errors)?;
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{FFFD}'),
                    "backslashreplace" => {
                        for x in &b[start..end] {
                            out.push_str(&format!("\\x{x:02x}"));
                        }
                    }
                    _ => return Err(decode_error(name, b, start, end, reason)),
                }
                pos = end;
            }
        }
    }
}

fn encode_escape(s: &str, raw: bool) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if raw && n < 0x100 {
            // Latin-1 characters are their byte.
            out.push(n as u8);
            continue;
        }
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            _ if (0x20..0x7f).contains(&n) => out.push(n as u8),
            _ => out.extend_from_slice(hex_escape(n).as_bytes()),
        }
    }
    out
}

fn decode_escape(b: &[u8], raw: bool, errors: &str) -> PyResult<String> {
    let name = Codec::Escape { raw }.name();
    let mut out = String::with_capacity(b.len());
    let hex_at = |from: usize, n: usize| -> Option<u32> {
        let digits = b.get(from..from + n)?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        if raw {
            // Only a backslash that is not itself escaped starts a \u or \U escape.
            let run = b[i..].iter().take_while(|&&x| x == b'\\').count();
            let next = b.get(i + run).copied();
            if run % 2 == 0 || !matches!(next, Some(b'u' | b'U')) {
                out.extend(std::iter::repeat_n('\\', run));
                i += run;
                continue;
            }
            out.extend(std::iter::repeat_n('\\', run - 1));
            i += run - 1;
        }
        let Some(&e) = b.get(i + 1) else {
            check_handler(errors)?;
            return Err(decode_error(name, b, i, b.len(), "\\ at end of string"));
        };
        let (width, what) = match e {
            b'x' if !raw => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            _ => (0, ""),
        };
        if width > 0 {
            match hex_at(i + 2, width).map(char::from_u32) {
                Some(Some(ch)) => {
                    out.push(ch);
                    i += 2 + width;
                }
                Some(None) => {
                    check_handler(errors)?;
                    return Err(decode_error(
                        name,
                        b,
                        i,
                        i + 2 + width,
                        "illegal Unicode character",
                    ));
                }
                None => {
                    check_handler(errors)?;
                    let limit = (i + 2 + width).min(b.len());
                    let end = (i + 2..limit)
                        .find(|&j| !b[j].is_ascii_hexdigit())
                        .unwrap_or(limit);
                    match errors {
                        "ignore" => {}
                        "replace" => out.push('\u{FFFD}'),
                        _ => return Err(decode_error(name, b, i, end, what)),
                    }
                    i = end;
                }
            }
            continue;
        }
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut k = 0;
                while k < 2 && matches!(b.get(i), Some(b'0'..=b'7')) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    k += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            other => {
                out.push('\\');
                out.push(other as char);
            }
        }
    }
    Ok(out)
}

/// UTF-16 (surrogate pairs above U+FFFF) or UTF-32; with no byte order given, a
/// little-endian byte-order mark first.
fn encode_wide(s: &str, width: usize, big: Option<bool>) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * width + width);
    let be = big.unwrap_or(false);
    let unit = |out: &mut Vec<u8>, u: u32| {
        let bytes = u.to_le_bytes();
        let mut b = bytes[..width].to_vec();
        if be {
            b.reverse();
        }
        out.extend_from_slice(&b);
    };
    if big.is_none() {
        unit(&mut out, 0xFEFF);
    }
    for c in s.chars() {
        if width == 4 {
            unit(&mut out, c as u32);
        } else {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                unit(&mut out, u32::from(*u));
            }
        }
    }
    out
}

fn decode_wide(b: &[u8], width: usize, big: Option<bool>, errors: &str) -> PyResult<String> {
    let (mut be, mut start) = (big.unwrap_or(false), 0);
    if big.is_none() && b.len() >= width {
        // A byte-order mark decides, and is dropped.
        let le_bom: &[u8] = if width == 2 {
            &[0xFF, 0xFE]
        } else {
            &[0xFF, 0xFE, 0, 0]
        };
        let be_bom: &[u8] = if width == 2 {
            &[0xFE, 0xFF]
        } else {
            &[0, 0, 0xFE, 0xFF]
        };
        if &b[..width] == le_bom {
            start = width;
        } else if &b[..width] == be_bom {
            be = true;
            start = width;
        }
    }
    let name = Codec::Wide {
        width,
        big: Some(be),
    }
    .name();
    let unit = |i: usize| -> u32 {
        let mut v = [0u8; 4];
        v[..width].copy_from_slice(&b[i..i + width]);
        if be {
            v[..width].reverse();
        }
        u32::from_le_bytes(v)
    };
    let mut out = String::with_capacity(b.len() / width);
    let mut i = start;
    while i < b.len() {
        // (character, bytes used) or (error reason, error end).
        let step: Result<(char, usize), (&str, usize)> = if i + width > b.len() {
            Err(("truncated data", b.len()))
        } else if width == 4 {
            char::from_u32(unit(i))
                .map(|c| (c, 4))
                .ok_or(("code point not in range(0x110000)", i + 4))
        } else {
            let u = unit(i);
            match u {
                0xD800..=0xDBFF => {
                    if i + 4 > b.len() {
                        Err(("unexpected end of data", b.len()))
                    } else {
                        let lo = unit(i + 2);
                        if (0xDC00..=0xDFFF).contains(&lo) {
                            let c = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                            Ok((char::from_u32(c).unwrap_or('\u{FFFD}'), 4))
                        } else {
                            Err(("illegal UTF-16 surrogate", i + 2))
                        }
                    }
                }
                0xDC00..=0xDFFF => Err(("illegal encoding", i + 2)),
                _ => Ok((char::from_u32(u).unwrap_or('\u{FFFD}'), 2)),
            }
        };
        match step {
            Ok((c, n)) => {
                out.push(c);
                i += n;
            }
            Err((reason, end)) => {
                check_handler(errors)?;
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{FFFD}'),
                    "backslashreplace" => {
                        for x in &b[i..end] {
                            out.push_str(&format!("\\x{x:02x}"));
                        }
                    }
                    _ => return Err(decode_error(name, b, i, end, reason)),
                }
                i = end;
            }
        }
    }
    Ok(out)
}

/// Can `x` begin a UTF-8 sequence (as CPython's decoder classifies bytes)?
fn is_utf8_start(x: u8) -> bool {
    matches!(x, 0x00..=0x7F | 0xC2..=0xF4)
}

fn hex_escape(c: u32) -> String {
    if c <= 0xFF {
        format!("\\x{c:02x}")
    } else if c <= 0xFFFF {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)`; positions in characters.
pub fn encode_error(encoding: &str, s: &str, start: usize, end: usize, reason: &str) -> Unwind {
    Unwind::with_args(
        ExcKind::UnicodeEncodeError,
        vec![
            Value::str(encoding),
            Value::str(s),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    )
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`.
pub fn decode_error(encoding: &str, b: &[u8], start: usize, end: usize, reason: &str) -> Unwind {
    Unwind::with_args(
        ExcKind::UnicodeDecodeError,
        vec![
            Value::str(encoding),
            Value::bytes(b.to_vec()),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    )
}

/// `str(e)` of a UnicodeEncodeError/UnicodeDecodeError from its five arguments; `None`
/// when the arguments do not have that shape (then it prints like any exception).
pub fn unicode_error_str(kind: ExcKind, args: &[Value]) -> Option<String> {
    let [enc, obj, Value::Int(start), Value::Int(end), reason] = args else {
        return None;
    };
    let (enc, reason) = (enc.as_str()?.as_str(), reason.as_str()?.as_str());
    let (start, end) = (usize::try_from(*start).ok()?, usize::try_from(*end).ok()?);
    Some(match kind {
        ExcKind::UnicodeEncodeError => {
            let s = obj.as_str()?;
            if end == start + 1 {
                let c = s.char_at(start)? as u32;
                let shown = if c < 0x80 && (c as u8).is_ascii_graphic() {
                    format!("'{}'", c as u8 as char)
                } else {
                    format!("'{}'", hex_escape(c))
                };
                format!(
                    "'{enc}' codec can't encode character {shown} in position {start}: {reason}"
                )
            } else {
                format!(
                    "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                )
            }
        }
        ExcKind::UnicodeDecodeError => {
            let b = match obj.payload() {
                Some(stmpy_core::value::Payload::Bytes(b)) => b,
                _ => return None,
            };
            if end == start + 1 {
                format!(
                    "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                    b.get(start)?
                )
            } else {
                format!(
                    "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                )
            }
        }
        _ => return None,
    })
}
