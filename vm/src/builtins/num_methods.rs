//! Methods of `int` and `float`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use stmpy_core::error::{PyResult, type_error, value_error};
use stmpy_core::fmt;
use stmpy_core::int;
use stmpy_core::stm::Tx;
use stmpy_core::value::Value;

use super::{Table, arg_count, kwarg};
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

pub const INT: Table = &[
    ("bit_length", bit_length),
    ("bit_count", bit_count),
    ("to_bytes", to_bytes),
    ("from_bytes", from_bytes),
    ("conjugate", conjugate),
    ("as_integer_ratio", int_ratio),
    ("is_integer", int_is_integer),
    ("__index__", conjugate),
    ("__int__", conjugate),
    ("__float__", to_float),
    ("__abs__", dunder_abs),
    ("__hash__", dunder_hash),
    ("__format__", dunder_format),
    ("__str__", dunder_repr),
    ("__repr__", dunder_repr),
    ("__add__", dunder_add),
    ("__sub__", dunder_sub),
    ("__mul__", dunder_mul),
    ("__eq__", dunder_eq),
    ("__lt__", dunder_lt),
];

pub const FLOAT: Table = &[
    ("is_integer", is_integer),
    ("hex", float_hex),
    ("fromhex", fromhex),
    ("as_integer_ratio", float_ratio),
    ("conjugate", conjugate),
    ("__int__", to_int),
    ("__float__", conjugate),
    ("__abs__", dunder_abs),
    ("__hash__", dunder_hash),
    ("__format__", dunder_format),
    ("__str__", dunder_repr),
    ("__repr__", dunder_repr),
    ("__add__", dunder_add),
    ("__sub__", dunder_sub),
    ("__mul__", dunder_mul),
    ("__eq__", dunder_eq),
    ("__lt__", dunder_lt),
    ("__round__", dunder_round),
];

fn big(args: &[Value]) -> PyResult<BigInt> {
    args.first()
        .and_then(int::to_bigint)
        .ok_or_else(|| type_error("descriptor requires an 'int' object"))
}

fn bit_length(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(big(args)?.bits() as i64))
}

fn bit_count(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = big(args)?.abs();
    Ok(Value::Int(
        b.to_u64_digits()
            .1
            .iter()
            .map(|d| d.count_ones() as i64)
            .sum(),
    ))
}

