//! `_struct`: `struct.pack`/`unpack`/`calcsize` with CPython 3.11's layouts and messages.
//!
//! A format is parsed into runs of one code each ([`Layout`]). Sizes and alignment
//! follow CPython on x86-64 Linux: `@` (the default) uses native sizes and aligns each
//! item to its size; `=`, `<`, `>` and `!` use the standard sizes with no alignment.
//!
//! The range-check messages differ by code and byte order because CPython's tables
//! differ: on a little-endian machine the `<`/`=` tables reuse the native packers
//! where the sizes agree (hence `short format requires ...` for `<h` but
//! `'h' format requires ...` for `>h`), and 8-byte big-endian integers go through
//! `_PyLong_AsByteArray` (`int too large to convert`). [`int_range`] encodes that.

use std::sync::OnceLock;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, new_exception, overflow_error, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{ExcKind, type_name, types};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::builtins::Table;
use crate::call::StrValue;
use crate::modules::set_attr;
use crate::ops;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("calcsize", calcsize),
    ("pack", pack),
    ("unpack", unpack),
    ("unpack_from", unpack_from),
    ("iter_unpack", iter_unpack),
];

/// `struct.error`: one class per process, made on first use.
fn error_class(tx: &Tx) -> PyResult<ObjRef> {
    static ERROR: OnceLock<ObjRef> = OnceLock::new();
    if let Some(c) = ERROR.get() {
        return Ok(c.clone());
    }
    let mut ns = DictData::new();
    let k = Value::str("__module__");
    let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
    ns.insert_str(k, h, Value::str("struct"));
    let c = crate::builtins::funcs::make_class(
        tx,
        "error",
        vec![types().exc(ExcKind::Exception).clone()],
        ns,
    )?;
    let _ = ERROR.set(c);
    Ok(ERROR.get().cloned().unwrap_or_else(|| unreachable!()))
}

fn error(tx: &Tx, msg: impl Into<String>) -> Unwind {
    match error_class(tx) {
        Ok(c) => Unwind::Exc(new_exception(&c, vec![Value::string(msg.into())])),
        Err(e) => e,
    }
}

pub fn init(_vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    set_attr(tx, g, "error", Value::Obj(error_class(tx)?))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `@`: native sizes, alignment, byte order.
    Native,
    /// `=` and `<`: standard sizes, little-endian (this machine's order).
    Little,
    /// `>` and `!`.
    Big,
}

/// One run of a format: `count` items of `code` (for `s`/`p`, one item of `count` bytes).
struct Run {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

struct Layout {
    mode: Mode,
    runs: Vec<Run>,
    size: usize,
    /// How many values `pack` takes and `unpack` returns.
    items: usize,
}

/// Size of one item of `code` in `mode`, or `None` for a code `mode` lacks.
fn code_size(code: u8, mode: Mode) -> Option<usize> {
    let native = mode == Mode::Native;
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn format_text(tx: &Tx, v: &Value) -> PyResult<String> {
    if let Some(s) = v.payload_str() {
        return Ok(s.to_string());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    let _ = tx;
    Err(type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        type_name(v)
    )))
}

fn parse(tx: &Tx, fmt: &str) -> PyResult<Layout> {
    let b = fmt.as_bytes();
    let (mode, mut i) = match b.first() {
        Some(b'@') => (Mode::Native, 1),
        Some(b'=' | b'<') => (Mode::Little, 1),
        Some(b'>' | b'!') => (Mode::Big, 1),
        _ => (Mode::Native, 0),
    };
    let mut runs = Vec::new();
    let mut offset = 0usize;
    let mut items = 0usize;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(b[i] - b'0')))
                    .ok_or_else(|| error(tx, "total struct size too long"))?;
                i += 1;
            }
            if i >= b.len() {
                return Err(error(tx, "repeat count given without format specifier"));
            }
            count = n;
        }
        let code = b[i];
        i += 1;
        let size = code_size(code, mode).ok_or_else(|| error(tx, "bad char in struct format"))?;
        if mode == Mode::Native && !matches!(code, b's' | b'p' | b'x') {
            offset = offset.div_ceil(size) * size;
        }
        let total = size
            .checked_mul(count)
            .ok_or_else(|| error(tx, "total struct size too long"))?;
        match code {
            b'x' => {}
            b's' | b'p' => items += 1,
            _ => items += count,
        }
        runs.push(Run {
            code,
            count,
            offset,
            size,
        });
        offset = offset
            .checked_add(total)
            .ok_or_else(|| error(tx, "total struct size too long"))?;
    }
    Ok(Layout {
        mode,
        runs,
        size: offset,
        items,
    })
}

fn layout_arg(tx: &Tx, args: &[Value], func: &str) -> PyResult<Layout> {
    let f = args.first().ok_or_else(|| {
        type_error(format!(
            "{func}() missing required argument 'format' (pos 1)"
        ))
    })?;
    parse(tx, &format_text(tx, f)?)
}

