//! Methods of `bytes` and `bytearray`.
//!
//! The two types share every non-mutating method ([`BYTES`]); a method called on a
//! `bytearray` returns a `bytearray` where CPython does. [`BYTEARRAY`] adds the mutating
//! ones; a bytearray's buffer is one STM cell, so each mutation is one `Tx::modify`.
//! Character classes and case mappings are ASCII-only, as in CPython.

use stmpy_core::error::{PyResult, index_error, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{Payload, Value};

use super::{Table, arg_count, codecs, kwarg};
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

pub const BYTES: Table = &[
    ("decode", decode),
    ("hex", hex),
    ("fromhex", fromhex),
    ("count", count),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("startswith", startswith),
    ("endswith", endswith),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("lower", lower),
    ("upper", upper),
    ("swapcase", swapcase),
    ("title", title),
    ("capitalize", capitalize),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isascii", isascii),
    ("replace", replace),
    ("join", join),
    ("partition", partition),
    ("rpartition", rpartition),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("expandtabs", expandtabs),
    ("maketrans", maketrans),
    ("translate", translate),
    ("__len__", dunder_len),
    ("__iter__", dunder_iter),
    ("__getitem__", dunder_getitem),
    ("__contains__", dunder_contains),
];

/// The mutating methods `bytearray` has beyond [`BYTES`].
pub const BYTEARRAY: Table = &[
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("remove", remove),
    ("insert", insert),
    ("reverse", reverse),
    ("clear", clear),
    ("copy", copy),
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
];

// ---------- helpers ----------

/// The bytes of a bytes-like object (`bytes` or `bytearray`), `None` for anything else.
pub fn bytes_like<'a>(tx: &'a Tx, v: &'a Value) -> PyResult<Option<&'a [u8]>> {
    Ok(match v.payload() {
        Some(Payload::Bytes(b)) => Some(b),
        Some(Payload::ByteArray(c)) => Some(tx.read(c)?.as_slice()),
        // An instance of a bytes/bytearray subclass.
        Some(Payload::Instance(i)) => match &i.base {
            Some(b) => bytes_like(tx, b)?,
            None => None,
        },
        Some(Payload::Opaque(_, d)) => match d.downcast_ref::<super::memoryview::MemView>() {
            Some(m) => Some(m.bytes(tx)?),
            None => None,
        },
        _ => None,
    })
}

/// A required bytes-like argument (`a bytes-like object is required, not 'str'`).
pub fn arg_bytes<'a>(tx: &'a Tx, v: &'a Value) -> PyResult<&'a [u8]> {
    bytes_like(tx, v)?.ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

/// `self` of a method: its bytes and whether it is a bytearray (results keep its type).
fn this<'a>(tx: &'a Tx, args: &'a [Value], name: &str) -> PyResult<(&'a [u8], bool)> {
    let v = args
        .first()
        .ok_or_else(|| super::bad_self("bytes", name, args))?;
    let is_ba = matches!(v.payload(), Some(Payload::ByteArray(_)));
    match bytes_like(tx, v)? {
        Some(b) => Ok((b, is_ba)),
        None => Err(super::bad_self("bytes", name, args)),
    }
}

/// A bytes or bytearray value, as `is_ba` says.
fn make(is_ba: bool, b: Vec<u8>) -> Value {
    if is_ba {
        Value::bytearray(b)
    } else {
        Value::bytes(b)
    }
}

/// One byte from an int (`ValueError: byte must be in range(0, 256)`).
fn byte_of(v: &Value) -> PyResult<u8> {
    let i = ops::index_of(v)?;
    u8::try_from(i).map_err(|_| value_error("byte must be in range(0, 256)"))
}

/// The needle of `find`/`count`/`index`: bytes-like or a single byte as an int.
fn needle(tx: &Tx, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(tx, v)? {
        return Ok(b.to_vec());
    }
    if matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v.payload(), Some(Payload::BigInt(_)))
    {
        return Ok(vec![byte_of(v)?]);
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_name(v)
    )))
}

