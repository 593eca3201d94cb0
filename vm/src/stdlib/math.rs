//! The `math` module: Python-value bindings of [`super::math_float`],
//! [`super::math_int`] and [`super::math_special`]. The module has no mutable state.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use stmpy_core::error::{PyResult, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{ObjRef, Payload, Value};

use super::args::{fixed_args, one_arg, to_bigint, to_f64};
use super::math_float::{self as mf, LogKind};
use super::math_int;
use crate::builtins::Table;
use crate::bytecode::BinOp;
use crate::call::StrValue;
use crate::modules::set_attr;
use crate::ops;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("acos", acos),
    ("acosh", acosh),
    ("asin", asin),
    ("asinh", asinh),
    ("atan", atan),
    ("atan2", atan2),
    ("atanh", atanh),
    ("cbrt", cbrt),
    ("ceil", ceil),
    ("comb", comb),
    ("copysign", copysign),
    ("cos", cos),
    ("cosh", cosh),
    ("degrees", degrees),
    ("dist", dist),
    ("erf", erf),
    ("erfc", erfc),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("fabs", fabs),
    ("factorial", factorial),
    ("floor", floor),
    ("fmod", fmod),
    ("frexp", frexp),
    ("fsum", fsum),
    ("gamma", gamma),
    ("gcd", gcd),
    ("hypot", hypot),
    ("isclose", isclose),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isqrt", isqrt),
    ("lcm", lcm),
    ("ldexp", ldexp),
    ("lgamma", lgamma),
    ("log", log),
    ("log10", log10),
    ("log1p", log1p),
    ("log2", log2),
    ("modf", modf),
    ("nextafter", nextafter),
    ("perm", perm),
    ("pow", pow),
    ("prod", prod),
    ("radians", radians),
    ("remainder", remainder),
    ("sin", sin),
    ("sinh", sinh),
    ("sqrt", sqrt),
    ("tan", tan),
    ("tanh", tanh),
    ("trunc", trunc),
    ("ulp", ulp),
];

/// The constants.
pub fn init(_vm: &mut Vm, tx: &Tx, globals: &ObjRef) -> PyResult<()> {
    set_attr(tx, globals, "pi", Value::Float(mf::PI))?;
    set_attr(tx, globals, "e", Value::Float(mf::E))?;
    set_attr(tx, globals, "tau", Value::Float(mf::TAU))?;
    set_attr(tx, globals, "inf", Value::Float(mf::INF))?;
    set_attr(tx, globals, "nan", Value::Float(mf::NAN))?;
    Ok(())
}

type Args<'a> = &'a [Value];
type Kw<'a> = &'a [(Value, Value)];

fn int_value(b: BigInt) -> Value {
    Value::from_bigint(b)
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::BigInt(_)))
}

/// One-argument float functions: `name(x) -> float`.
macro_rules! float_1 {
    ($($fname:ident => $alg:path;)*) => {
        $(
            fn $fname(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
                let x = to_f64(vm, tx, one_arg(concat!("math.", stringify!($fname)), args, kw)?)?;
                Ok(Value::Float($alg(x)?))
            }
        )*
    };
}

float_1! {
    acos => mf::acos;
    acosh => mf::acosh;
    asin => mf::asin;
    asinh => mf::asinh;
    atan => mf::atan;
    atanh => mf::atanh;
    cbrt => mf::cbrt;
    cos => mf::cos;
    cosh => mf::cosh;
    erf => mf::erf;
    erfc => mf::erfc;
    exp => mf::exp;
    exp2 => mf::exp2;
    expm1 => mf::expm1;
    fabs => mf::fabs;
    gamma => mf::gamma;
    lgamma => mf::lgamma;
    log1p => mf::log1p;
    sin => mf::sin;
    sinh => mf::sinh;
    sqrt => mf::sqrt;
    tan => mf::tan;
    tanh => mf::tanh;
}

/// Two-argument float functions: `name(x, y) -> float`.
macro_rules! float_2 {
    ($($fname:ident => $alg:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
                let a = fixed_args(stringify!($fname), 2, args, kw)?;
                let x = to_f64(vm, tx, &a[0])?;
                let y = to_f64(vm, tx, &a[1])?;
                Ok(Value::Float($alg(x, y)?))
            }
        )*
    };
}

float_2! {
    atan2 => mf::atan2;
    copysign => mf::copysign;
    remainder => mf::remainder;
    fmod => mf::fmod;
    pow => mf::pow;
    nextafter => |x, y| Ok::<f64, super::error::PyErr>(mf::nextafter(x, y));
}

fn degrees(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.degrees", args, kw)?)?;
    Ok(Value::Float(mf::degrees(x)))
}