fn calcsize(_vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(layout_arg(tx, args, "calcsize")?.size as i64))
}

// ---------- packing ----------

/// An integer argument: ints, bools and `__index__` objects (never floats).
fn int_value(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = stmpy_core::int::to_bigint(v) {
        return Ok(b);
    }
    if !matches!(v, Value::Float(_) | Value::None)
        && let Some(r) = ops::call_special(vm, tx, v, "__index__", &[])?
        && let Some(b) = stmpy_core::int::to_bigint(&r)
    {
        return Ok(b);
    }
    Err(error(tx, "required argument is not an integer"))
}

/// The range check of `code` in `mode`: `(lo, hi, message)` where an argument outside
/// `[lo, hi]` raises `message`, then `(lo2, hi2, message2)` for the item's own range.
fn int_range(code: u8, mode: Mode) -> (i128, i128, String) {
    const I64: (i128, i128) = (i64::MIN as i128, i64::MAX as i128);
    const U64: (i128, i128) = (0, u64::MAX as i128);
    let out = "argument out of range".to_string();
    let big8 = "int too large to convert".to_string();
    // (first check, its message) — the conversion to a C long / unsigned long.
    let ((lo, hi), msg) = match (code, mode) {
        (b'q' | b'Q', Mode::Big) => (if code == b'q' { I64 } else { U64 }, big8),
        (b'P', _) => ((i64::MIN as i128, u64::MAX as i128), big8),
        (b'H', Mode::Big) | (b'I' | b'L' | b'Q' | b'N', _) => (U64, out),
        _ => (I64, out),
    };
    (lo, hi, msg)
}

/// The item's own range and message after the first check passed (`None`: fits).
fn item_range(code: u8, mode: Mode) -> Option<(i128, i128, String)> {
    let named = |name: &str, lo: i128, hi: i128| {
        Some((
            lo,
            hi,
            format!("{name} format requires {lo} <= number <= {hi}"),
        ))
    };
    let quoted = |lo: i128, hi: i128| {
        Some((
            lo,
            hi,
            format!("'{}' format requires {lo} <= number <= {hi}", code as char),
        ))
    };
    let big = mode == Mode::Big;
    match code {
        b'b' => named("byte", -128, 127),
        b'B' => named("ubyte", 0, 255),
        b'h' if big => quoted(-32768, 32767),
        b'h' => named("short", -32768, 32767),
        b'H' if big => quoted(0, 65535),
        b'H' => named("ushort", 0, 65535),
        b'i' => quoted(i32::MIN as i128, i32::MAX as i128),
        b'I' => quoted(0, u32::MAX as i128),
        b'l' if mode != Mode::Native => quoted(i32::MIN as i128, i32::MAX as i128),
        b'L' if mode != Mode::Native => quoted(0, u32::MAX as i128),
        _ => None,
    }
}

fn pack_int(
    vm: &mut Vm,
    tx: &Tx,
    code: u8,
    mode: Mode,
    size: usize,
    v: &Value,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    let b = int_value(vm, tx, v)?;
    let (lo, hi, msg) = int_range(code, mode);
    let n = match b.to_i128() {
        Some(n) if n >= lo && n <= hi => n,
        _ => return Err(error(tx, msg)),
    };
    if let Some((lo, hi, msg)) = item_range(code, mode)
        && (n < lo || n > hi)
    {
        return Err(error(tx, msg));
    }
    let bytes = n.to_le_bytes();
    if mode == Mode::Big {
        out.extend(bytes[..size].iter().rev());
    } else {
        out.extend_from_slice(&bytes[..size]);
    }
    Ok(())
}

fn float_value(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<f64> {
    if let Some(Payload::BigInt(b)) = v.payload() {
        return match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(error(tx, "int too large to convert")),
        };
    }
    match super::args::to_f64(vm, tx, v) {
        Ok(f) => Ok(f),
        Err(e) if e.is(ExcKind::TypeError) => Err(error(tx, "required argument is not a float")),
        Err(e) => Err(e),
    }
}

/// IEEE 754 binary16 bits of `x`, rounded half to even; `None` when too large.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a >= 65520.0 {
        return None;
    }
    if a < 2f64.powi(-14) {
        // Subnormal: units of 2^-24; 1024 units carry into the smallest normal.
        let m = (a * 2f64.powi(24)).round_ties_even() as u16;
        return Some(sign | m);
    }
    let mut e = a.log2().floor() as i32;
    // log2 may be off by one near powers of two.
    if 2f64.powi(e) > a {
        e -= 1;
    } else if 2f64.powi(e + 1) <= a {
        e += 1;
    }
    let mut m = (a / 2f64.powi(e - 10)).round_ties_even() as u32;
    if m == 2048 {
        m = 1024;
        e += 1;
    }
    Some(sign | (((e + 15) as u16) << 10) | (m as u16 - 1024))
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let m = f64::from(h & 0x3ff);
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn put(mode: Mode, le: &[u8], out: &mut Vec<u8>) {
    if mode == Mode::Big {
        out.extend(le.iter().rev());
    } else {
        out.extend_from_slice(le);
    }
}