/// `[start:end]` of a search, clamped as CPython's `ADJUST_INDICES`; `None` when the
/// window is empty because start is past the end.
fn window(args: &[Value], from: usize, len: usize) -> PyResult<Option<(usize, usize)>> {
    let len = len as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = ops::index_of(v)?;
                Ok(if i < 0 {
                    (i + len).max(0)
                } else {
                    i.min(len + 1)
                })
            }
        }
    };
    let a = norm(args.get(from), 0)?;
    let b = norm(args.get(from + 1), len)?.min(len);
    if a > len || a > b {
        return Ok(None);
    }
    Ok(Some((a as usize, b as usize)))
}

fn find_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

/// Non-overlapping occurrences of `sub` (non-empty), left to right.
fn occurrences(hay: &[u8], sub: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + sub.len() <= hay.len() {
        if &hay[i..i + sub.len()] == sub {
            out.push(i);
            i += sub.len();
        } else {
            i += 1;
        }
    }
    out
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ---------- decoding, hex ----------

fn decode(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, _) = this(tx, args, "decode")?;
    arg_count("decode", args, 1, 3)?;
    let encoding = str_arg(
        args.get(1).or_else(|| kwarg(kw, "encoding")),
        "utf-8",
        "decode",
    )?;
    let errors = str_arg(
        args.get(2).or_else(|| kwarg(kw, "errors")),
        "strict",
        "decode",
    )?;
    Ok(Value::string(codecs::decode(b, encoding, errors)?))
}

/// An optional str argument (`encoding`, `errors`).
pub fn str_arg<'a>(v: Option<&'a Value>, default: &'a str, func: &str) -> PyResult<&'a str> {
    match v {
        None => Ok(default),
        Some(v) => v.payload_str().ok_or_else(|| {
            type_error(format!(
                "{func}() argument must be str, not {}",
                type_name(v)
            ))
        }),
    }
}

fn hex(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, _) = this(tx, args, "hex")?;
    let sep = args.get(1).or_else(|| kwarg(kw, "sep"));
    let per = match args.get(2).or_else(|| kwarg(kw, "bytes_per_sep")) {
        Some(v) => ops::index_of(v)?,
        None => 1,
    };
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let sep = match sep {
        None => return Ok(Value::string(digits.concat())),
        Some(s) => match (s.payload_str(), bytes_like(tx, s)?) {
            (Some(s), _) => s.to_string(),
            (None, Some(b)) => String::from_utf8_lossy(b).into_owned(),
            _ => return Err(type_error("sep must be str or bytes.")),
        },
    };
    if sep.chars().count() != 1 {
        return Err(value_error("sep must be length 1."));
    }
    if per == 0 || b.is_empty() {
        return Ok(Value::string(digits.concat()));
    }
    // Groups of `per` bytes, counted from the right when `per` is positive.
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = digits.len() % n;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        groups.extend(digits[first..].chunks(n).map(|c| c.concat()));
    } else {
        groups.extend(digits.chunks(n).map(|c| c.concat()));
    }
    Ok(Value::string(groups.join(&sep)))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (a classmethod: `args[0]` is the class).
fn fromhex(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("fromhex", args, 2, 2)?;
    let is_ba = args[0]
        .obj()
        .is_some_and(|c| c.is(&stmpy_core::types::types().bytearray));
    let s = args[1].payload_str().ok_or_else(|| {
        type_error(format!(
            "fromhex() argument must be str, not {}",
            type_name(&args[1])
        ))
    })?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )));
            }
            (None, _) => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )));
            }
        }
        i += 2;
    }
    Ok(make(is_ba, out))
}

// ---------- searching ----------

fn find_impl(tx: &Tx, args: &[Value], name: &str, rev: bool) -> PyResult<i64> {
    let (b, _) = this(tx, args, name)?;
    arg_count(name, args, 2, 4)?;
    let sub = needle(tx, &args[1])?;
    let Some((a, e)) = window(args, 2, b.len())? else {
        return Ok(-1);
    };
    let hay = &b[a..e];
    let found = if rev {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(found.map_or(-1, |i| (a + i) as i64))
}

fn find(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(tx, args, "find", false)?))
}

fn rfind(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(tx, args, "rfind", true)?))
}