fn radians(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.radians", args, kw)?)?;
    Ok(Value::Float(mf::radians(x)))
}

fn ulp(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.ulp", args, kw)?)?;
    Ok(Value::Float(mf::ulp(x)))
}

fn isfinite(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.isfinite", args, kw)?)?;
    Ok(Value::Bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.isinf", args, kw)?)?;
    Ok(Value::Bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.isnan", args, kw)?)?;
    Ok(Value::Bool(x.is_nan()))
}

fn frexp(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.frexp", args, kw)?)?;
    let (m, e) = mf::frexp(x);
    Ok(Value::tuple(vec![
        Value::Float(m),
        Value::Int(i64::from(e)),
    ]))
}

fn modf(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = to_f64(vm, tx, one_arg("math.modf", args, kw)?)?;
    let (f, i) = mf::modf(x);
    Ok(Value::tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn ldexp(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let a = fixed_args("ldexp", 2, args, kw)?;
    let x = to_f64(vm, tx, &a[0])?;
    // CPython accepts only ints here (no __index__), clamping huge exponents.
    let Some(i) = stmpy_core::int::to_bigint(&a[1]) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    let exp = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    Ok(Value::Float(mf::ldexp(x, exp)?))
}

/// `loghelper`: ints take an exact path (so logs of huge ints work), the rest go
/// through float conversion.
fn log_of(vm: &mut Vm, tx: &Tx, v: &Value, kind: LogKind) -> PyResult<f64> {
    match v {
        Value::Int(i) if *i > 0 => Ok(kind.raw(*i as f64).0),
        Value::Bool(true) => Ok(kind.raw(1.0).0),
        _ if is_int(v) => match stmpy_core::int::to_bigint(v) {
            Some(b) => Ok(math_int::log_int(&b, kind)?),
            None => Err(type_error("int expected")),
        },
        _ => {
            let x = to_f64(vm, tx, v)?;
            Ok(mf::log_float(x, kind)?)
        }
    }
}

fn log(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("log() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, tx, &args[0], LogKind::Ln)?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = log_of(vm, tx, base, LogKind::Ln)?;
            Ok(Value::Float(mf::log_ratio(num, den)?))
        }
    }
}

fn log2(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = one_arg("math.log2", args, kw)?;
    Ok(Value::Float(log_of(vm, tx, x, LogKind::Log2)?))
}

fn log10(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = one_arg("math.log10", args, kw)?;
    Ok(Value::Float(log_of(vm, tx, x, LogKind::Log10)?))
}

/// floor/ceil: floats directly, ints unchanged, else `__floor__`/`__ceil__`, else the
/// float value.
fn round_to_int(
    vm: &mut Vm,
    tx: &Tx,
    x: &Value,
    special: &'static str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    match x {
        Value::Float(v) => return Ok(int_value(math_int::float_to_int(f(*v))?)),
        Value::Int(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        _ if is_int(x) => return Ok(x.clone()),
        _ => {}
    }
    if let Some(r) = ops::call_special(vm, tx, x, special, &[])? {
        return Ok(r);
    }
    let v = to_f64(vm, tx, x)?;
    Ok(int_value(math_int::float_to_int(f(v))?))
}

fn floor(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = one_arg("math.floor", args, kw)?;
    round_to_int(vm, tx, x, "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = one_arg("math.ceil", args, kw)?;
    round_to_int(vm, tx, x, "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let x = one_arg("math.trunc", args, kw)?;
    match x {
        Value::Float(v) => return Ok(int_value(math_int::float_to_int(v.trunc())?)),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        _ if is_int(x) => return Ok(x.clone()),
        _ => {}
    }
    match ops::call_special(vm, tx, x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            type_name(x)
        ))),
    }
}

fn factorial(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let n = to_bigint(vm, tx, one_arg("math.factorial", args, kw)?)?;
    Ok(int_value(math_int::factorial(&n)?))
}

fn isqrt(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let n = one_arg("math.isqrt", args, kw)?;
    if let Value::Int(i) = n
        && *i >= 0
    {
        // Fast path: the integer square root of a u64 by float estimate and fix-up.
        let v = *i as u64;
        let mut r = (v as f64).sqrt() as u64;
        while r * r > v {
            r -= 1;
        }
        while (r + 1) * (r + 1) <= v {
            r += 1;
        }
        return Ok(Value::Int(r as i64));
    }
    let n = to_bigint(vm, tx, n)?;
    Ok(int_value(math_int::isqrt(&n)?))
}

fn int_args(vm: &mut Vm, tx: &Tx, name: &str, args: Args, kw: Kw) -> PyResult<Vec<BigInt>> {
    if !kw.is_empty() {
        return Err(type_error(format!(
            "math.{name}() takes no keyword arguments"
        )));
    }
    args.iter().map(|a| to_bigint(vm, tx, a)).collect()
}

fn gcd(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let ints = int_args(vm, tx, "gcd", args, kw)?;
    Ok(int_value(math_int::gcd(&ints)))
}

fn lcm(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let ints = int_args(vm, tx, "lcm", args, kw)?;
    Ok(int_value(math_int::lcm(&ints)))
}

fn comb(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let a = fixed_args("comb", 2, args, kw)?;
    let n = to_bigint(vm, tx, &a[0])?;
    let k = to_bigint(vm, tx, &a[1])?;
    Ok(int_value(math_int::comb(&n, &k)?))
}

fn perm(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("math.perm() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        let msg = if args.is_empty() {
            "perm expected at least 1 argument, got 0".to_string()
        } else {
            format!("perm expected at most 2 arguments, got {}", args.len())
        };
        return Err(type_error(msg));
    }
    let n = to_bigint(vm, tx, &args[0])?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => Some(to_bigint(vm, tx, v)?),
        _ => None,
    };
    Ok(int_value(math_int::perm(&n, k.as_ref())?))
}

