//! Argument handling shared by the native stdlib modules: CPython's conversions
//! (`PyFloat_AsDouble`, `operator.index`) and binding of positional/keyword arguments
//! to a Python-style signature with CPython's error messages.

use num_bigint::BigInt;
use stmpy_core::error::{PyResult, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{Payload, Value};

use super::math_int;
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

/// `PyFloat_AsDouble`: floats, ints (correctly rounded, OverflowError when too large),
/// and objects with `__float__` or `__index__`.
pub fn to_f64(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(f64::from(u8::from(*b))),
        Value::Obj(o) => {
            if let Payload::BigInt(b) = &o.payload {
                return Ok(math_int::int_to_f64(b)?);
            }
        }
        Value::None => {}
    }
    if let Some(r) = ops::call_special(vm, tx, v, "__float__", &[])? {
        return match r {
            Value::Float(f) => Ok(f),
            other => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(v),
                type_name(&other)
            ))),
        };
    }
    if let Some(r) = ops::call_special(vm, tx, v, "__index__", &[])? {
        return to_f64(vm, tx, &r);
    }
    Err(type_error(format!(
        "must be real number, not {}",
        type_name(v)
    )))
}

/// `operator.index(v)` as a BigInt: ints, bools and objects with `__index__`.
pub fn to_bigint(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = stmpy_core::int::to_bigint(v) {
        return Ok(b);
    }
    if !matches!(v, Value::Float(_))
        && let Some(r) = ops::call_special(vm, tx, v, "__index__", &[])?
        && let Some(b) = stmpy_core::int::to_bigint(&r)
    {
        return Ok(b);
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    )))
}

/// `operator.index(v)` that must fit in an i64 (C `Py_ssize_t`-style arguments).
pub fn to_i64(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<i64> {
    if let Value::Int(i) = v {
        return Ok(*i);
    }
    let b = to_bigint(vm, tx, v)?;
    i64::try_from(&b).map_err(|_| {
        stmpy_core::error::overflow_error("Python int too large to convert to C ssize_t")
    })
}

/// A Python-level signature (`def name(params...)`) for binding native arguments.
pub struct Sig {
    /// The name in messages, e.g. `Random.randint`.
    pub name: &'static str,
    /// Parameter names, `self` included for methods.
    pub params: &'static [&'static str],
    /// How many leading parameters have no default.
    pub required: usize,
    /// How many leading parameters may be passed by position (the rest are keyword-only).
    pub positional: usize,
}

impl Sig {
    /// Binds `args`/`kw` to the parameters; absent optional parameters are `None`.
    /// Errors use CPython's messages for Python functions.
    pub fn bind(&self, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Vec<Option<Value>>> {
        let n = self.params.len();
        let mut out: Vec<Option<Value>> = vec![None; n];
        if args.len() > self.positional {
            let given = args.len();
            let takes = if self.required == self.positional {
                format!(
                    "{} positional argument{}",
                    self.positional,
                    plural(self.positional)
                )
            } else {
                format!(
                    "from {} to {} positional arguments",
                    self.required, self.positional
                )
            };
            return Err(type_error(format!(
                "{}() takes {takes} but {given} {} given",
                self.name,
                if given == 1 { "was" } else { "were" }
            )));
        }
        for (slot, a) in out.iter_mut().zip(args) {
            *slot = Some(a.clone());
        }
        for (k, v) in kw {
            let key = k.payload_str().unwrap_or("");
            match self.params.iter().position(|p| *p == key) {
                Some(i) if out[i].is_some() => {
                    return Err(type_error(format!(
                        "{}() got multiple values for argument '{key}'",
                        self.name
                    )));
                }
                Some(i) => out[i] = Some(v.clone()),
                None => {
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{key}'",
                        self.name
                    )));
                }
            }
        }
        let missing: Vec<String> = (0..self.required)
            .filter(|&i| out[i].is_none())
            .map(|i| format!("'{}'", self.params[i]))
            .collect();
        if !missing.is_empty() {
            let list = match missing.len() {
                1 => missing[0].clone(),
                _ => format!(
                    "{} and {}",
                    missing[..missing.len() - 1].join(", "),
                    missing[missing.len() - 1]
                ),
            };
            return Err(type_error(format!(
                "{}() missing {} required positional argument{}: {list}",
                self.name,
                missing.len(),
                plural(missing.len())
            )));
        }
        Ok(out)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// CPython's check for C functions taking exactly one argument (`METH_O`).
pub fn one_arg<'a>(name: &str, args: &'a [Value], kw: &[(Value, Value)]) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    match args {
        [a] => Ok(a),
        _ => Err(type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// CPython's check for the positional-only `math` functions of fixed arity (`FASTCALL`).
pub fn fixed_args<'a>(
    name: &str,
    n: usize,
    args: &'a [Value],
    kw: &[(Value, Value)],
) -> PyResult<&'a [Value]> {
    if !kw.is_empty() {
        return Err(type_error(format!(
            "math.{name}() takes no keyword arguments"
        )));
    }
    if args.len() != n {
        return Err(type_error(format!(
            "{name} expected {n} arguments, got {}",
            args.len()
        )));
    }
    Ok(args)
}