fn index(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match find_impl(tx, args, "index", false)? {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match find_impl(tx, args, "rindex", true)? {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, _) = this(tx, args, "count")?;
    arg_count("count", args, 2, 4)?;
    let sub = needle(tx, &args[1])?;
    let Some((a, e)) = window(args, 2, b.len())? else {
        return Ok(Value::Int(0));
    };
    let hay = &b[a..e];
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    Ok(Value::Int(occurrences(hay, &sub).len() as i64))
}

fn affix_check(tx: &Tx, args: &[Value], name: &str, at_end: bool) -> PyResult<Value> {
    let (b, _) = this(tx, args, name)?;
    arg_count(name, args, 2, 4)?;
    let Some((a, e)) = window(args, 2, b.len())? else {
        return Ok(Value::Bool(false));
    };
    let part = &b[a..e];
    let check = |p: &[u8]| {
        if at_end {
            part.ends_with(p)
        } else {
            part.starts_with(p)
        }
    };
    if let Some(items) = args[1].as_tuple() {
        for it in items {
            let p = bytes_like(tx, it)?.ok_or_else(|| {
                type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(it)
                ))
            })?;
            if check(p) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match bytes_like(tx, &args[1])? {
        Some(p) => Ok(Value::Bool(check(p))),
        None => Err(type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            type_name(&args[1])
        ))),
    }
}

fn startswith(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    affix_check(tx, args, "startswith", false)
}

fn endswith(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    affix_check(tx, args, "endswith", true)
}

// ---------- splitting and joining ----------

fn split_args(tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<(Option<Vec<u8>>, i64)> {
    let sep = args.get(1).or_else(|| kwarg(kw, "sep"));
    let max = match args.get(2).or_else(|| kwarg(kw, "maxsplit")) {
        Some(v) => ops::index_of(v)?,
        None => -1,
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = arg_bytes(tx, v)?.to_vec();
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s)
        }
    };
    Ok((sep, max))
}

/// Splits on runs of ASCII whitespace, at most `max` times (negative: no limit), from
/// the left or (`rev`) the right; pieces in order.
fn split_whitespace(b: &[u8], max: i64, rev: bool) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = Vec::new();
    if rev {
        let mut end = b.len();
        loop {
            while end > 0 && is_space(b[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if max >= 0 && out.len() as i64 == max {
                out.push(&b[..end]);
                break;
            }
            let mut start = end;
            while start > 0 && !is_space(b[start - 1]) {
                start -= 1;
            }
            out.push(&b[start..end]);
            end = start;
        }
        out.reverse();
    } else {
        let mut start = 0;
        loop {
            while start < b.len() && is_space(b[start]) {
                start += 1;
            }
            if start == b.len() {
                break;
            }
            if max >= 0 && out.len() as i64 == max {
                out.push(&b[start..]);
                break;
            }
            let mut end = start;
            while end < b.len() && !is_space(b[end]) {
                end += 1;
            }
            out.push(&b[start..end]);
            start = end;
        }
    }
    out
}

/// Splits on `sep` at most `max` times, from the left or (`rev`) the right.
fn split_on<'a>(b: &'a [u8], sep: &[u8], max: i64, rev: bool) -> Vec<&'a [u8]> {
    let mut cuts = occurrences(b, sep);
    if rev {
        // Occurrences from the right can differ from the left's when `sep` overlaps
        // itself (`b"aaa".rsplit(b"aa")`): rescan backwards.
        cuts.clear();
        let mut end = b.len();
        while end >= sep.len() {
            if &b[end - sep.len()..end] == sep {
                cuts.push(end - sep.len());
                end -= sep.len();
            } else {
                end -= 1;
            }
        }
        if max >= 0 {
            cuts.truncate(max as usize);
        }
        cuts.reverse();
    } else if max >= 0 {
        cuts.truncate(max as usize);
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for c in cuts {
        out.push(&b[start..c]);
        start = c + sep.len();
    }
    out.push(&b[start..]);
    out
}

fn split_impl(tx: &Tx, args: &[Value], kw: &[(Value, Value)], rev: bool) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, if rev { "rsplit" } else { "split" })?;
    let (sep, max) = split_args(tx, args, kw)?;
    let parts = match &sep {
        None => split_whitespace(b, max, rev),
        Some(sep) => split_on(b, sep, max, rev),
    };
    Ok(Value::list_from(
        parts.into_iter().map(|p| make(is_ba, p.to_vec())).collect(),
    ))
}

fn split(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    split_impl(tx, args, kw, false)
}