fn floats_of(vm: &mut Vm, tx: &Tx, items: &[Value]) -> PyResult<Vec<f64>> {
    items.iter().map(|v| to_f64(vm, tx, v)).collect()
}

fn hypot(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("math.hypot() takes no keyword arguments"));
    }
    let coords = floats_of(vm, tx, args)?;
    Ok(Value::Float(mf::hypot(&coords)))
}

fn dist(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let a = fixed_args("dist", 2, args, kw)?;
    let p = crate::iter::collect(vm, tx, &a[0])?;
    let q = crate::iter::collect(vm, tx, &a[1])?;
    if p.len() != q.len() {
        return Err(super::error::PyErr::value(
            "both points must have the same number of dimensions",
        )
        .into());
    }
    let p = floats_of(vm, tx, &p)?;
    let q = floats_of(vm, tx, &q)?;
    Ok(Value::Float(mf::dist(&p, &q)?))
}

fn fsum(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    let seq = one_arg("math.fsum", args, kw)?;
    let items = crate::iter::collect(vm, tx, seq)?;
    let mut acc = mf::Fsum::new();
    for item in &items {
        let x = to_f64(vm, tx, item)?;
        acc.add(x)?;
    }
    Ok(Value::Float(acc.finish()?))
}

/// `prod(iterable, *, start=1)`: Python multiplication from `start`, in order.
fn prod(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let mut start = Value::Int(1);
    for (k, v) in kw {
        match k.payload_str() {
            Some("start") => start = v.clone(),
            other => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for prod()",
                    other.unwrap_or("")
                )));
            }
        }
    }
    let iterable = args[0].clone();
    let items = crate::iter::collect(vm, tx, &iterable)?;
    let mut acc = start;
    for item in &items {
        acc = match (&acc, item) {
            (Value::Int(a), Value::Int(b)) if a.checked_mul(*b).is_some() => Value::Int(a * b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a * b),
            _ => ops::binary(vm, tx, BinOp::Mul, &acc, item)?,
        };
    }
    Ok(acc)
}

fn isclose(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const PARAMS: [&str; 4] = ["a", "b", "rel_tol", "abs_tol"];
    if args.len() > 2 {
        return Err(type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut vals: [Option<Value>; 4] = [args.first().cloned(), args.get(1).cloned(), None, None];
    for (k, v) in kw {
        let key = k.payload_str().unwrap_or("");
        match PARAMS.iter().position(|p| *p == key) {
            Some(i) if vals[i].is_none() => vals[i] = Some(v.clone()),
            Some(i) => {
                return Err(type_error(format!(
                    "argument for isclose() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            None => {
                return Err(type_error(format!(
                    "'{key}' is an invalid keyword argument for isclose()"
                )));
            }
        }
    }
    for (i, v) in vals.iter().enumerate().take(2) {
        if v.is_none() {
            return Err(type_error(format!(
                "isclose() missing required argument '{}' (pos {})",
                PARAMS[i],
                i + 1
            )));
        }
    }
    let mut f = [0.0, 0.0, 1e-9, 0.0];
    for (slot, v) in f.iter_mut().zip(&vals) {
        if let Some(v) = v {
            *slot = to_f64(vm, tx, v)?;
        }
    }
    Ok(Value::Bool(mf::isclose(f[0], f[1], f[2], f[3])?))
}
