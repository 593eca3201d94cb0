//! Methods of `str`, `str.format` and `str % args` (also `bytes % args`).

use stmpy_core::error::{PyResult, Unwind, index_error, type_error, value_error};
use stmpy_core::fmt::{self, percent};
use stmpy_core::stm::Tx;
use stmpy_core::str::PyStr;
use stmpy_core::types::{ExcKind, type_name};
use stmpy_core::unicode;
use stmpy_core::value::{Payload, Value};

use super::{Table, arg_count, kwarg};
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

pub const METHODS: Table = &[
    ("join", join),
    ("split", split),
    ("rsplit", rsplit),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("upper", upper),
    ("lower", lower),
    ("casefold", casefold),
    ("swapcase", swapcase),
    ("title", title),
    ("capitalize", capitalize),
    ("replace", replace),
    ("startswith", startswith),
    ("endswith", endswith),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("format", format),
    ("format_map", format_map),
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
    ("isascii", isascii),
    ("isprintable", isprintable),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("splitlines", splitlines),
    ("partition", partition),
    ("rpartition", rpartition),
    ("encode", encode),
    ("expandtabs", expandtabs),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("maketrans", maketrans),
    ("translate", translate),
    ("__len__", dunder_len),
    ("__contains__", dunder_contains),
    ("__getitem__", dunder_getitem),
    ("__add__", dunder_add),
    ("__mul__", dunder_mul),
    ("__eq__", dunder_eq),
    ("__lt__", dunder_lt),
    ("__hash__", dunder_hash),
    ("__str__", dunder_str),
    ("__repr__", dunder_repr),
    ("__format__", dunder_format),
    ("__iter__", dunder_iter),
    ("__mod__", dunder_mod),
];

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a PyStr> {
    args.first()
        .and_then(|v| v.as_str())
        .ok_or_else(|| super::bad_self("str", name, args))
}

fn arg_str<'a>(args: &'a [Value], i: usize, what: &str) -> PyResult<&'a str> {
    match args.get(i) {
        Some(v) => v
            .payload_str()
            .ok_or_else(|| type_error(format!("{what} arg must be None or str"))),
        None => Err(type_error(format!("{what} expected an argument"))),
    }
}

fn must_str<'a>(v: &'a Value, ctx: &str) -> PyResult<&'a str> {
    v.payload_str()
        .ok_or_else(|| type_error(format!("{ctx}must be str, not {}", type_name(v))))
}

fn join(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let sep = this(args, "join")?.as_str();
    arg_count("str.join", args, 2, 2)?;
    let items = crate::iter::collect(vm, tx, &args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match it.payload_str() {
            Some(s) => out.push_str(s),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(it)
                )));
            }
        }
    }
    Ok(Value::string(out))
}

fn split_args(args: &[Value], kw: &[(Value, Value)]) -> PyResult<(Option<String>, i64)> {
    let sep = args
        .get(1)
        .or_else(|| kwarg(kw, "sep"))
        .cloned()
        .unwrap_or_default();
    let maxsplit = args
        .get(2)
        .or_else(|| kwarg(kw, "maxsplit"))
        .cloned()
        .unwrap_or(Value::Int(-1));
    let sep = if sep.is_none() {
        None
    } else {
        let s = must_str(&sep, "")?.to_string();
        if s.is_empty() {
            return Err(value_error("empty separator"));
        }
        Some(s)
    };
    Ok((sep, ops::index_of(&maxsplit)?))
}

fn split(_vm: &mut Vm, _tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "split")?.as_str();
    let (sep, max) = split_args(args, kw)?;
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            if max < 0 {
                s.split(sep.as_str()).map(Value::str).collect()
            } else {
                s.splitn(max as usize + 1, sep.as_str())
                    .map(Value::str)
                    .collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(fmt::is_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(fmt::is_space).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start_matches(fmt::is_space);
            }
            out
        }
    };
    Ok(Value::list_from(parts))
}

