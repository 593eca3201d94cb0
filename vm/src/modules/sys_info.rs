//! `sys`'s descriptive attributes: `version_info`, `float_info`, `int_info` (struct
//! sequences, as CPython's) and `getsizeof`'s estimate.

use stmpy_core::error::PyResult;
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{ObjRef, Payload, Value};

use super::{set_attr, structseq};
use crate::vm::Vm;

pub fn init(vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    let vi = structseq::make_type(
        tx,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        5,
    )?;
    let v = structseq::new(
        vm,
        tx,
        &vi,
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ],
    )?;
    set_attr(tx, g, "version_info", v)?;
    let fi = structseq::make_type(
        tx,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        11,
    )?;
    let v = structseq::new(
        vm,
        tx,
        &fi,
        vec![
            Value::Float(f64::MAX),
            Value::Int(i64::from(f64::MAX_EXP)),
            Value::Int(i64::from(f64::MAX_10_EXP)),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(i64::from(f64::MIN_EXP)),
            Value::Int(i64::from(f64::MIN_10_EXP)),
            Value::Int(i64::from(f64::DIGITS)),
            Value::Int(i64::from(f64::MANTISSA_DIGITS)),
            Value::Float(f64::EPSILON),
            Value::Int(i64::from(f64::RADIX)),
            Value::Int(1),
        ],
    )?;
    set_attr(tx, g, "float_info", v)?;
    let ii = structseq::make_type(
        tx,
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        4,
    )?;
    let v = structseq::new(
        vm,
        tx,
        &ii,
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(stmpy_core::fmt::INT_MAX_STR_DIGITS as i64),
            Value::Int(640),
        ],
    )?;
    set_attr(tx, g, "int_info", v)?;
    // The numeric hash parameters (fmt::hash_* implement them).
    let hi = structseq::make_type(
        tx,
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        9,
    )?;
    let v = structseq::new(
        vm,
        tx,
        &hi,
        vec![
            Value::Int(64),
            Value::Int((1 << 61) - 1),
            Value::Int(314_159),
            Value::Int(0),
            Value::Int(1_000_003),
            Value::str("siphash13"),
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    )?;
    set_attr(tx, g, "hash_info", v)?;
    set_attr(tx, g, "hexversion", Value::Int(0x030b00f0))?;
    set_attr(tx, g, "api_version", Value::Int(1013))?;
    set_attr(tx, g, "dont_write_bytecode", Value::Bool(true))?;
    set_attr(tx, g, "prefix", Value::str("/usr/local"))?;
    set_attr(tx, g, "exec_prefix", Value::str("/usr/local"))?;
    set_attr(tx, g, "base_prefix", Value::str("/usr/local"))?;
    set_attr(tx, g, "warnoptions", Value::list_from(vec![]))?;
    set_attr(
        tx,
        g,
        "_xoptions",
        Value::dict(stmpy_core::dict::DictData::new()),
    )?;
    set_attr(tx, g, "base_exec_prefix", Value::str("/usr/local"))?;
    set_attr(tx, g, "maxunicode", Value::Int(0x10ffff))?;
    Ok(())
}

/// `sys.getsizeof(obj)`: CPython 3.11's sizes on 64-bit Linux for the built-in types
/// (an estimate: stmpy's own layout differs), 48 bytes for other objects.
/// `sys.getrefcount(obj)`: the object's reference count (the argument's own
/// reference included, as in CPython). Immortal objects report CPython 3.12's
/// immortal count; unboxed values (None, bools, small numbers) too.
pub fn getrefcount(
    _vm: &mut Vm,
    _tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    crate::builtins::arg_count("getrefcount", args, 1, 1)?;
    let n = match &args[0] {
        Value::Obj(o) if !o.is_immortal() => o.strong_count() as i64,
        _ => u32::MAX as i64,
    };
    Ok(Value::Int(n))
}

pub fn getsizeof(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(stmpy_core::error::type_error(
            "getsizeof() missing required argument 'object' (pos 1)",
        ));
    };
    let n = match v {
        Value::None => 16,
        Value::Bool(_) => 28,
        Value::Int(0) => 24,
        Value::Int(i) => {
            24 + 4 * u64::from(64 - i.unsigned_abs().leading_zeros()).div_ceil(30) as i64
        }
        Value::Float(_) => 24,
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => 24 + 4 * b.bits().div_ceil(30) as i64,
            Payload::Str(s) => {
                let st = s.as_str();
                let max = st.chars().map(|c| c as u32).max().unwrap_or(0);
                let n = s.char_len() as i64;
                match max {
                    0..=0x7f => 49 + n,
                    0x80..=0xff => 73 + n,
                    0x100..=0xffff => 74 + 2 * n,
                    _ => 76 + 4 * n,
                }
            }
            Payload::Bytes(b) => 33 + b.len() as i64,
            Payload::ByteArray(b) => {
                let n = tx.read(b)?.len() as i64;
                if n == 0 { 56 } else { 57 + n }
            }
            Payload::Tuple(t) => 40 + 8 * t.len() as i64,
            Payload::List(l) => {
                let n = tx.view(l, |v| v.len())? as i64;
                if n == 0 { 56 } else { 56 + 8 * n }
            }
            Payload::Dict(d) => {
                let n = tx.view(d, |v| v.len())?;
                match n {
                    0 => 64,
                    1..=5 => 224,
                    6..=10 => 352,
                    _ => 64 + 48 * n.next_power_of_two() as i64,
                }
            }
            Payload::Set(_) | Payload::FrozenSet(_) => 216,
            _ if type_name(v) == "object" => 16,
            _ => 48,
        },
    };
    Ok(Value::Int(n))
}