fn rsplit(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    split_impl(tx, args, kw, true)
}

fn splitlines(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, "splitlines")?;
    let keep = match args.get(1).or_else(|| kwarg(kw, "keepends")) {
        Some(v) => ops::truthy(vm, tx, v)?,
        None => false,
    };
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut end = i + 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(make(is_ba, b[start..if keep { end } else { i }].to_vec()));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(make(is_ba, b[start..].to_vec()));
    }
    Ok(Value::list_from(out))
}

fn join(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (sep, is_ba) = this(tx, args, "join")?;
    let sep = sep.to_vec();
    arg_count("join", args, 2, 2)?;
    let items = crate::iter::collect(vm, tx, &args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_like(tx, it)? {
            Some(b) => out.extend_from_slice(b),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(it)
                )));
            }
        }
    }
    Ok(make(is_ba, out))
}

fn partition_impl(tx: &Tx, args: &[Value], name: &str, rev: bool) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, name)?;
    arg_count(name, args, 2, 2)?;
    let sep = arg_bytes(tx, &args[1])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if rev {
        rfind_sub(b, sep)
    } else {
        find_sub(b, sep)
    };
    let parts = match found {
        Some(i) => [&b[..i], sep, &b[i + sep.len()..]],
        None if rev => [&b[..0], &b[..0], b],
        None => [b, &b[..0], &b[..0]],
    };
    Ok(Value::tuple(
        parts.iter().map(|p| make(is_ba, p.to_vec())).collect(),
    ))
}

fn partition(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    partition_impl(tx, args, "partition", false)
}

fn rpartition(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    partition_impl(tx, args, "rpartition", true)
}

// ---------- stripping, padding, replacing ----------

fn strip_impl(tx: &Tx, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, name)?;
    arg_count(name, args, 1, 2)?;
    let chars: Option<&[u8]> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_bytes(tx, v)?),
    };
    let strip = |x: u8| match chars {
        None => is_space(x),
        Some(cs) => cs.contains(&x),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(b[e - 1]) {
            e -= 1;
        }
    }
    Ok(make(is_ba, b[s..e].to_vec()))
}

fn strip(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(tx, args, "strip", true, true)
}

fn lstrip(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(tx, args, "lstrip", true, false)
}

fn rstrip(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    strip_impl(tx, args, "rstrip", false, true)
}

/// Width and fill byte of `center`/`ljust`/`rjust`.
fn pad_args(tx: &Tx, args: &[Value], name: &str) -> PyResult<(usize, u8)> {
    arg_count(name, args, 2, 3)?;
    let w = ops::index_of(&args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match bytes_like(tx, v)? {
            Some([f]) => *f,
            _ => {
                return Err(type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_name(v)
                )));
            }
        },
    };
    Ok((w, fill))
}

fn pad(
    tx: &Tx,
    args: &[Value],
    name: &str,
    left_share: impl Fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, name)?;
    let (w, fill) = pad_args(tx, args, name)?;
    if w <= b.len() {
        return Ok(make(is_ba, b.to_vec()));
    }
    let total = w - b.len();
    let left = left_share(total, w);
    let mut out = vec![fill; left];
    out.extend_from_slice(b);
    out.resize(w, fill);
    Ok(make(is_ba, out))
}

fn center(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    // CPython: left = total/2 + (total & width & 1).
    pad(tx, args, "center", |total, w| total / 2 + (total & w & 1))
}

fn ljust(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pad(tx, args, "ljust", |_, _| 0)
}

fn rjust(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pad(tx, args, "rjust", |total, _| total)
}

fn zfill(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, "zfill")?;
    arg_count("zfill", args, 2, 2)?;
    let w = ops::index_of(&args[1])?.max(0) as usize;
    if w <= b.len() {
        return Ok(make(is_ba, b.to_vec()));
    }
    let (sign, rest) = match b.first() {
        Some(b'+' | b'-') => b.split_at(1),
        _ => (&b[..0], b),
    };
    let mut out = sign.to_vec();
    out.resize(w - rest.len(), b'0');
    out.extend_from_slice(rest);
    Ok(make(is_ba, out))
}