fn rsplit(_vm: &mut Vm, _tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "rsplit")?.as_str();
    let (sep, max) = split_args(args, kw)?;
    let mut parts: Vec<Value> = match sep {
        Some(sep) => {
            if max < 0 {
                s.rsplit(sep.as_str()).map(Value::str).collect()
            } else {
                s.rsplitn(max as usize + 1, sep.as_str())
                    .map(Value::str)
                    .collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(fmt::is_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(Value::str(rest));
                    break;
                }
                let start = rest
                    .rfind(fmt::is_space)
                    .map(|i| i + rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1))
                    .unwrap_or(0);
                out.push(Value::str(&rest[start..]));
                rest = rest[..start].trim_end_matches(fmt::is_space);
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list_from(parts))
}

fn strip_chars(args: &[Value]) -> PyResult<Option<Vec<char>>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(must_str(v, "strip arg ")?.chars().collect())),
    }
}

fn strip(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "strip")?.as_str();
    Ok(Value::str(match strip_chars(args)? {
        None => s.trim_matches(fmt::is_space),
        Some(cs) => s.trim_matches(|c| cs.contains(&c)),
    }))
}

fn lstrip(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "lstrip")?.as_str();
    Ok(Value::str(match strip_chars(args)? {
        None => s.trim_start_matches(fmt::is_space),
        Some(cs) => s.trim_start_matches(|c| cs.contains(&c)),
    }))
}

fn rstrip(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "rstrip")?.as_str();
    Ok(Value::str(match strip_chars(args)? {
        None => s.trim_end_matches(fmt::is_space),
        Some(cs) => s.trim_end_matches(|c| cs.contains(&c)),
    }))
}

fn upper(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(this(args, "upper")?.as_str().to_uppercase()))
}

fn lower(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(this(args, "lower")?.as_str().to_lowercase()))
}

fn swapcase(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(unicode::swapcase(
        this(args, "swapcase")?.as_str(),
    )))
}

fn title(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(unicode::title(this(args, "title")?.as_str())))
}

fn capitalize(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(unicode::capitalize(
        this(args, "capitalize")?.as_str(),
    )))
}

fn casefold(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(unicode::casefold(
        this(args, "casefold")?.as_str(),
    )))
}

fn replace(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "replace")?.as_str();
    arg_count("replace", args, 3, 4)?;
    let old = must_str(&args[1], "replace() argument 1 ")?;
    let new = must_str(&args[2], "replace() argument 2 ")?;
    let count = match args.get(3) {
        Some(c) => ops::index_of(c)?,
        None => -1,
    };
    if count < 0 {
        return Ok(Value::string(s.replace(old, new)));
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        return Ok(Value::string(out));
    }
    Ok(Value::string(s.replacen(old, new, count as usize)))
}

/// Character-index bounds `[start, end)` from optional slice-like arguments.
fn bounds(s: &PyStr, args: &[Value], from: usize) -> PyResult<(usize, usize)> {
    let len = s.char_len() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = ops::index_of(v)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let a = norm(args.get(from), 0)?;
    let b = norm(args.get(from + 1), len)?;
    Ok((a as usize, b.max(a) as usize))
}

fn prefix_check(args: &[Value], name: &str, at_end: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    arg_count(name, args, 2, 4)?;
    let (a, b) = bounds(s, args, 2)?;
    if a > s.char_len() {
        return Ok(Value::Bool(false));
    }
    let sub = s.substring(a, b);
    let check = |p: &str| {
        if at_end {
            sub.ends_with(p)
        } else {
            sub.starts_with(p)
        }
    };
    match args[1].payload() {
        Some(Payload::Str(p)) => Ok(Value::Bool(check(p.as_str()))),
        Some(Payload::Tuple(items)) => {
            for it in items.iter() {
                if check(must_str(it, "tuple for startswith ")?) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        _ => Err(type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_name(&args[1])
        ))),
    }
}

fn startswith(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    prefix_check(args, "startswith", false)
}

fn endswith(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    prefix_check(args, "endswith", true)
}

