//! `_re`: the matching core of `re` (the Python side is `vm/lib/re.py`).
//!
//! A compiled pattern is an immutable `fancy-regex` program (see [`super::re_translate`]
//! for the syntax translation), shared freely between threads. Matching returns spans as
//! flat tuples of *character* indices (`-1` for a group that did not participate); the
//! engine works in UTF-8 byte offsets, converted here.
//!
//! `match` and `fullmatch` compile variants on first use: `\G(?:p)` anchors at the start
//! position, `\G(?:p)\z` also at the end (the subject is cut at `endpos` first, which is
//! CPython's meaning of `endpos`).

use std::sync::OnceLock;

use fancy_regex::Regex;
use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::ExcKind;
use stmpy_core::value::{ObjRef, Payload, Value};

use super::re_translate::translate;
use crate::builtins::{Table, make_builtin_type};
use crate::call::StrValue;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("compile", compile),
    ("search", search),
    ("find_all", find_all),
];

/// Backtracking budget per match; past it the match raises instead of hanging forever
/// (CPython would keep going; this is a documented difference).
const BACKTRACK_LIMIT: usize = 10_000_000;

struct Compiled {
    translated: String,
    search: Regex,
    anchored: OnceLock<Result<Regex, String>>,
    full: OnceLock<Result<Regex, String>>,
}

fn state_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| make_builtin_type("re_program"))
}

fn build(p: &str) -> Result<Regex, String> {
    fancy_regex::RegexBuilder::new(p)
        .backtrack_limit(BACKTRACK_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

fn program(v: Option<&Value>) -> PyResult<&Compiled> {
    if let Some(Payload::Opaque(_, d)) = v.and_then(|v| v.payload())
        && let Some(c) = d.downcast_ref::<Compiled>()
    {
        return Ok(c);
    }
    Err(type_error("expected a compiled pattern"))
}

fn str_arg(v: Option<&Value>) -> PyResult<&str> {
    v.and_then(|v| v.payload_str())
        .ok_or_else(|| type_error("expected string or bytes-like object"))
}

fn int_arg(v: Option<&Value>, default: i64) -> i64 {
    match v {
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => i64::from(*b),
        _ => default,
    }
}

/// `compile(pattern, flags)` → `(program, groups, [(name, index), ...])`; a bad pattern
/// raises `ValueError(message)`, turned into `re.error` by the Python side.
fn compile(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let pattern = str_arg(args.first())?;
    let flags = int_arg(args.get(1), 0);
    let t = translate(pattern, flags).map_err(value_error)?;
    let search = build(&t.pattern).map_err(value_error)?;
    let names = t
        .names
        .iter()
        .map(|(n, i)| Value::tuple(vec![Value::str(n), Value::Int(*i as i64)]))
        .collect();
    let prog = Compiled {
        translated: t.pattern,
        search,
        anchored: OnceLock::new(),
        full: OnceLock::new(),
    };
    Ok(Value::tuple(vec![
        Value::Obj(ObjRef::new(Payload::Opaque(
            state_type().clone(),
            Box::new(prog),
        ))),
        Value::Int(t.groups as i64),
        Value::list_from(names),
    ]))
}

/// Character ↔ byte offsets of one subject string (identity for ASCII).
struct Offsets<'a> {
    s: &'a str,
    /// Byte offset of each char, plus the length; empty for ASCII text.
    starts: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(s: &'a str) -> Self {
        let starts = if s.is_ascii() {
            Vec::new()
        } else {
            s.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(s.len()))
                .collect()
        };
        Offsets { s, starts }
    }
    fn chars(&self) -> usize {
        if self.starts.is_empty() {
            self.s.len()
        } else {
            self.starts.len() - 1
        }
    }
    fn byte(&self, ch: usize) -> usize {
        if self.starts.is_empty() {
            ch
        } else {
            self.starts[ch]
        }
    }
    fn char(&self, b: usize) -> usize {
        if self.starts.is_empty() {
            b
        } else {
            self.starts.binary_search(&b).unwrap_or_else(|i| i)
        }
    }
}

/// Clamps `pos`/`endpos` like CPython (negative counts from 0, past the end clamps).
fn bounds(args: &[Value], off: &Offsets) -> (usize, usize) {
    let n = off.chars() as i64;
    let pos = int_arg(args.get(2), 0).clamp(0, n);
    let end = int_arg(args.get(3), n).clamp(0, n);
    (pos as usize, end.max(pos) as usize)
}

