//! Text encodings for `str.encode`, `bytes.decode`, `bytes(s, enc)`, `str(b, enc)`:
//! UTF-8 (and `utf-8-sig`), ASCII and Latin-1, with the `strict`, `ignore`, `replace`,
//! `backslashreplace` and `xmlcharrefreplace` error handlers.
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
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
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
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "utf-8-sig" | "utf8-sig" => Codec::Utf8Sig,
            "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859"
            | "cp819" | "iso-ir-100" => Codec::Latin1,
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