fn char_index_of(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

fn find_impl(args: &[Value], name: &str, rev: bool) -> PyResult<i64> {
    let s = this(args, name)?;
    arg_count(name, args, 2, 4)?;
    let sub = must_str(&args[1], "must be str, not ")
        .map_err(|_| type_error(format!("must be str, not {}", type_name(&args[1]))))?;
    let (a, b) = bounds(s, args, 2)?;
    if let Some(Value::Int(start)) = args.get(2)
        && *start > s.char_len() as i64
    {
        return Ok(-1);
    }
    if a > s.char_len() || (b < a) {
        return Ok(-1);
    }
    let hay = s.substring(a, b);
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match found {
        Some(byte) => (a + char_index_of(hay, byte)) as i64,
        None => -1,
    })
}

fn find(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(args, "find", false)?))
}

fn rfind(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(args, "rfind", true)?))
}

fn index(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match find_impl(args, "index", false)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match find_impl(args, "rindex", true)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "count")?;
    arg_count("count", args, 2, 4)?;
    let sub = must_str(&args[1], "must be str, not ")?;
    let (a, b) = bounds(s, args, 2)?;
    let hay = s.substring(a, b);
    if sub.is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(sub).count() as i64))
}

fn pred(args: &[Value], name: &str, f: impl Fn(&str) -> bool) -> PyResult<Value> {
    let s = this(args, name)?.as_str();
    Ok(Value::Bool(!s.is_empty() && f(s)))
}

fn isdigit(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isdigit", |s| s.chars().all(unicode::is_digit))
}

fn isdecimal(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isdecimal", |s| s.chars().all(unicode::is_decimal))
}

fn isnumeric(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isnumeric", |s| s.chars().all(unicode::is_numeric))
}

fn isalpha(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isalpha", |s| s.chars().all(unicode::is_alpha))
}

fn isalnum(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isalnum", |s| s.chars().all(unicode::is_alnum))
}

fn isspace(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isspace", |s| s.chars().all(fmt::is_space))
}

fn isupper(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isupper", unicode::is_upper_str)
}

fn islower(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "islower", unicode::is_lower_str)
}

fn istitle(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "istitle", unicode::is_title_str)
}

fn isidentifier(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    pred(args, "isidentifier", |s| {
        let mut cs = s.chars();
        cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric())
    })
}

fn isascii(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(this(args, "isascii")?.is_ascii()))
}

fn isprintable(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(
        this(args, "isprintable")?
            .as_str()
            .chars()
            .all(fmt::is_printable),
    ))
}

fn pad_args(args: &[Value], name: &str) -> PyResult<(usize, char)> {
    arg_count(name, args, 2, 3)?;
    let w = ops::index_of(&args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(v) => {
            let f = must_str(v, "")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ));
                }
            }
        }
        None => ' ',
    };
    Ok((w, fill))
}

fn center(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "center")?;
    let (w, fill) = pad_args(args, "center")?;
    let n = s.char_len();
    if w <= n {
        return Ok(args[0].clone());
    }
    let total = w - n;
    // CPython: left = total/2 + (total & width & 1).
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    let f = |k| std::iter::repeat_n(fill, k).collect::<String>();
    Ok(Value::string(format!(
        "{}{}{}",
        f(left),
        s.as_str(),
        f(right)
    )))
}

fn ljust(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "ljust")?;
    let (w, fill) = pad_args(args, "ljust")?;
    let n = s.char_len();
    if w <= n {
        return Ok(args[0].clone());
    }
    Ok(Value::string(format!(
        "{}{}",
        s.as_str(),
        std::iter::repeat_n(fill, w - n).collect::<String>()
    )))
}

fn rjust(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "rjust")?;
    let (w, fill) = pad_args(args, "rjust")?;
    let n = s.char_len();
    if w <= n {
        return Ok(args[0].clone());
    }
    Ok(Value::string(format!(
        "{}{}",
        std::iter::repeat_n(fill, w - n).collect::<String>(),
        s.as_str()
    )))
}

fn zfill(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "zfill")?;
    arg_count("zfill", args, 2, 2)?;
    let w = ops::index_of(&args[1])?.max(0) as usize;
    let n = s.char_len();
    if w <= n {
        return Ok(args[0].clone());
    }
    let st = s.as_str();
    let (sign, rest) = if st.starts_with('+') || st.starts_with('-') {
        st.split_at(1)
    } else {
        ("", st)
    };
    Ok(Value::string(format!("{sign}{}{rest}", "0".repeat(w - n))))
}