fn to_bytes(_vm: &mut Vm, _tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = big(args)?;
    let length = args
        .get(1)
        .or_else(|| kwarg(kw, "length"))
        .map(ops::index_of)
        .transpose()?
        .unwrap_or(1);
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let length = length as usize;
    let order = args
        .get(2)
        .or_else(|| kwarg(kw, "byteorder"))
        .and_then(|v| v.payload_str())
        .unwrap_or("big")
        .to_string();
    let signed = kwarg(kw, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    if n.is_negative() && !signed {
        return Err(stmpy_core::error::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = n.to_signed_bytes_le();
    let fill = if n.is_negative() { 0xff } else { 0 };
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if bytes.len() > length {
        return Err(stmpy_core::error::overflow_error("int too big to convert"));
    }
    // A length no allocation can hold is a MemoryError, not an abort.
    bytes
        .try_reserve_exact(length - bytes.len())
        .map_err(|_| stmpy_core::error::Unwind::new(stmpy_core::types::ExcKind::MemoryError, ""))?;
    bytes.resize(length, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

fn from_bytes(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    // A bytes-like object or an iterable of ints in range(256).
    let data = match args.get(1).or_else(|| kwarg(kw, "bytes")) {
        Some(v) => super::bytes_methods::bytes_from_iterable(vm, tx, v).map_err(|e| {
            if e.is(stmpy_core::types::ExcKind::TypeError) {
                type_error(format!(
                    "cannot convert '{}' object to bytes",
                    stmpy_core::types::type_name(v)
                ))
            } else {
                e
            }
        })?,
        None => {
            return Err(type_error(
                "from_bytes() missing required argument 'bytes' (pos 1)",
            ));
        }
    };
    let order = args
        .get(2)
        .or_else(|| kwarg(kw, "byteorder"))
        .and_then(|v| v.payload_str())
        .unwrap_or("big")
        .to_string();
    let signed = kwarg(kw, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    let mut d = data;
    if order == "big" {
        d.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&d)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &d)
    };
    Ok(Value::from_bigint(n))
}

fn conjugate(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match &args[0] {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

fn int_ratio(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::tuple(vec![
        Value::from_bigint(big(args)?),
        Value::Int(1),
    ]))
}

fn int_is_integer(
    _vm: &mut Vm,
    _tx: &Tx,
    _args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn to_float(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Float(int::to_f64(&args[0])?))
}

fn to_int(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    super::funcs::int_new(vm, tx, args, kw)
}

fn fval(args: &[Value]) -> PyResult<f64> {
    match args.first() {
        Some(Value::Float(f)) => Ok(*f),
        _ => Err(type_error("descriptor requires a 'float' object")),
    }
}

fn is_integer(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = fval(args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_hex(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(fmt::float_hex(fval(args)?)))
}

fn fromhex(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("fromhex", args, 2, 2)?;
    let s = args[1]
        .payload_str()
        .ok_or_else(|| type_error("fromhex() argument must be str"))?;
    Ok(Value::Float(fmt::float_fromhex(s)?))
}

fn float_ratio(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (n, d) = fmt::float_as_integer_ratio(fval(args)?)?;
    Ok(Value::tuple(vec![
        Value::from_bigint(n),
        Value::from_bigint(d),
    ]))
}

fn dunder_abs(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(match &args[0] {
        Value::Float(f) => Value::Float(f.abs()),
        v => Value::from_bigint(int::to_bigint(v).unwrap_or_default().abs()),
    })
}

fn dunder_hash(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(ops::hash(vm, tx, &args[0])?))
}

fn dunder_format(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__format__", args, 2, 2)?;
    let spec = args[1].payload_str().unwrap_or("").to_string();
    Ok(Value::string(super::format_value(vm, tx, &args[0], &spec)?))
}

fn dunder_repr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(ops::repr(vm, tx, &args[0])?))
}

fn bin(vm: &mut Vm, tx: &Tx, args: &[Value], op: crate::bytecode::BinOp) -> PyResult<Value> {
    arg_count("operator", args, 2, 2)?;
    ops::binary(vm, tx, op, &args[0], &args[1])
}

fn dunder_add(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bin(vm, tx, args, crate::bytecode::BinOp::Add)
}

fn dunder_sub(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bin(vm, tx, args, crate::bytecode::BinOp::Sub)
}

fn dunder_mul(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    bin(vm, tx, args, crate::bytecode::BinOp::Mul)
}

fn dunder_eq(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__eq__", args, 2, 2)?;
    let int_like = |v: &Value| int::to_bigint(v).is_some();
    let same_kind = match &args[0] {
        Value::Float(_) => matches!(args[1], Value::Float(_)) || int_like(&args[1]),
        _ => int_like(&args[1]),
    };
    if !same_kind {
        return Ok(Value::Obj(
            stmpy_core::types::types().not_implemented.clone(),
        ));
    }
    ops::compare(vm, tx, crate::bytecode::CmpOp::Eq, &args[0], &args[1])
}

fn dunder_lt(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__lt__", args, 2, 2)?;
    ops::compare(vm, tx, crate::bytecode::CmpOp::Lt, &args[0], &args[1])
}

fn dunder_round(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = fval(args)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(Value::from_bigint(fmt::round_float_to_int(f)?)),
        Some(n) => Ok(Value::Float(fmt::round_float(f, ops::index_of(n)?)?)),
    }
}

pub fn unused_zero(b: &BigInt) -> bool {
    b.is_zero()
        && b.to_i64().is_some()
        && value_error("").is(stmpy_core::types::ExcKind::ValueError)
}