fn replace(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, "replace")?;
    arg_count("replace", args, 3, 4)?;
    let old = arg_bytes(tx, &args[1])?;
    let new = arg_bytes(tx, &args[2])?;
    let max = match args.get(3) {
        Some(v) => ops::index_of(v)?,
        None => -1,
    };
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        // An empty pattern matches before every byte and at the end.
        let mut n = 0;
        for (i, &x) in b.iter().enumerate() {
            if n < limit {
                out.extend_from_slice(new);
                n += 1;
            }
            out.push(x);
            let _ = i;
        }
        if n < limit {
            out.extend_from_slice(new);
        }
        return Ok(make(is_ba, out));
    }
    let mut start = 0;
    for pos in occurrences(b, old).into_iter().take(limit) {
        out.extend_from_slice(&b[start..pos]);
        out.extend_from_slice(new);
        start = pos + old.len();
    }
    out.extend_from_slice(&b[start..]);
    Ok(make(is_ba, out))
}

fn removeprefix(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, "removeprefix")?;
    arg_count("removeprefix", args, 2, 2)?;
    let p = arg_bytes(tx, &args[1])?;
    Ok(make(is_ba, b.strip_prefix(p).unwrap_or(b).to_vec()))
}

fn removesuffix(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, "removesuffix")?;
    arg_count("removesuffix", args, 2, 2)?;
    let p = arg_bytes(tx, &args[1])?;
    Ok(make(is_ba, b.strip_suffix(p).unwrap_or(b).to_vec()))
}

fn expandtabs(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, "expandtabs")?;
    let size = match args.get(1).or_else(|| kwarg(kw, "tabsize")) {
        Some(v) => ops::index_of(v)?.max(0) as usize,
        None => 8,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut col = 0;
    for &x in b {
        match x {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.resize(out.len() + n, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(x);
                col = 0;
            }
            _ => {
                out.push(x);
                col += 1;
            }
        }
    }
    Ok(make(is_ba, out))
}

fn maketrans(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("maketrans", args, 2, 2)?;
    let from = arg_bytes(tx, &args[0])?;
    let to = arg_bytes(tx, &args[1])?;
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(Value::bytes(table))
}