fn splitlines(_vm: &mut Vm, _tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "splitlines")?.as_str();
    let keep = match args.get(1).or_else(|| kwarg(kw, "keepends")) {
        Some(Value::Bool(b)) => *b,
        Some(Value::Int(i)) => *i != 0,
        _ => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (pos, c) = bytes[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < bytes.len() && bytes[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep {
                &s[start..end]
            } else {
                &s[start..pos]
            }));
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list_from(out))
}

fn partition(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "partition")?.as_str();
    let sep = arg_str(args, 1, "partition")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(Value::tuple(match s.find(sep) {
        Some(i) => vec![
            Value::str(&s[..i]),
            Value::str(sep),
            Value::str(&s[i + sep.len()..]),
        ],
        None => vec![Value::str(s), Value::str(""), Value::str("")],
    }))
}

fn rpartition(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "rpartition")?.as_str();
    let sep = arg_str(args, 1, "rpartition")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(Value::tuple(match s.rfind(sep) {
        Some(i) => vec![
            Value::str(&s[..i]),
            Value::str(sep),
            Value::str(&s[i + sep.len()..]),
        ],
        None => vec![Value::str(""), Value::str(""), Value::str(s)],
    }))
}

fn encode(_vm: &mut Vm, _tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "encode")?.as_str();
    arg_count("encode", args, 1, 3)?;
    let str_arg = super::bytes_methods::str_arg;
    let encoding = str_arg(
        args.get(1).or_else(|| kwarg(kw, "encoding")),
        "utf-8",
        "encode",
    )?;
    let errors = str_arg(
        args.get(2).or_else(|| kwarg(kw, "errors")),
        "strict",
        "encode",
    )?;
    Ok(Value::bytes(super::codecs::encode(s, encoding, errors)?))
}

fn expandtabs(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "expandtabs")?.as_str();
    let size = match args.get(1) {
        Some(v) => ops::index_of(v)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn removeprefix(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "removeprefix")?.as_str();
    let p = arg_str(args, 1, "removeprefix")?;
    Ok(Value::str(s.strip_prefix(p).unwrap_or(s)))
}

fn removesuffix(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "removesuffix")?.as_str();
    let p = arg_str(args, 1, "removesuffix")?;
    Ok(Value::str(s.strip_suffix(p).unwrap_or(s)))
}