fn bytes_of<'a>(tx: &'a Tx, v: &'a Value) -> PyResult<Option<&'a [u8]>> {
    crate::builtins::bytes_methods::bytes_like(tx, v)
}

fn pack_one(
    vm: &mut Vm,
    tx: &Tx,
    mode: Mode,
    run: &Run,
    v: &Value,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    match run.code {
        b'?' => {
            let t = ops::truthy(vm, tx, v)?;
            out.push(u8::from(t));
        }
        b'c' => match bytes_of(tx, v)? {
            Some(b) if b.len() == 1 => out.push(b[0]),
            _ => {
                return Err(error(tx, "char format requires a bytes object of length 1"));
            }
        },
        b'f' => {
            let f = float_value(vm, tx, v)?;
            let s = f as f32;
            if s.is_infinite() && f.is_finite() {
                return Err(overflow_error("float too large to pack with f format"));
            }
            put(mode, &s.to_le_bytes(), out);
        }
        b'd' => {
            let f = float_value(vm, tx, v)?;
            put(mode, &f.to_le_bytes(), out);
        }
        b'e' => {
            let f = float_value(vm, tx, v)?;
            // CPython reports an int argument's overflow as a conversion error.
            let is_int =
                matches!(v, Value::Int(_)) || matches!(v.payload(), Some(Payload::BigInt(_)));
            let h = f64_to_half(f).ok_or_else(|| {
                if is_int {
                    error(tx, "int too large to convert")
                } else {
                    overflow_error("float too large to pack with e format")
                }
            })?;
            put(mode, &h.to_le_bytes(), out);
        }
        code => pack_int(vm, tx, code, mode, run.size, v, out)?,
    }
    Ok(())
}

fn pack_into_vec(
    vm: &mut Vm,
    tx: &Tx,
    l: &Layout,
    vals: &[Value],
    func: &str,
) -> PyResult<Vec<u8>> {
    if vals.len() != l.items {
        return Err(error(
            tx,
            format!(
                "{func} expected {} items for packing (got {})",
                l.items,
                vals.len()
            ),
        ));
    }
    let mut out = Vec::with_capacity(l.size);
    let mut vi = vals.iter();
    for run in &l.runs {
        out.resize(run.offset, 0);
        match run.code {
            b'x' => out.resize(run.offset + run.count, 0),
            b's' | b'p' => {
                let v = vi.next().cloned().unwrap_or(Value::None);
                let data = bytes_of(tx, &v)?.ok_or_else(|| {
                    error(
                        tx,
                        format!("argument for '{}' must be a bytes object", run.code as char),
                    )
                })?;
                if run.code == b's' {
                    let n = data.len().min(run.count);
                    out.extend_from_slice(&data[..n]);
                    out.resize(run.offset + run.count, 0);
                } else if run.count > 0 {
                    let n = data.len().min(run.count - 1);
                    out.push(n.min(255) as u8);
                    out.extend_from_slice(&data[..n]);
                    out.resize(run.offset + run.count, 0);
                }
            }
            _ => {
                for _ in 0..run.count {
                    let v = vi.next().cloned().unwrap_or(Value::None);
                    pack_one(vm, tx, l.mode, run, &v, &mut out)?;
                }
            }
        }
    }
    out.resize(l.size, 0);
    Ok(out)
}

fn pack(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let l = layout_arg(tx, args, "pack")?;
    let out = pack_into_vec(vm, tx, &l, &args[1..], "pack")?;
    Ok(Value::bytes(out))
}

// ---------- unpacking ----------

fn buffer_arg<'a>(tx: &'a Tx, v: Option<&'a Value>) -> PyResult<&'a [u8]> {
    match v {
        Some(v) => bytes_of(tx, v)?.ok_or_else(|| {
            type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(v)
            ))
        }),
        None => Err(type_error("unpack expected 2 arguments, got 1")),
    }
}

fn get_le<const N: usize>(mode: Mode, b: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    a.copy_from_slice(&b[..N]);
    if mode == Mode::Big {
        a.reverse();
    }
    a
}