fn engine_error(e: fancy_regex::Error) -> Unwind {
    Unwind::new(
        ExcKind::RuntimeError,
        format!("regular expression engine: {e}"),
    )
}

/// One match at or after byte `from` in `hay`: flat char-index spans.
fn run(
    re: &Regex,
    hay: &str,
    from: usize,
    off: &Offsets,
    groups: usize,
) -> PyResult<Option<Vec<i64>>> {
    let Some(caps) = re.captures_from_pos(hay, from).map_err(engine_error)? else {
        return Ok(None);
    };
    let mut spans = Vec::with_capacity(2 * (groups + 1));
    for g in 0..=groups {
        match caps.get(g) {
            Some(m) => {
                spans.push(off.char(m.start()) as i64);
                spans.push(off.char(m.end()) as i64);
            }
            None => {
                spans.push(-1);
                spans.push(-1);
            }
        }
    }
    Ok(Some(spans))
}

fn spans_value(spans: Vec<i64>) -> Value {
    Value::tuple(spans.into_iter().map(Value::Int).collect())
}

fn variant(
    cell: &OnceLock<Result<Regex, String>>,
    make: impl FnOnce() -> String,
) -> PyResult<&Regex> {
    cell.get_or_init(|| build(&make()))
        .as_ref()
        .map_err(|e| value_error(e.clone()))
}

/// `search(program, string, pos, endpos, mode, groups)`: mode 0 search, 1 match,
/// 2 fullmatch. Returns the spans tuple or None.
fn search(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let prog = program(args.first())?;
    let s = str_arg(args.get(1))?;
    let off = Offsets::new(s);
    let (pos, end) = bounds(args, &off);
    let mode = int_arg(args.get(4), 0);
    let groups = int_arg(args.get(5), 0).max(0) as usize;
    let hay = &s[..off.byte(end)];
    let re = match mode {
        0 => &prog.search,
        1 => variant(&prog.anchored, || format!("\\G(?:{})", prog.translated))?,
        _ => variant(&prog.full, || format!("\\G(?:{})\\z", prog.translated))?,
    };
    Ok(match run(re, hay, off.byte(pos), &off, groups)? {
        Some(sp) => spans_value(sp),
        None => Value::None,
    })
}

/// `find_all(program, string, pos, endpos, groups)`: the spans of every non-overlapping
/// match, left to right; an empty match right after an empty match is skipped, as in
/// CPython (see ARCHITECTURE.md for the one case that differs).
fn find_all(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let prog = program(args.first())?;
    let s = str_arg(args.get(1))?;
    let off = Offsets::new(s);
    let n = off.chars() as i64;
    let pos = int_arg(args.get(2), 0).clamp(0, n) as usize;
    let end = (int_arg(args.get(3), n).clamp(0, n) as usize).max(pos);
    let groups = int_arg(args.get(4), 0).max(0) as usize;
    let hay = &s[..off.byte(end)];
    let mut out = Vec::new();
    let mut at = pos;
    let mut last_empty_at: Option<usize> = None;
    while at <= end {
        let Some(mut sp) = run(&prog.search, hay, off.byte(at), &off, groups)? else {
            break;
        };
        if sp[0] == sp[1] && last_empty_at == Some(sp[0] as usize) {
            // Must advance: look again one character on.
            if at >= end {
                break;
            }
            match run(&prog.search, hay, off.byte(at + 1), &off, groups)? {
                Some(next) => sp = next,
                None => break,
            }
        }
        let (ms, me) = (sp[0] as usize, sp[1] as usize);
        last_empty_at = (ms == me).then_some(me);
        at = me;
        out.push(spans_value(sp));
        if ms == me && at > end {
            break;
        }
    }
    Ok(Value::list_from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_chars_to_bytes_and_back() {
        let o = Offsets::new("aé€b");
        assert_eq!(o.chars(), 4);
        assert_eq!(o.byte(2), 3);
        assert_eq!(o.char(6), 3);
        let a = Offsets::new("abc");
        assert_eq!((a.chars(), a.byte(2), a.char(2)), (3, 2, 2));
    }

    #[test]
    fn anchored_variant_only_matches_at_the_start_position() {
        let re = build(r"\G(?:b+)").unwrap();
        assert!(re.captures_from_pos("abb", 0).unwrap().is_none());
        let m = re.captures_from_pos("abb", 1).unwrap().unwrap();
        assert_eq!(m.get(0).unwrap().range(), 1..3);
    }
}