fn maketrans(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = Value::dict(stmpy_core::dict::DictData::new());
    match args.len() {
        1 => {
            for (k, v) in super::mapping_pairs(vm, tx, &args[0])? {
                let k = match k.payload_str() {
                    Some(s) => Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0)),
                    None => k,
                };
                super::dict_set(vm, tx, &d, k, v)?;
            }
        }
        2 | 3 => {
            let a: Vec<char> = must_str(&args[0], "")?.chars().collect();
            let b: Vec<char> = must_str(&args[1], "")?.chars().collect();
            if a.len() != b.len() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (x, y) in a.iter().zip(b.iter()) {
                super::dict_set(vm, tx, &d, Value::Int(*x as i64), Value::Int(*y as i64))?;
            }
            if let Some(z) = args.get(2) {
                for c in must_str(z, "")?.chars() {
                    super::dict_set(vm, tx, &d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return Err(type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(d)
}

fn translate(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "translate")?.as_str();
    arg_count("translate", args, 2, 2)?;
    let mut out = String::new();
    for c in s.chars() {
        match super::getitem(vm, tx, &args[1], &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => out.push(char::from_u32(i as u32).unwrap_or(c)),
            Ok(v) => out.push_str(v.payload_str().unwrap_or("")),
            Err(e) if e.is(ExcKind::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

fn dunder_len(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(ops::len(vm, tx, &args[0])? as i64))
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

fn dunder_getitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__getitem__", args, 2, 2)?;
    super::getitem(vm, tx, &args[0], &args[1])
}

fn dunder_add(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__add__", args, 2, 2)?;
    ops::binary(vm, tx, crate::bytecode::BinOp::Add, &args[0], &args[1])
}

fn dunder_mul(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__mul__", args, 2, 2)?;
    ops::binary(vm, tx, crate::bytecode::BinOp::Mul, &args[0], &args[1])
}

fn dunder_mod(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__mod__", args, 2, 2)?;
    ops::binary(
        vm,
        tx,
        crate::bytecode::BinOp::Remainder,
        &args[0],
        &args[1],
    )
}

fn dunder_eq(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__eq__", args, 2, 2)?;
    if args[0].as_str().is_some() && args[1].as_str().is_none() {
        return Ok(Value::Obj(
            stmpy_core::types::types().not_implemented.clone(),
        ));
    }
    Ok(Value::Bool(ops::eq(vm, tx, &args[0], &args[1])?))
}

fn dunder_lt(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__lt__", args, 2, 2)?;
    ops::compare(vm, tx, crate::bytecode::CmpOp::Lt, &args[0], &args[1])
}

fn dunder_hash(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(ops::hash(vm, tx, &args[0])?))
}

fn dunder_str(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(ops::str_of(vm, tx, &args[0])?))
}

fn dunder_repr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(ops::repr(vm, tx, &args[0])?))
}

fn dunder_format(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__format__", args, 2, 2)?;
    let spec = must_str(&args[1], "")?.to_string();
    Ok(Value::string(super::format_value(vm, tx, &args[0], &spec)?))
}

fn dunder_iter(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::iter::iter(vm, tx, &args[0])
}

// ---------- str.format ----------

fn format(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "format")?.as_str().to_string();
    let mut auto = 0usize;
    Ok(Value::string(format_impl(
        vm,
        tx,
        &s,
        &args[1..],
        kw,
        None,
        &mut auto,
        2,
    )?))
}

fn format_map(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = this(args, "format_map")?.as_str().to_string();
    arg_count("format_map", args, 2, 2)?;
    let mut auto = 0usize;
    Ok(Value::string(format_impl(
        vm,
        tx,
        &s,
        &[],
        &[],
        Some(&args[1]),
        &mut auto,
        2,
    )?))
}

#[allow(clippy::too_many_arguments)]
fn format_impl(
    vm: &mut Vm,
    tx: &Tx,
    s: &str,
    pos: &[Value],
    kw: &[(Value, Value)],
    mapping: Option<&Value>,
    auto: &mut usize,
    depth: u32,
) -> PyResult<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut manual = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces allowed in the spec).
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            // field_name[!conv][:spec]
            let (name_part, rest) = split_field(&field);
            let (conv, spec) = match rest.strip_prefix('!') {
                Some(r) => {
                    let mut cs = r.chars();
                    let conv = cs.next();
                    let after: String = cs.collect();
                    match after.strip_prefix(':') {
                        Some(sp) => (conv, sp.to_string()),
                        None if after.is_empty() => (conv, String::new()),
                        None => return Err(value_error("expected ':' after conversion specifier")),
                    }
                }
                None => (None, rest.strip_prefix(':').unwrap_or("").to_string()),
            };
            // Resolve the first part of the field name.
            let mut parts = split_accessors(&name_part);
            let first = parts.remove(0);
            let parts: Vec<Accessor> = parts.into_iter().flat_map(|p| p.accessors()).collect();
            let mut v = if first.is_empty() {
                if manual {
                    return Err(value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                let v = pos.get(*auto).cloned().ok_or_else(|| {
                    index_error(format!(
                        "Replacement index {} out of range for positional args tuple",
                        *auto
                    ))
                })?;
                *auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                manual = true;
                pos.get(n).cloned().ok_or_else(|| {
                    index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else {
                match mapping {
                    Some(m) => super::getitem(vm, tx, m, &Value::str(&first))?,
                    None => kwarg(kw, &first).cloned().ok_or_else(|| {
                        Unwind::with_args(ExcKind::KeyError, vec![Value::str(&first)])
                    })?,
                }
            };
            for acc in parts {
                v = match acc {
                    Accessor::Attr(a) => ops::getattr(vm, tx, &v, &Value::str(&a))?,
                    Accessor::Item(k) => {
                        let key = match k.parse::<i64>() {
                            Ok(n) => Value::Int(n),
                            Err(_) => Value::str(&k),
                        };
                        super::getitem(vm, tx, &v, &key)?
                    }
                };
            }
            let v = match conv {
                None => v,
                Some('r') => Value::string(ops::repr(vm, tx, &v)?),
                Some('s') => Value::string(ops::str_of(vm, tx, &v)?),
                Some('a') => Value::string(ops::ascii(vm, tx, &v)?),
                Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
            };
            let spec = if spec.contains('{') && depth > 0 {
                format_impl(vm, tx, &spec, pos, kw, mapping, auto, depth - 1)?
            } else {
                spec
            };
            out.push_str(&super::format_value(vm, tx, &v, &spec)?);
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn split_field(field: &str) -> (String, String) {
    let mut in_bracket = false;
    for (i, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => return (field[..i].to_string(), field[i..].to_string()),
            _ => {}
        }
    }
    (field.to_string(), String::new())
}

enum Accessor {
    Attr(String),
    Item(String),
}

fn split_accessors(name: &str) -> Vec<String> {
    // Returns the first name; accessors are parsed by `accessors`.
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let mut v = vec![name[..end].to_string()];
    v.extend(std::iter::once(name[end..].to_string()).filter(|s| !s.is_empty()));
    v
}

// `split_accessors` returns [first, rest]; expand `rest` lazily here.
trait IntoAccessors {
    fn accessors(self) -> Vec<Accessor>;
}

impl IntoAccessors for String {
    fn accessors(self) -> Vec<Accessor> {
        let mut out = Vec::new();
        let chars: Vec<char> = self.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '.' {
                let start = i + 1;
                i = start;
                while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    i += 1;
                }
                out.push(Accessor::Attr(chars[start..i].iter().collect()));
            } else if chars[i] == '[' {
                let start = i + 1;
                while i < chars.len() && chars[i] != ']' {
                    i += 1;
                }
                out.push(Accessor::Item(chars[start..i].iter().collect()));
                i += 1;
            } else {
                i += 1;
            }
        }
        out
    }
}

// ---------- % formatting ----------

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, tx: &Tx, fmt_s: &str, args: &Value) -> PyResult<String> {
    percent_impl(vm, tx, fmt_s, args, false)
}

/// `bytes % args`: the format is read as Latin-1 text, so every character of the
/// result is one byte (`%s` and `%b` take bytes-like objects, `%r`/`%a` are `ascii()`).
pub fn bytes_percent_format(vm: &mut Vm, tx: &Tx, fmt_b: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let fmt_s: String = fmt_b.iter().map(|&b| b as char).collect();
    let out = percent_impl(vm, tx, &fmt_s, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The text `%s`/`%b` inserts into `bytes % args`: the bytes of a bytes-like object or
/// of `__bytes__()`, as Latin-1.
fn percent_bytes_arg(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<String> {
    let latin1 = |b: &[u8]| b.iter().map(|&x| x as char).collect::<String>();
    if let Some(b) = super::bytes_methods::bytes_like(tx, v)? {
        return Ok(latin1(b));
    }
    if let Some(r) = ops::call_special(vm, tx, v, "__bytes__", &[])?
        && let Some(b) = super::bytes_methods::bytes_like(tx, &r)?
    {
        return Ok(latin1(b));
    }
    Err(type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        type_name(v)
    )))
}

fn percent_impl(vm: &mut Vm, tx: &Tx, fmt_s: &str, args: &Value, bytes: bool) -> PyResult<String> {
    let is_mapping = matches!(args.payload(), Some(Payload::Dict(_)))
        || (ops::is_user_instance(args)
            && ops::lookup_type(tx, stmpy_core::types::type_of(args), "__getitem__")?.is_some()
            && args.as_tuple().is_none());
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let mut next = 0usize;
    let mut out = String::new();
    let take = |next: &mut usize| -> PyResult<Value> {
        let v = items
            .get(*next)
            .cloned()
            .ok_or_else(|| type_error(percent::NOT_ENOUGH_ARGS))?;
        *next += 1;
        Ok(v)
    };
    let mut used_mapping = false;
    for piece in percent::parse(fmt_s) {
        match piece {
            percent::Piece::Literal(s) => out.push_str(&s),
            percent::Piece::Error(e) => return Err(e.into()),
            percent::Piece::Spec(mut spec) => {
                if spec.width == percent::Count::Star {
                    let w = take(&mut next)?;
                    let Value::Int(w) = w else {
                        return Err(type_error("* wants int"));
                    };
                    spec.set_star_width(w);
                }
                if spec.precision == percent::Count::Star {
                    let p = take(&mut next)?;
                    let Value::Int(p) = p else {
                        return Err(type_error("* wants int"));
                    };
                    spec.set_star_precision(p)?;
                }
                let v = match &spec.key {
                    Some(k) => {
                        if !is_mapping {
                            return Err(type_error(percent::NEEDS_MAPPING));
                        }
                        used_mapping = true;
                        super::getitem(vm, tx, args, &Value::str(k))?
                    }
                    None => take(&mut next)?,
                };
                let text = match spec.conversion {
                    'd' | 'i' | 'u' => {
                        let n = match &v {
                            Value::Float(f) => fmt::round_float_to_int(f.trunc()).ok(),
                            _ => stmpy_core::int::to_bigint(&v),
                        };
                        match n {
                            Some(n) => percent::format_int(&spec, &n)?,
                            None => {
                                if let Some(r) = ops::call_special(vm, tx, &v, "__int__", &[])?
                                    && let Some(n) = stmpy_core::int::to_bigint(&r)
                                {
                                    percent::format_int(&spec, &n)?
                                } else {
                                    return Err(percent::wrong_type(&spec, type_name(&v)).into());
                                }
                            }
                        }
                    }
                    'o' | 'x' | 'X' => match stmpy_core::int::to_bigint(&v) {
                        Some(n) => percent::format_int(&spec, &n)?,
                        None => return Err(percent::wrong_type(&spec, type_name(&v)).into()),
                    },
                    'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                        let f = match &v {
                            Value::Float(f) => *f,
                            _ if stmpy_core::int::to_bigint(&v).is_some() => {
                                stmpy_core::int::to_f64(&v)?
                            }
                            _ => return Err(percent::wrong_type(&spec, type_name(&v)).into()),
                        };
                        percent::format_float(&spec, f)
                    }
                    'c' if bytes => {
                        let one = super::bytes_methods::bytes_like(tx, &v)?
                            .filter(|b| b.len() == 1)
                            .map(|b| b[0]);
                        let byte = match (one, &v) {
                            (Some(b), _) => b,
                            (None, Value::Int(i)) if (0..256).contains(i) => *i as u8,
                            (None, Value::Int(_)) => {
                                return Err(stmpy_core::error::overflow_error(
                                    "%c arg not in range(256)",
                                ));
                            }
                            _ => {
                                return Err(type_error(
                                    "%c requires an integer in range(256) or a single byte",
                                ));
                            }
                        };
                        percent::format_char(&spec, byte as char)
                    }
                    's' | 'b' if bytes => {
                        percent::format_text(&spec, &percent_bytes_arg(vm, tx, &v)?)
                    }
                    'r' if bytes => percent::format_text(&spec, &ops::ascii(vm, tx, &v)?),
                    'c' => match (&v, v.payload_str()) {
                        (_, Some(s)) if s.chars().count() == 1 => {
                            percent::format_char(&spec, s.chars().next().unwrap_or(' '))
                        }
                        _ => match stmpy_core::int::to_bigint(&v) {
                            Some(n) => percent::format_char(&spec, percent::char_arg(&n)?),
                            None => return Err(percent::wrong_type(&spec, type_name(&v)).into()),
                        },
                    },
                    's' => percent::format_text(&spec, &ops::str_of(vm, tx, &v)?),
                    'r' => percent::format_text(&spec, &ops::repr(vm, tx, &v)?),
                    'a' => percent::format_text(&spec, &ops::ascii(vm, tx, &v)?),
                    _ => return Err(percent::unsupported(&spec).into()),
                };
                out.push_str(&text);
            }
        }
    }
    if !used_mapping && !is_mapping && next < items.len() {
        return Err(type_error(percent::NOT_ALL_CONVERTED));
    }
    Ok(out)
}