fn translate(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, "translate")?;
    arg_count("translate", args, 2, 3)?;
    let table = match &args[1] {
        Value::None => None,
        v => {
            let t = arg_bytes(tx, v)?;
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete: &[u8] = match args.get(2).or_else(|| kwarg(kw, "delete")) {
        Some(v) => arg_bytes(tx, v)?,
        None => &[],
    };
    let out = b
        .iter()
        .filter(|x| !delete.contains(x))
        .map(|&x| table.map_or(x, |t| t[x as usize]))
        .collect();
    Ok(make(is_ba, out))
}

// ---------- case and classes (ASCII only) ----------

fn map_bytes(tx: &Tx, args: &[Value], name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (b, is_ba) = this(tx, args, name)?;
    Ok(make(is_ba, f(b)))
}

fn lower(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    map_bytes(tx, args, "lower", |b| b.to_ascii_lowercase())
}

fn upper(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    map_bytes(tx, args, "upper", |b| b.to_ascii_uppercase())
}

fn swapcase(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    map_bytes(tx, args, "swapcase", |b| {
        b.iter()
            .map(|&x| {
                if x.is_ascii_uppercase() {
                    x.to_ascii_lowercase()
                } else {
                    x.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn title(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    map_bytes(tx, args, "title", |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&x| {
                let y = if prev_cased {
                    x.to_ascii_lowercase()
                } else {
                    x.to_ascii_uppercase()
                };
                prev_cased = x.is_ascii_alphabetic();
                y
            })
            .collect()
    })
}

fn capitalize(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    map_bytes(tx, args, "capitalize", |b| {
        b.iter()
            .enumerate()
            .map(|(i, &x)| {
                if i == 0 {
                    x.to_ascii_uppercase()
                } else {
                    x.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn pred(tx: &Tx, args: &[Value], name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let (b, _) = this(tx, args, name)?;
    Ok(Value::Bool(!b.is_empty() && f(b)))
}

fn isupper(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(tx, args, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(tx, args, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}

fn istitle(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(tx, args, "istitle", |b| {
        let (mut prev_cased, mut cased) = (false, false);
        for x in b {
            if x.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if x.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn isdigit(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(tx, args, "isdigit", |b| b.iter().all(u8::is_ascii_digit))
}

fn isalpha(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(tx, args, "isalpha", |b| {
        b.iter().all(u8::is_ascii_alphabetic)
    })
}

fn isalnum(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(tx, args, "isalnum", |b| {
        b.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn isspace(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(tx, args, "isspace", |b| b.iter().all(|&x| is_space(x)))
}

fn isascii(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (b, _) = this(tx, args, "isascii")?;
    Ok(Value::Bool(b.is_ascii()))
}

// ---------- protocol ----------

fn dunder_len(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__len__", args, 1, 1)?;
    Ok(Value::Int(ops::len(vm, tx, &args[0])? as i64))
}

fn dunder_iter(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__iter__", args, 1, 1)?;
    crate::iter::iter(vm, tx, &args[0])
}

fn dunder_getitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__getitem__", args, 2, 2)?;
    super::getitem(vm, tx, &args[0], &args[1])
}

fn dunder_contains(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    arg_count("__contains__", args, 2, 2)?;
    Ok(Value::Bool(ops::contains(vm, tx, &args[0], &args[1])?))
}

fn dunder_setitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__setitem__", args, 3, 3)?;
    super::setitem(vm, tx, &args[0], args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__delitem__", args, 2, 2)?;
    super::delitem(vm, tx, &args[0], &args[1])?;
    Ok(Value::None)
}

// ---------- bytearray mutation ----------

/// The buffer cell of a bytearray `self`.
fn cell<'a>(args: &'a [Value], name: &str) -> PyResult<&'a stmpy_core::stm::TVar<Vec<u8>>> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::ByteArray(c)) => Ok(c),
        _ => Err(super::bad_self("bytearray", name, args)),
    }
}

/// The bytes of `bytearray(x)`/`extend(x)`/slice assignment: a bytes-like object, or an
/// iterable of ints in range(256).
pub fn bytes_from_iterable(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(tx, v)? {
        return Ok(b.to_vec());
    }
    if v.payload_str().is_some() {
        return Err(type_error(
            "an integer or bytes-like object is required, not 'str'",
        ));
    }
    let items = crate::iter::collect(vm, tx, v)?;
    items.iter().map(byte_of).collect()
}

fn append(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "append")?;
    arg_count("append", args, 2, 2)?;
    let x = byte_of(&args[1])?;
    tx.modify(c, |b| b.push(x))?;
    Ok(Value::None)
}

fn extend(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "extend")?;
    arg_count("extend", args, 2, 2)?;
    let more = bytes_from_iterable(vm, tx, &args[1]).map_err(|e| {
        if args[1].payload_str().is_some() {
            type_error("expected iterable of integers; got: 'str'")
        } else {
            e
        }
    })?;
    tx.modify(c, |b| b.extend_from_slice(&more))?;
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "pop")?;
    arg_count("pop", args, 1, 2)?;
    let len = tx.read(c)?.len();
    if len == 0 {
        return Err(index_error("pop from empty bytearray"));
    }
    let i = match args.get(1) {
        Some(v) => {
            let i = ops::index_of(v)?;
            let j = if i < 0 { i + len as i64 } else { i };
            if j < 0 || j >= len as i64 {
                return Err(index_error("pop index out of range"));
            }
            j as usize
        }
        None => len - 1,
    };
    Ok(Value::Int(tx.modify(c, |b| b.remove(i))? as i64))
}

fn remove(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "remove")?;
    arg_count("remove", args, 2, 2)?;
    let x = byte_of(&args[1])?;
    match tx.read(c)?.iter().position(|&y| y == x) {
        Some(i) => {
            tx.modify(c, |b| b.remove(i))?;
            Ok(Value::None)
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn insert(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "insert")?;
    arg_count("insert", args, 3, 3)?;
    let i = ops::index_of(&args[1])?;
    let x = byte_of(&args[2])?;
    tx.modify(c, |b| {
        let n = b.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        b.insert(at as usize, x);
    })?;
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "reverse")?;
    tx.modify(c, |b| b.reverse())?;
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "clear")?;
    tx.modify(c, |b| b.clear())?;
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args, "copy")?;
    Ok(Value::bytearray(tx.read(c)?.clone()))
}