fn unpack_one(mode: Mode, code: u8, b: &[u8]) -> Value {
    match code {
        b'?' => Value::Bool(b[0] != 0),
        b'c' => Value::bytes(vec![b[0]]),
        b'b' => Value::Int(i64::from(b[0] as i8)),
        b'B' => Value::Int(i64::from(b[0])),
        b'h' => Value::Int(i64::from(i16::from_le_bytes(get_le(mode, b)))),
        b'H' => Value::Int(i64::from(u16::from_le_bytes(get_le(mode, b)))),
        b'e' => Value::Float(half_to_f64(u16::from_le_bytes(get_le(mode, b)))),
        b'f' => Value::Float(f64::from(f32::from_le_bytes(get_le(mode, b)))),
        b'd' => Value::Float(f64::from_le_bytes(get_le(mode, b))),
        b'i' => Value::Int(i64::from(i32::from_le_bytes(get_le(mode, b)))),
        b'I' => Value::Int(i64::from(u32::from_le_bytes(get_le(mode, b)))),
        b'l' | b'L' if mode != Mode::Native => {
            let u = u32::from_le_bytes(get_le(mode, b));
            if code == b'l' {
                Value::Int(i64::from(u as i32))
            } else {
                Value::Int(i64::from(u))
            }
        }
        b'l' | b'q' | b'n' => Value::Int(i64::from_le_bytes(get_le(mode, b))),
        _ => Value::from_bigint(BigInt::from(u64::from_le_bytes(get_le(mode, b)))),
    }
}

fn unpack_at(l: &Layout, buf: &[u8]) -> Value {
    let mut vals = Vec::with_capacity(l.items);
    for run in &l.runs {
        let at = &buf[run.offset..];
        match run.code {
            b'x' => {}
            b's' => vals.push(Value::bytes(at[..run.count].to_vec())),
            b'p' => {
                let n = if run.count == 0 {
                    0
                } else {
                    usize::from(at[0]).min(run.count - 1)
                };
                vals.push(Value::bytes(
                    at[1.min(run.count)..1.min(run.count) + n].to_vec(),
                ));
            }
            code => {
                for k in 0..run.count {
                    vals.push(unpack_one(l.mode, code, &at[k * run.size..]));
                }
            }
        }
    }
    Value::tuple(vals)
}

fn unpack(_vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let l = layout_arg(tx, args, "unpack")?;
    let buf = buffer_arg(tx, args.get(1))?;
    if buf.len() != l.size {
        return Err(error(
            tx,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    Ok(unpack_at(&l, buf))
}

fn unpack_from(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = layout_arg(tx, args, "unpack_from")?;
    let bufv = args.get(1).or_else(|| crate::builtins::kwarg(kw, "buffer"));
    let buf = buffer_arg(tx, bufv)?;
    let off = match args.get(2).or_else(|| crate::builtins::kwarg(kw, "offset")) {
        Some(v) => super::args::to_i64(vm, tx, v)?,
        None => 0,
    };
    let len = buf.len() as i64;
    let start = if off < 0 {
        if off + len < 0 {
            return Err(error(
                tx,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off + len
    } else {
        off
    };
    if len - start < l.size as i64 {
        let msg = if off < 0 {
            format!("not enough data to unpack {} bytes at offset {off}", l.size)
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {len})",
                l.size as i64 + off,
                l.size
            )
        };
        return Err(error(tx, msg));
    }
    Ok(unpack_at(&l, &buf[start as usize..]))
}

fn iter_unpack(_vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let l = layout_arg(tx, args, "iter_unpack")?;
    let buf = buffer_arg(tx, args.get(1))?;
    if l.size == 0 {
        return Err(error(
            tx,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if buf.len() % l.size != 0 {
        return Err(error(
            tx,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                l.size
            ),
        ));
    }
    let out: Vec<Value> = buf.chunks(l.size).map(|c| unpack_at(&l, c)).collect();
    Ok(Value::list_from(out))
}

#[cfg(test)]
mod tests {
    use super::{f64_to_half, half_to_f64};

    #[test]
    fn half_round_trips_and_rounds_to_even() {
        // Values from CPython: struct.pack('<e', x).
        assert_eq!(f64_to_half(1.0), Some(0x3c00));
        assert_eq!(f64_to_half(1.5), Some(0x3e00));
        assert_eq!(f64_to_half(65504.0), Some(0x7bff));
        assert_eq!(f64_to_half(65520.0), None);
        assert_eq!(f64_to_half(5.960464477539063e-08), Some(0x0001));
        assert_eq!(f64_to_half(-2.0), Some(0xc000));
        // 1 + 2^-11 is halfway between 1 and the next half: ties to even (1.0).
        assert_eq!(f64_to_half(1.0 + 2f64.powi(-11)), Some(0x3c00));
        assert_eq!(f64_to_half(1.0 + 3.0 * 2f64.powi(-11)), Some(0x3c02));
        for h in [0x0001u16, 0x03ff, 0x0400, 0x3c00, 0x7bff, 0xbc01] {
            assert_eq!(f64_to_half(half_to_f64(h)), Some(h));
        }
    }
}
