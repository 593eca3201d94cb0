//! `complex`: the constructor, methods, and its part in arithmetic with ints and floats
//! (the numbers themselves are computed by `stmpy_core::complex`).

use stmpy_core::complex::{self, Complex};
use stmpy_core::error::{PyResult, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{Payload, Value};

use super::{Table, arg_count, kwarg};
use crate::bytecode::BinOp;
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

pub const COMPLEX: Table = &[
    ("conjugate", conjugate),
    ("__complex__", dunder_complex),
    ("__abs__", dunder_abs),
];

/// The complex value of a number (`int`, `bool`, `float`, `complex`).
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v {
        Value::Int(i) => Some((*i as f64, 0.0)),
        Value::Bool(b) => Some((f64::from(u8::from(*b)), 0.0)),
        Value::Float(f) => Some((*f, 0.0)),
        Value::Obj(o) => match &o.payload {
            Payload::Complex(re, im) => Some((*re, *im)),
            Payload::BigInt(b) => stmpy_core::fmt::bigint_to_f64(b).ok().map(|f| (f, 0.0)),
            _ => None,
        },
        Value::None => None,
    }
}

pub fn is_complex(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Complex(..)))
}

fn value(z: Complex) -> Value {
    Value::complex(z.0, z.1)
}

/// `a op b` when one side is a complex and the other a number; `None` when the operator
/// does not apply (the caller raises "unsupported operand").
pub fn binary(op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_complex(a), as_complex(b)) else {
        return Ok(None);
    };
    if let (Value::Obj(o), _) | (_, Value::Obj(o)) = (a, b)
        && let Payload::BigInt(big) = &o.payload
    {
        // An int too large for a float cannot take part (OverflowError, as CPython).
        stmpy_core::fmt::bigint_to_f64(big)?;
    }
    Ok(Some(value(match op.base() {
        BinOp::Add => complex::add(x, y),
        BinOp::Sub => complex::sub(x, y),
        BinOp::Mul => complex::mul(x, y),
        BinOp::TrueDiv => complex::div(x, y)?,
        BinOp::Power => complex::pow(x, y)?,
        _ => return Ok(None),
    })))
}

/// `complex(real=0, imag=0)`, `complex(string)`, `complex(obj)` with `__complex__`.
pub fn complex_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("complex", args, 0, 2)?;
    let real = args.first().or_else(|| kwarg(kw, "real"));
    let imag = args.get(1).or_else(|| kwarg(kw, "imag"));
    let Some(real) = real else {
        return match imag {
            Some(i) => {
                let iz = component(vm, tx, i, "second")?;
                // Only a complex argument contributes its imaginary part (CPython keeps
                // the sign of a -0.0 this way).
                let re = if is_complex(i) { -iz.1 } else { 0.0 };
                Ok(value((re, iz.0)))
            }
            None => Ok(value((0.0, 0.0))),
        };
    };
    if let Some(s) = real.payload_str() {
        if imag.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        return Ok(value(complex::parse(s)?));
    }
    if imag.is_none() && is_complex(real) {
        return Ok(real.clone());
    }
    let r = component(vm, tx, real, "first")?;
    match imag {
        None => Ok(value(r)),
        Some(i) => {
            if i.payload_str().is_some() {
                return Err(type_error("complex() second arg can't be a string"));
            }
            let iz = component(vm, tx, i, "second")?;
            // real + imag*1j; only complex arguments contribute their imaginary parts
            // (adding a zero would lose the sign of a -0.0).
            let re = if is_complex(i) { r.0 - iz.1 } else { r.0 };
            let im = if is_complex(real) { r.1 + iz.0 } else { iz.0 };
            Ok(value((re, im)))
        }
    }
}

/// One argument of `complex(a, b)`: a number, or an object with `__complex__`,
/// `__float__` or `__index__`.
fn component(vm: &mut Vm, tx: &Tx, v: &Value, which: &str) -> PyResult<Complex> {
    if let Some(z) = as_complex(v) {
        if let Value::Obj(o) = v
            && let Payload::BigInt(b) = &o.payload
        {
            stmpy_core::fmt::bigint_to_f64(b)?;
        }
        return Ok(z);
    }
    if ops::is_user_instance(v) {
        if let Some(r) = ops::call_special(vm, tx, v, "__complex__", &[])? {
            return as_complex(&r).filter(|_| is_complex(&r)).ok_or_else(|| {
                type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    type_name(&r)
                ))
            });
        }
        if ops::lookup_type(tx, stmpy_core::types::type_of(v), "__float__")?.is_some()
            || ops::lookup_type(tx, stmpy_core::types::type_of(v), "__index__")?.is_some()
        {
            return Ok((crate::stdlib::args::to_f64(vm, tx, v)?, 0.0));
        }
    }
    Err(type_error(format!(
        "complex() {which} argument must be a string or a number, not '{}'",
        type_name(v)
    )))
}

fn this(args: &[Value], name: &str) -> PyResult<Complex> {
    args.first()
        .filter(|v| is_complex(v))
        .and_then(as_complex)
        .ok_or_else(|| super::bad_self("complex", name, args))
}

fn conjugate(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let z = this(args, "conjugate")?;
    Ok(value((z.0, -z.1)))
}

fn dunder_complex(
    _vm: &mut Vm,
    _tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    Ok(value(this(args, "__complex__")?))
}

fn dunder_abs(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Float(complex::abs(this(args, "__abs__")?)?))
}

/// `complex ** x` with a third argument.
pub fn no_modulo() -> stmpy_core::error::Unwind {
    value_error("complex modulo")
}
