//! The object protocols: truth, equality, hashing, comparison, arithmetic, repr/str,
//! attributes, items, length, containment. Built-in types take native fast paths; user
//! classes go through their dunder methods (run by a nested eval loop).

use num_bigint::BigInt;
use stmpy_core::error::{PyResult, Unwind, attribute_error, index_error, type_error, value_error};
use stmpy_core::fmt;
use stmpy_core::int::{self, IntOp};
use stmpy_core::stm::Tx;
use stmpy_core::types::{ExcKind, Layout, as_type, is_subtype, mro_of, type_name, type_of, types};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::bytecode::{BinOp, CmpOp, UnaryOp};
use crate::subclass::builtin_self;
use crate::vm::Vm;

// ---------- type attribute lookup ----------

/// Looks `name` up along `ty`'s MRO (class attributes, methods).
#[inline]
pub fn lookup_type(tx: &Tx, ty: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let h = stmpy_core::str::str_hash(name);
    lookup_type_h(tx, ty, name, h)
}

#[inline]
pub fn lookup_type_h(tx: &Tx, ty: &ObjRef, name: &str, h: i64) -> PyResult<Option<Value>> {
    for t in mro_of(ty) {
        if let Payload::Type(t) = &t.payload
            && let Some(v) = t.dict.read(tx)?.get_str(name, h)
        {
            return Ok(Some(v.clone()));
        }
    }
    Ok(None)
}

/// `lookup_type_h` through the thread's attribute cache (see `attr_cache.rs`); `name`
/// is the str object `n` comes from.
#[inline]
pub fn lookup_type_cached(
    vm: &mut Vm,
    tx: &Tx,
    ty: &ObjRef,
    name: &Value,
    n: &str,
    h: i64,
) -> PyResult<Option<Value>> {
    match name {
        Value::Obj(o) => vm.attr_cache.lookup(tx, ty, o, n, h),
        _ => lookup_type_h(tx, ty, n, h),
    }
}

/// `lookup_type` of a special method through the thread's attribute cache.
#[inline]
pub fn lookup_special(
    vm: &mut Vm,
    tx: &Tx,
    ty: &ObjRef,
    name: &'static str,
) -> PyResult<Option<Value>> {
    vm.attr_cache.lookup_static(tx, ty, name)
}

/// Is `ca`, found on a class, a data descriptor (wins over the instance dict)?
#[inline]
fn is_data_descriptor(vm: &mut Vm, tx: &Tx, ca: &Value) -> PyResult<bool> {
    Ok(match ca.payload() {
        Some(Payload::Property(..)) => true,
        Some(Payload::Instance(_)) => {
            let ty = type_of(ca);
            lookup_special(vm, tx, ty, "__set__")?.is_some()
                || lookup_special(vm, tx, ty, "__delete__")?.is_some()
        }
        _ => false,
    })
}

/// Is `v` an instance of a user-defined class (whose dunders must be consulted)?
#[inline]
pub fn is_user_instance(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Instance(_)))
}

/// Calls `type(v).name(v, *args)` if defined; `None` if the type has no such method.
pub fn call_special(
    vm: &mut Vm,
    tx: &Tx,
    v: &Value,
    name: &'static str,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let Some(f) = lookup_special(vm, tx, type_of(v), name)? else {
        return Ok(None);
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(v.clone());
    full.extend_from_slice(args);
    Ok(Some(vm.call_descr(tx, &f, v, &full)?))
}

// ---------- truth ----------

pub fn truthy(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.char_len() > 0,
            Payload::BigInt(_) => true,
            Payload::Tuple(t) => !t.is_empty(),
            Payload::List(l) => !tx.view(l, |v| v.is_empty())?,
            Payload::Dict(d) | Payload::Set(d) => !tx.view(d, |v| v.is_empty())?,
            Payload::FrozenSet(d) => !d.is_empty(),
            Payload::Bytes(b) => !b.is_empty(),
            Payload::ByteArray(b) => !tx.read(b)?.is_empty(),
            Payload::Complex(re, im) => *re != 0.0 || *im != 0.0,
            Payload::Range(start, stop, step) => range_len(*start, *stop, *step) > 0,
            Payload::Instance(inst) => {
                if inst.base.is_some()
                    && let Some(b) = builtin_self(vm, tx, v, "__bool__")?
                    && builtin_self(vm, tx, v, "__len__")?.is_some()
                {
                    return truthy(vm, tx, &b);
                }
                if let Some(r) = call_special(vm, tx, v, "__bool__", &[])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(type_error(format!(
                            "__bool__ should return bool, returned {}",
                            type_name(&r)
                        ))),
                    };
                }
                if let Some(r) = call_special(vm, tx, v, "__len__", &[])? {
                    return Ok(index_of(&r)? != 0);
                }
                true
            }
            _ => true,
        },
    })
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

/// An integer usable as an index (`__index__` of int and bool).
pub fn index_of(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(o.payload, Payload::BigInt(_)) => Err(Unwind::new(
            ExcKind::IndexError,
            "cannot fit 'int' into an index-sized integer",
        )),
        _ => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

/// A user object with `__index__` as the int it stands for (list indices, `seq * n`,
/// `range(n)`); any other value unchanged, so the caller's own type errors apply.
pub fn index_value(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<Value> {
    if !is_user_instance(v) {
        return Ok(v.clone());
    }
    match call_special(vm, tx, v, "__index__", &[])? {
        Some(r) if int::to_bigint(&r).is_some() => Ok(r),
        Some(r) => Err(type_error(format!(
            "__index__ returned non-int (type {})",
            type_name(&r)
        ))),
        None => Ok(v.clone()),
    }
}

// ---------- equality and hashing ----------

/// Equality without running Python code: `Some` for built-in values it can decide.
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::None, _) | (_, Value::None) => {
            if is_user_instance(a) || is_user_instance(b) {
                return None;
            }
            false
        }
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            int_float_cmp(CmpOp::Eq, &BigInt::from(*x), *y)
        }
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => (*x as i64) == *y,
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
            (*x as i64 as f64) == *y
        }
        (Value::Obj(x), Value::Obj(y)) => {
            if x.is(y) && !matches!(x.payload, Payload::Instance(_)) {
                return Some(true);
            }
            match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t)) => s.as_str() == t.as_str(),
                (Payload::BigInt(s), Payload::BigInt(t)) => s == t,
                (Payload::Bytes(s), Payload::Bytes(t)) => s == t,
                (Payload::Complex(..), _) | (_, Payload::Complex(..)) => {
                    return complex_eq(a, b);
                }
                (Payload::Tuple(s), Payload::Tuple(t)) => {
                    if s.len() != t.len() {
                        return Some(false);
                    }
                    for (p, q) in s.iter().zip(t.iter()) {
                        if !p.is(q) && !simple_eq(p, q)? {
                            return Some(false);
                        }
                    }
                    true
                }
                (Payload::Instance(_), _) | (_, Payload::Instance(_)) => return None,
                (Payload::ByteArray(_), _) | (_, Payload::ByteArray(_)) => return None,
                (Payload::List(_), _)
                | (Payload::Dict(_), _)
                | (Payload::Set(_), _)
                | (Payload::FrozenSet(_), _) => {
                    return None;
                }
                // Compared as (start, stop, step) tuples by `compare`.
                (Payload::Slice(..), Payload::Slice(..)) => return None,
                // Weak references compare as their referents (`compare`).
                (Payload::Opaque(..), Payload::Opaque(..))
                    if crate::stdlib::weakref::as_ref(a).is_some() =>
                {
                    return None;
                }
                (Payload::Range(a1, b1, c1), Payload::Range(a2, b2, c2)) => {
                    let (l1, l2) = (range_len(*a1, *b1, *c1), range_len(*a2, *b2, *c2));
                    l1 == l2 && (l1 == 0 || (a1 == a2 && (l1 == 1 || c1 == c2)))
                }
                _ => x.is(y),
            }
        }
        (Value::Obj(o), n) | (n, Value::Obj(o)) => match (&o.payload, n) {
            (Payload::Complex(..), _) => return complex_eq(a, b),
            (Payload::BigInt(_), Value::Int(_)) => false,
            (Payload::BigInt(b), Value::Float(f)) => {
                fmt::bigint_to_f64(b).map(|x| x == *f).unwrap_or(false)
            }
            (Payload::Instance(_), _) => return None,
            _ => false,
        },
    })
}

/// `a == b` with a complex on one side: equal parts (a real number has imaginary 0).
fn complex_eq(a: &Value, b: &Value) -> Option<bool> {
    use crate::builtins::complex_methods::as_complex;
    match (as_complex(a), as_complex(b)) {
        (Some(x), Some(y)) => Some(x == y),
        // Against a non-number: unequal, unless the other side has its own `__eq__`.
        _ if is_user_instance(a) || is_user_instance(b) => None,
        _ => Some(false),
    }
}

/// `a == b` as a bool.
pub fn eq(vm: &mut Vm, tx: &Tx, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = simple_eq(a, b) {
        return Ok(r);
    }
    let r = compare(vm, tx, CmpOp::Eq, a, b)?;
    truthy(vm, tx, &r)
}

/// Hash without running Python code.
pub fn hash_simple(v: &Value) -> Option<i64> {
    Some(match v {
        Value::None => 0x5f5e_1000,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => fmt::hash_int(*i),
        Value::Float(f) => fmt::hash_float(*f, 0),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.hash(),
            Payload::BigInt(b) => fmt::hash_bigint(b),
            Payload::Complex(re, im) => stmpy_core::complex::hash((*re, *im), o.id()),
            Payload::Bytes(b) => stmpy_core::str::str_hash(&String::from_utf8_lossy(b)),
            Payload::Tuple(items) => {
                // CPython's xxHash-based tuple hash.
                let mut acc: u64 = 0x27D4_EB2F_1656_67C5;
                for it in items.iter() {
                    let lane = hash_simple(it)? as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(0xC2B2_AE3D_27D4_EB4F));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(0x9E37_79B1_85EB_CA87);
                }
                acc = acc.wrapping_add((items.len() as u64) ^ (0x27D4_EB2F_1656_67C5 ^ 3_527_539));
                let h = acc as i64;
                if h == -1 { 1_546_275_796 } else { h }
            }
            Payload::FrozenSet(d) => {
                let mut h: u64 = 0;
                for e in d.iter() {
                    let x = e.hash as u64;
                    h ^= (x ^ (x << 16) ^ 89_869_747).wrapping_mul(3_644_798_167);
                }
                h as i64
            }
            Payload::Instance(_)
            | Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::ByteArray(_) => {
                return None;
            }
            // A weak reference hashes as its referent (`hash`).
            Payload::Opaque(_, d) if d.is::<crate::stdlib::weakref::WeakRef>() => return None,
            _ => (o.id() >> 4) as i64,
        },
    })
}

/// `hash(v)`.
pub fn hash(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<i64> {
    if let Some(h) = hash_simple(v) {
        return Ok(h);
    }
    match v.payload() {
        Some(Payload::Instance(_)) => {
            if let Some(b) = builtin_self(vm, tx, v, "__hash__")? {
                return hash(vm, tx, &b);
            }
            let ty = type_of(v).clone();
            match lookup_type(tx, &ty, "__hash__")? {
                Some(Value::None) => Err(unhashable(v)),
                Some(f) if crate::call::is_builtin_type_method(&f) => {
                    Ok((v.obj().map(|o| o.id()).unwrap_or(0) >> 4) as i64)
                }
                Some(f) => {
                    let r = vm.call_descr(tx, &f, v, std::slice::from_ref(v))?;
                    match r {
                        Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                        Value::Bool(b) => Ok(b as i64),
                        other => match int::to_bigint(&other) {
                            Some(b) => Ok(fmt::hash_bigint(&b)),
                            None => Err(type_error("__hash__ method should return an integer")),
                        },
                    }
                }
                None => Ok((v.obj().map(|o| o.id()).unwrap_or(0) >> 4) as i64),
            }
        }
        Some(Payload::Tuple(items)) => {
            let mut acc: u64 = 0x27D4_EB2F_1656_67C5;
            for it in items.iter() {
                let lane = hash(vm, tx, it)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(0xC2B2_AE3D_27D4_EB4F));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(0x9E37_79B1_85EB_CA87);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (0x27D4_EB2F_1656_67C5 ^ 3_527_539));
            Ok(acc as i64)
        }
        Some(Payload::Opaque(_, d)) if d.is::<crate::stdlib::weakref::WeakRef>() => {
            match crate::stdlib::weakref::as_ref(v) {
                Some(r) => crate::stdlib::weakref::hash(vm, tx, r),
                None => Err(unhashable(v)),
            }
        }
        _ => Err(unhashable(v)),
    }
}

fn unhashable(v: &Value) -> Unwind {
    type_error(format!("unhashable type: '{}'", type_name(v)))
}

// ---------- comparison ----------

fn cmp_ord<T: PartialOrd>(op: CmpOp, a: T, b: T) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

fn swapped(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn dunder_cmp(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    }
}

enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => Some(Num::B(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

fn num_cmp(op: CmpOp, a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::I(x), Num::I(y)) => cmp_ord(op, x, y),
        (Num::F(x), Num::F(y)) => cmp_ord(op, x, y),
        (Num::I(x), Num::F(y)) => int_float_cmp(op, &BigInt::from(x), y),
        (Num::F(x), Num::I(y)) => int_float_cmp(swapped(op), &BigInt::from(y), x),
        (Num::B(x), Num::F(y)) => int_float_cmp(op, &x, y),
        (Num::F(x), Num::B(y)) => int_float_cmp(swapped(op), &y, x),
        (Num::B(x), Num::B(y)) => cmp_ord(op, x, y),
        (Num::B(x), Num::I(y)) => cmp_ord(op, x, BigInt::from(y)),
        (Num::I(x), Num::B(y)) => cmp_ord(op, BigInt::from(x), y),
    }
}

/// Exact int/float comparison (no rounding of the int).
fn int_float_cmp(op: CmpOp, i: &BigInt, f: f64) -> bool {
    if f.is_nan() {
        return op == CmpOp::Ne;
    }
    if f.is_infinite() {
        return cmp_ord(op, 0.0, f);
    }
    let fl = f.floor();
    let fi = fmt::round_float_to_int(fl).unwrap_or_default();
    match i.cmp(&fi) {
        std::cmp::Ordering::Less => cmp_ord(op, 0, 1),
        std::cmp::Ordering::Greater => cmp_ord(op, 1, 0),
        std::cmp::Ordering::Equal => {
            if f > fl {
                cmp_ord(op, 0, 1)
            } else {
                cmp_ord(op, 0, 0)
            }
        }
    }
}

/// Rich comparison `a op b` (the result object).
pub fn compare(vm: &mut Vm, tx: &Tx, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::Bool(cmp_ord(op, x, y)));
    }
    // Subclasses of built-in types compare as their value unless they define the method.
    if crate::subclass::base_of(a).is_some() || crate::subclass::base_of(b).is_some() {
        let a2 = builtin_self(vm, tx, a, dunder_cmp(op))?;
        let b2 = builtin_self(vm, tx, b, dunder_cmp(swapped(op)))?;
        if a2.is_some() || b2.is_some() {
            let a2 = a2.unwrap_or_else(|| a.clone());
            let b2 = b2.unwrap_or_else(|| b.clone());
            if crate::subclass::base_of(&a2).is_none() && crate::subclass::base_of(&b2).is_none() {
                return compare(vm, tx, op, &a2, &b2);
            }
        }
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(Value::Bool(num_cmp(op, x, y)));
    }
    if !is_user_instance(a) && !is_user_instance(b) {
        if let Some(r) = builtin_compare(vm, tx, op, a, b)? {
            return Ok(Value::Bool(r));
        }
    } else {
        // Reflected first when b's type is a proper subclass of a's.
        let (ta, tb) = (type_of(a).clone(), type_of(b).clone());
        let reflected_first = !ta.is(&tb) && is_subtype(&tb, &ta);
        let order: [(bool, &Value, &Value, CmpOp); 2] = if reflected_first {
            [(true, b, a, swapped(op)), (false, a, b, op)]
        } else {
            [(false, a, b, op), (true, b, a, swapped(op))]
        };
        for (_, x, y, o) in order {
            if is_user_instance(x)
                && let Some(r) = call_special(vm, tx, x, dunder_cmp(o), std::slice::from_ref(y))?
                && !is_not_implemented(&r)
            {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(a.is(b))),
        CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ))),
    }
}

pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.is(&types().not_implemented))
}

/// Comparison of built-in containers and strings; `None` when unsupported.
fn builtin_compare(
    vm: &mut Vm,
    tx: &Tx,
    op: CmpOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<bool>> {
    let (Some(pa), Some(pb)) = (a.payload(), b.payload()) else {
        return Ok(match op {
            CmpOp::Eq => Some(simple_eq(a, b).unwrap_or(false)),
            CmpOp::Ne => Some(!simple_eq(a, b).unwrap_or(false)),
            _ => None,
        });
    };
    // Keys and items views compare as sets with sets and other views.
    let setlike = |v: &Value| {
        crate::builtins::dict_methods::is_set_view(v)
            || matches!(v.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_)))
    };
    if (crate::builtins::dict_methods::is_set_view(a)
        || crate::builtins::dict_methods::is_set_view(b))
        && setlike(a)
        && setlike(b)
    {
        let x = crate::builtins::dict_methods::as_set_operand(vm, tx, a)?;
        let y = crate::builtins::dict_methods::as_set_operand(vm, tx, b)?;
        return builtin_compare(vm, tx, op, &x, &y);
    }
    if let Some(r) = crate::stdlib::weakref::compare(vm, tx, op, a, b)? {
        return Ok(Some(r));
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne)
        && let Some(e) = crate::builtins::memoryview::eq(tx, a, b)?
    {
        return Ok(Some(e == (op == CmpOp::Eq)));
    }
    match (pa, pb) {
        (Payload::Str(x), Payload::Str(y)) => Ok(Some(cmp_ord(op, x.as_str(), y.as_str()))),
        (Payload::Bytes(_) | Payload::ByteArray(_), Payload::Bytes(_) | Payload::ByteArray(_)) => {
            let x = crate::builtins::bytes_methods::arg_bytes(tx, a)?;
            let y = crate::builtins::bytes_methods::arg_bytes(tx, b)?;
            Ok(Some(cmp_ord(op, x, y)))
        }
        (Payload::Tuple(x), Payload::Tuple(y)) => seq_compare(vm, tx, op, x, y).map(Some),
        (Payload::Slice(x), Payload::Slice(y)) => {
            let (x, y) = ((**x).clone(), (**y).clone());
            seq_compare(vm, tx, op, &x, &y).map(Some)
        }
        (Payload::List(x), Payload::List(y)) => {
            let xs: Vec<Value> = tx.view(x, |v| v.iter().cloned().collect())?;
            let ys: Vec<Value> = tx.view(y, |v| v.iter().cloned().collect())?;
            seq_compare(vm, tx, op, &xs, &ys).map(Some)
        }
        (Payload::Dict(x), Payload::Dict(y)) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                let (x, y) = (tx.view(x, |v| v.clone())?, tx.view(y, |v| v.clone())?);
                let mut same = x.len() == y.len();
                if same {
                    for e in x.iter() {
                        match dict_lookup(vm, tx, &y, &e.key, Some(e.hash))? {
                            Some(v) if eq(vm, tx, &e.value, &v)? => {}
                            _ => {
                                same = false;
                                break;
                            }
                        }
                    }
                }
                Ok(Some(same == (op == CmpOp::Eq)))
            }
            _ => Ok(None),
        },
        (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_)) => {
            let x = crate::builtins::set_data(tx, a)?;
            let y = crate::builtins::set_data(tx, b)?;
            let sub = |vm: &mut Vm,
                       p: &stmpy_core::dict::DictData,
                       q: &stmpy_core::dict::DictData|
             -> PyResult<bool> {
                for e in p.iter() {
                    if dict_lookup(vm, tx, q, &e.key, Some(e.hash))?.is_none() {
                        return Ok(false);
                    }
                }
                Ok(true)
            };
            Ok(Some(match op {
                CmpOp::Eq => x.len() == y.len() && sub(vm, &x, &y)?,
                CmpOp::Ne => !(x.len() == y.len() && sub(vm, &x, &y)?),
                CmpOp::Le => sub(vm, &x, &y)?,
                CmpOp::Lt => x.len() < y.len() && sub(vm, &x, &y)?,
                CmpOp::Ge => sub(vm, &y, &x)?,
                CmpOp::Gt => x.len() > y.len() && sub(vm, &y, &x)?,
            }))
        }
        _ => Ok(match op {
            CmpOp::Eq => Some(simple_eq(a, b).unwrap_or(false)),
            CmpOp::Ne => Some(!simple_eq(a, b).unwrap_or(false)),
            _ => None,
        }),
    }
}

fn seq_compare(vm: &mut Vm, tx: &Tx, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !(p.is(q) || eq(vm, tx, p, q)?) {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = compare(vm, tx, op, p, q)?;
                    truthy(vm, tx, &r)
                }
            };
        }
    }
    Ok(cmp_ord(op, x.len(), y.len()))
}

/// Dict lookup with Python equality (user `__eq__` allowed).
pub fn dict_lookup(
    vm: &mut Vm,
    tx: &Tx,
    d: &stmpy_core::dict::DictData,
    key: &Value,
    hash_hint: Option<i64>,
) -> PyResult<Option<Value>> {
    let h = match hash_hint {
        Some(h) => h,
        None => hash(vm, tx, key)?,
    };
    if let Some(s) = key.as_str() {
        return Ok(d.get_str(s.as_str(), h).cloned());
    }
    let mut eqf = |a: &Value, b: &Value| eq(vm, tx, a, b);
    Ok(d.get(h, key, &mut eqf)?.cloned())
}

/// `dict_lookup` in a dict/set cell. When no Python `__eq__` can decide (the common
/// case) the lookup runs inside a `view`: a `read` would hand out the transaction's
/// private copy and make the next `modify` of the cell copy it (and keep the old copy
/// until the transaction ends).
pub fn dict_cell_lookup(
    vm: &mut Vm,
    tx: &Tx,
    cell: &stmpy_stm::TVar<stmpy_core::dict::DictData>,
    key: &Value,
    hash_hint: Option<i64>,
) -> PyResult<Option<Value>> {
    let h = match hash_hint {
        Some(h) => h,
        None => hash(vm, tx, key)?,
    };
    let simple = tx.view(cell, |d| {
        if let Some(s) = key.as_str() {
            return Ok(d.get_str(s.as_str(), h).cloned());
        }
        let mut eq = |a: &Value, b: &Value| simple_eq(a, b).ok_or(());
        d.get(h, key, &mut eq).map(|v| v.cloned())
    })?;
    match simple {
        Ok(found) => Ok(found),
        Err(()) => {
            let d = tx.read(cell)?;
            dict_lookup(vm, tx, d, key, Some(h))
        }
    }
}

// ---------- arithmetic ----------

fn binop_dunder(op: BinOp) -> (&'static str, &'static str) {
    match op.base() {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Remainder => ("__mod__", "__rmod__"),
        BinOp::Power => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::And => ("__and__", "__rand__"),
        BinOp::Or => ("__or__", "__ror__"),
        BinOp::Xor => ("__xor__", "__rxor__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
        _ => ("", ""),
    }
}

fn inplace_dunder(op: BinOp) -> &'static str {
    match op.base() {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mul => "__imul__",
        BinOp::TrueDiv => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Remainder => "__imod__",
        BinOp::Power => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::And => "__iand__",
        BinOp::Or => "__ior__",
        BinOp::Xor => "__ixor__",
        _ => "__imatmul__",
    }
}

fn int_op_of(op: BinOp) -> Option<IntOp> {
    Some(match op {
        BinOp::Add => IntOp::Add,
        BinOp::Sub => IntOp::Sub,
        BinOp::Mul => IntOp::Mul,
        BinOp::FloorDiv => IntOp::FloorDiv,
        BinOp::Remainder => IntOp::Mod,
        BinOp::Power => IntOp::Pow,
        BinOp::LShift => IntOp::LShift,
        BinOp::RShift => IntOp::RShift,
        BinOp::And => IntOp::And,
        BinOp::Or => IntOp::Or,
        BinOp::Xor => IntOp::Xor,
        _ => return None,
    })
}

fn is_intlike(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::BigInt(_)),
        _ => false,
    }
}

/// `a op b`.
pub fn binary(vm: &mut Vm, tx: &Tx, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let base = op.base();
    // Fast paths: small ints and floats.
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            if let Some(iop) = int_op_of(base) {
                if let Some(v) = int::small_op(iop, *x, *y)? {
                    return Ok(v);
                }
                return int::int_op(iop, a, b);
            }
            if base == BinOp::TrueDiv {
                return int::true_div(a, b);
            }
        }
        (Value::Float(x), Value::Float(y)) => return float_op(base, *x, *y),
        // `bool & bool` (and `|`, `^`) stays a bool.
        (Value::Bool(x), Value::Bool(y)) if matches!(base, BinOp::And | BinOp::Or | BinOp::Xor) => {
            return Ok(Value::Bool(match base {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            }));
        }
        _ => {}
    }
    if crate::subclass::base_of(a).is_some() || crate::subclass::base_of(b).is_some() {
        let (fwd, rev) = binop_dunder(op);
        let a_fwd = if op.is_inplace() {
            inplace_dunder(op)
        } else {
            fwd
        };
        let a2 = match builtin_self(vm, tx, a, a_fwd)? {
            Some(x) if !op.is_inplace() || builtin_self(vm, tx, a, fwd)?.is_some() => Some(x),
            _ => None,
        };
        let b2 = builtin_self(vm, tx, b, rev)?;
        if a2.is_some() || b2.is_some() {
            let x = a2.clone().unwrap_or_else(|| a.clone());
            let y = b2.unwrap_or_else(|| b.clone());
            if crate::subclass::base_of(&x).is_none() && crate::subclass::base_of(&y).is_none() {
                let r = binary(vm, tx, op, &x, &y)?;
                // `s += [...]` on a list subclass extends its list in place: the name
                // keeps the instance, not the list.
                if op.is_inplace() && a2.as_ref().is_some_and(|x| x.is(&r)) {
                    return Ok(a.clone());
                }
                return Ok(r);
            }
        }
    }
    if is_user_instance(a) || is_user_instance(b) {
        if op.is_inplace()
            && is_user_instance(a)
            && let Some(r) = call_special(vm, tx, a, inplace_dunder(op), std::slice::from_ref(b))?
            && !is_not_implemented(&r)
        {
            return Ok(r);
        }
        let (fwd, rev) = binop_dunder(op);
        let (ta, tb) = (type_of(a).clone(), type_of(b).clone());
        let rev_first = !ta.is(&tb) && is_subtype(&tb, &ta) && is_user_instance(b);
        if rev_first
            && let Some(r) = call_special(vm, tx, b, rev, std::slice::from_ref(a))?
            && !is_not_implemented(&r)
        {
            return Ok(r);
        }
        if is_user_instance(a)
            && let Some(r) = call_special(vm, tx, a, fwd, std::slice::from_ref(b))?
            && !is_not_implemented(&r)
        {
            return Ok(r);
        }
        if !rev_first
            && !ta.is(&tb)
            && is_user_instance(b)
            && let Some(r) = call_special(vm, tx, b, rev, std::slice::from_ref(a))?
            && !is_not_implemented(&r)
        {
            return Ok(r);
        }
        // Built-in operations the user object takes part in through `__index__`
        // (`seq * n`, `n * seq`).
        if (!is_user_instance(a) || (base == BinOp::Mul && !is_user_instance(b)))
            && let Some(r) = builtin_binary(vm, tx, op, a, b)?
        {
            return Ok(r);
        }
        return Err(unsupported(op, a, b));
    }
    match builtin_binary(vm, tx, op, a, b)? {
        Some(v) => Ok(v),
        None => Err(unsupported(op, a, b)),
    }
}

fn unsupported(op: BinOp, a: &Value, b: &Value) -> Unwind {
    if op.base() == BinOp::Power {
        return type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            if op.is_inplace() {
                "**="
            } else {
                "** or pow()"
            },
            type_name(a),
            type_name(b)
        ));
    }
    let is_seq = |v: &Value| {
        matches!(
            v.payload(),
            Some(
                Payload::Str(_)
                    | Payload::List(_)
                    | Payload::Tuple(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_)
            )
        )
    };
    if op.base() == BinOp::Mul && (is_seq(a) || is_seq(b)) {
        let other = if is_seq(a) { b } else { a };
        return type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(other)
        ));
    }
    if op.base() == BinOp::Add
        && matches!(a.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)))
        && !is_user_instance(b)
    {
        return type_error(format!("can't concat {} to {}", type_name(b), type_name(a)));
    }
    if op.base() == BinOp::Add && a.as_str().is_some() {
        return type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_name(b)
        ));
    }
    if op.base() == BinOp::Add
        && matches!(a.payload(), Some(Payload::List(_)))
        && !is_user_instance(b)
    {
        return type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(b)
        ));
    }
    if op.base() == BinOp::Add
        && matches!(a.payload(), Some(Payload::Tuple(_)))
        && !is_user_instance(b)
    {
        return type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_name(b)
        ));
    }
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

pub fn float_op(op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(stmpy_core::error::zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(stmpy_core::error::zero_division(
                    "float floor division by zero",
                ));
            }
            int::float_divmod(x, y)?.0
        }
        BinOp::Remainder => {
            if y == 0.0 {
                return Err(stmpy_core::error::zero_division("float modulo"));
            }
            int::float_divmod(x, y)?.1
        }
        BinOp::Power => return float_pow(x, y),
        _ => {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )));
        }
    }))
}

fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(stmpy_core::error::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        // A negative base to a fractional power is complex.
        let (re, im) = stmpy_core::complex::pow((x, 0.0), (y, 0.0))?;
        return Ok(Value::complex(re, im));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(stmpy_core::error::overflow_error(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(Value::Float(r))
}

fn builtin_binary(
    vm: &mut Vm,
    tx: &Tx,
    op: BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let base = op.base();
    // Numbers.
    if is_intlike(a) && is_intlike(b) {
        if let Some(iop) = int_op_of(base) {
            return Ok(Some(int::int_op(iop, a, b)?));
        }
        if base == BinOp::TrueDiv {
            return Ok(Some(int::true_div(a, b)?));
        }
        return Ok(None);
    }
    let af = matches!(a, Value::Float(_));
    let bf = matches!(b, Value::Float(_));
    if (af || is_intlike(a)) && (bf || is_intlike(b)) && (af || bf) {
        let (x, y) = (int::to_f64(a)?, int::to_f64(b)?);
        return match base {
            BinOp::Add
            | BinOp::Sub
            | BinOp::Mul
            | BinOp::TrueDiv
            | BinOp::FloorDiv
            | BinOp::Remainder
            | BinOp::Power => Ok(Some(float_op(base, x, y)?)),
            _ => Ok(None),
        };
    }
    // `int | None`: a types.UnionType (PEP 604).
    if base == BinOp::Or
        && (matches!(a.payload(), Some(Payload::Type(_)))
            || matches!(b.payload(), Some(Payload::Type(_))))
        && (a.is_none() || matches!(a.payload(), Some(Payload::Type(_))))
        && (b.is_none() || matches!(b.payload(), Some(Payload::Type(_))))
    {
        let union = crate::builtins::generic_alias_helper(vm, tx, "_union")?;
        return Ok(Some(vm.call(tx, &union, &[a.clone(), b.clone()], &[])?));
    }
    {
        use crate::builtins::complex_methods::{as_complex, is_complex};
        if (is_complex(a) || is_complex(b)) && as_complex(a).is_some() && as_complex(b).is_some() {
            return crate::builtins::complex_methods::binary(op, a, b);
        }
    }
    crate::builtins::seq_binary(vm, tx, op, a, b)
}

/// `op v`.
pub fn unary(vm: &mut Vm, tx: &Tx, op: UnaryOp, v: &Value) -> PyResult<Value> {
    if op == UnaryOp::Not {
        return Ok(Value::Bool(!truthy(vm, tx, v)?));
    }
    match (op, v) {
        (UnaryOp::Negative, Value::Float(f)) => return Ok(Value::Float(-f)),
        (UnaryOp::Positive, Value::Float(f)) => return Ok(Value::Float(*f)),
        (UnaryOp::Negative, _) if is_intlike(v) => return Ok(int::neg(v)),
        (UnaryOp::Positive, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
        (UnaryOp::Positive, _) if is_intlike(v) => return Ok(v.clone()),
        (UnaryOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
        (UnaryOp::Negative | UnaryOp::Positive, _)
            if crate::builtins::complex_methods::is_complex(v) =>
        {
            if let Some((re, im)) = crate::builtins::complex_methods::as_complex(v) {
                return Ok(if op == UnaryOp::Negative {
                    Value::complex(-re, -im)
                } else {
                    Value::complex(re, im)
                });
            }
        }
        (UnaryOp::Invert, _) if is_intlike(v) => {
            return Ok(Value::from_bigint(!int::to_bigint(v).unwrap_or_default()));
        }
        _ => {}
    }
    let (name, sym) = match op {
        UnaryOp::Negative => ("__neg__", "-"),
        UnaryOp::Positive => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if let Some(b) = builtin_self(vm, tx, v, name)? {
        return unary(vm, tx, op, &b);
    }
    if is_user_instance(v)
        && let Some(r) = call_special(vm, tx, v, name, &[])?
    {
        return Ok(r);
    }
    Err(type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        type_name(v)
    )))
}

// ---------- repr / str ----------

pub fn repr(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => fmt::float_repr(*f),
        Value::Obj(o) => return crate::builtins::repr_obj(vm, tx, v, o),
    })
}

/// `ascii(v)`: `repr(v)` with non-ASCII characters escaped.
pub fn ascii(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<String> {
    Ok(fmt::escape_non_ascii(repr(vm, tx, v)?))
}

pub fn str_of(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<String> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => Ok(s.as_str().to_string()),
            Payload::Instance(inst) => {
                // A str subclass is its own text; other built-in bases print their repr
                // (which a Python `__repr__` may define), as `object.__str__` does.
                if let Some(b) = builtin_self(vm, tx, v, "__str__")? {
                    return match b.as_str() {
                        Some(s) => Ok(s.as_str().to_string()),
                        None => repr(vm, tx, v),
                    };
                }
                if inst.exc.is_some() && lookup_type(tx, &inst.class, "__str__")?.is_none() {
                    return crate::exceptions::exc_str(vm, tx, o);
                }
                if let Some(r) = call_special(vm, tx, v, "__str__", &[])? {
                    return match r.as_str() {
                        Some(s) => Ok(s.as_str().to_string()),
                        None => Err(type_error(format!(
                            "__str__ returned non-string (type {})",
                            type_name(&r)
                        ))),
                    };
                }
                repr(vm, tx, v)
            }
            _ => repr(vm, tx, v),
        },
        Value::Float(f) => Ok(fmt::float_str(*f)),
        _ => repr(vm, tx, v),
    }
}

// ---------- attributes ----------

/// `obj.name`.
pub fn getattr(vm: &mut Vm, tx: &Tx, obj: &Value, name: &Value) -> PyResult<Value> {
    match getattr_opt(vm, tx, obj, name) {
        Ok(Some(v)) => Ok(v),
        // `__getattr__` runs when the normal lookup found nothing or raised
        // AttributeError (a property or `__getattribute__` giving up), as in CPython.
        Ok(None) => {
            if is_user_instance(obj)
                && let Some(r) =
                    call_special(vm, tx, obj, "__getattr__", std::slice::from_ref(name))?
            {
                return Ok(r);
            }
            Err(no_attribute(obj, name))
        }
        Err(e) if e.is(ExcKind::AttributeError) && is_user_instance(obj) => {
            match call_special(vm, tx, obj, "__getattr__", std::slice::from_ref(name))? {
                Some(r) => Ok(r),
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

pub fn no_attribute(obj: &Value, name: &Value) -> Unwind {
    let n = name.as_str().map(|s| s.as_str()).unwrap_or("?");
    let msg = match obj.payload() {
        Some(Payload::Module(m)) => {
            let mname = m
                .name
                .as_str()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            format!("module '{mname}' has no attribute '{n}'")
        }
        Some(Payload::Type(t)) => format!("type object '{}' has no attribute '{n}'", t.name),
        _ => format!("'{}' object has no attribute '{n}'", type_name(obj)),
    };
    // `AttributeError.name` and `.obj` (3.10+).
    Unwind::with_attrs(
        ExcKind::AttributeError,
        msg,
        &[("name", name.clone()), ("obj", obj.clone())],
    )
}

/// Attribute lookup; `None` when missing (no AttributeError built). A class's Python
/// `__getattribute__` runs instead of the generic lookup.
pub fn getattr_opt(vm: &mut Vm, tx: &Tx, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(Payload::Instance(inst)) = obj.payload()
        && as_type(&inst.class).has_getattribute_hook()
        && let Some(f) = lookup_type(tx, &inst.class, "__getattribute__")?
        && !crate::call::is_native_method(&f)
    {
        return vm
            .call_descr(tx, &f, obj, &[obj.clone(), name.clone()])
            .map(Some);
    }
    generic_getattr(vm, tx, obj, name)
}

/// The common case of `LoadAttr`, inlined into the eval loop: an instance attribute of a
/// class whose MRO holds nothing of that name, found where the attribute cache says
/// instances of the class keep it. `None`: take the general path ([`getattr`]), which
/// gives the same answer whenever this one gives any.
#[inline(always)]
pub fn instance_attr_fast(vm: &Vm, tx: &Tx, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let (Some(Payload::Instance(inst)), Value::Obj(no)) = (obj.payload(), name) else {
        return Ok(None);
    };
    if as_type(&inst.class).has_getattribute_hook() {
        return Ok(None);
    }
    let Some(hint) = vm.attr_cache.instance_hint(tx, &inst.class, no)? else {
        return Ok(None);
    };
    Ok(tx.view(inst.dict(), |d| match d.slot(hint) {
        Some(e) if e.key.is(name) => Some(e.value.clone()),
        _ => None,
    })?)
}

/// The common case of `StoreAttr`, inlined into the eval loop: an instance of a class
/// whose MRO holds nothing of that name and whose `__setattr__` is `object`'s; stores
/// into the instance dict, at the slot the attribute cache suggests. Gives `value` back
/// when the general path ([`setattr`]) must decide.
#[inline(always)]
pub fn instance_setattr_fast(
    vm: &mut Vm,
    tx: &Tx,
    obj: &Value,
    name: &Value,
    value: Value,
) -> PyResult<Result<(), Value>> {
    let (Some(Payload::Instance(inst)), Value::Obj(no), Some(ns)) =
        (obj.payload(), name, name.as_str())
    else {
        return Ok(Err(value));
    };
    if inst.exc.is_some() || !as_type(&inst.class).allows_instance_attr(ns.as_str()) {
        return Ok(Err(value));
    }
    let Some(hint) = vm.attr_cache.instance_hint(tx, &inst.class, no)? else {
        return Ok(Err(value));
    };
    match lookup_special(vm, tx, &inst.class, "__setattr__")? {
        Some(f) if crate::call::is_native_method(&f) => {}
        _ => return Ok(Err(value)),
    }
    let h = ns.hash();
    let at = tx.modify(inst.dict(), |d| d.store_str_hinted(hint, name, h, value))?;
    if at != hint {
        vm.attr_cache.remember_dict_hint(&inst.class, no, at);
    }
    Ok(Ok(()))
}

/// `object.__getattribute__`: data descriptors, the instance dict, then the class.
pub fn generic_getattr(vm: &mut Vm, tx: &Tx, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(ns) = name.as_str() else {
        return Err(type_error("attribute name must be string"));
    };
    let (n, h) = (ns.as_str(), ns.hash());
    if let Value::Obj(o) = obj {
        match &o.payload {
            Payload::Instance(inst) => {
                // Data descriptors (property) on the class win over the instance dict.
                let class_attr = lookup_type_cached(vm, tx, &inst.class, name, n, h)?;
                if let Some(ca) = &class_attr
                    && is_data_descriptor(vm, tx, ca)?
                {
                    return bind_descriptor(vm, tx, ca, obj, &inst.class).map(Some);
                }
                // `view`, not `read`: keeps a later store to this object in place.
                let found = tx.view(inst.dict(), |d| {
                    let i = d.find_str(n, h)?;
                    d.slot(i).map(|e| (e.value.clone(), i))
                })?;
                if let Some((v, i)) = found {
                    // Where `instance_attr_fast` looks next time.
                    if let Value::Obj(no) = name {
                        vm.attr_cache.remember_dict_hint(&inst.class, no, i);
                    }
                    return Ok(Some(v));
                }
                if let Some(ca) = class_attr {
                    return bind_descriptor(vm, tx, &ca, obj, &inst.class).map(Some);
                }
                if inst.exc.is_some() {
                    return crate::exceptions::exc_attr(tx, o, n);
                }
                if n == "__class__" {
                    return Ok(Some(Value::Obj(inst.class.clone())));
                }
                if n == "__dict__"
                    && as_type(&inst.class).slots.is_none()
                    && let Some(d) = inst.dict_object()
                {
                    return Ok(Some(Value::Obj(d.clone())));
                }
                return Ok(None);
            }
            Payload::Type(t) => {
                if let Some(v) = lookup_type_cached(vm, tx, o, name, n, h)? {
                    return Ok(Some(match v.payload() {
                        Some(Payload::ClassMethod(f)) => bound(f.clone(), obj.clone()),
                        Some(Payload::StaticMethod(f)) => f.clone(),
                        _ => v,
                    }));
                }
                if let Some(v) = crate::builtins::type_special_attr(tx, o, t, n)? {
                    return Ok(Some(v));
                }
                // Attributes of a user metaclass (methods, properties) seen from the class.
                if let Some(meta) = &t.meta
                    && let Some(v) = lookup_type_h(tx, meta, n, h)?
                {
                    return bind_descriptor(vm, tx, &v, obj, meta).map(Some);
                }
                // Methods of the metaclass (`type`), bound to the class: `C.mro()`.
                if let Some(v) = lookup_type_h(tx, &types().type_, n, h)? {
                    return Ok(Some(bound(v, obj.clone())));
                }
                return Ok(None);
            }
            Payload::Module(m) => {
                if let Payload::Dict(d) = &m.dict.payload
                    && let Some(v) = tx.view(d, |d| d.get_str(n, h).cloned())?
                {
                    return Ok(Some(v));
                }
                if n == "__dict__" {
                    return Ok(Some(Value::Obj(m.dict.clone())));
                }
                return Ok(None);
            }
            Payload::Super(cls, target) => return super_getattr(vm, tx, cls, target, n, h),
            Payload::Function(f) => {
                if let Some(v) = tx.view(&f.dict, |d| d.get_str(n, h).cloned())? {
                    return Ok(Some(v));
                }
                return crate::builtins::function_attr(tx, o, f, n);
            }
            _ => {}
        }
    }
    // Built-in values: methods from the type.
    let ty = type_of(obj);
    match lookup_type_cached(vm, tx, ty, name, n, h)? {
        Some(v) => bind_descriptor(vm, tx, &v, obj, ty).map(Some),
        None => crate::builtins::builtin_special_attr(vm, tx, obj, n),
    }
}

/// `super(cls, target).name`: the MRO of target's class, after `cls`.
fn super_getattr(
    vm: &mut Vm,
    tx: &Tx,
    cls: &ObjRef,
    target: &Value,
    n: &str,
    h: i64,
) -> PyResult<Option<Value>> {
    // A class target is an instance of its metaclass when `cls` is not one of its bases
    // (`super().__instancecheck__(inst)` in a metaclass method).
    let target_is_type = match target.obj() {
        Some(o) if matches!(o.payload, Payload::Type(_)) => is_subtype(o, cls),
        _ => false,
    };
    let start = match target.obj() {
        Some(o) if target_is_type => o.clone(),
        _ => type_of(target).clone(),
    };
    let mut after = false;
    for t in mro_of(&start) {
        if !after {
            after = t.is(cls);
            continue;
        }
        if let Payload::Type(tt) = &t.payload
            && let Some(v) = tt.dict.read(tx)?.get_str(n, h)
        {
            let v = v.clone();
            return Ok(Some(match v.payload() {
                Some(Payload::ClassMethod(f)) => bound(f.clone(), Value::Obj(start.clone())),
                Some(Payload::StaticMethod(f)) => f.clone(),
                Some(Payload::Function(_)) | Some(Payload::Native(_)) if !target_is_type => {
                    bound(v, target.clone())
                }
                Some(Payload::Property(..)) if !target_is_type => {
                    bind_descriptor(vm, tx, &v, target, &start)?
                }
                _ => v,
            }));
        }
    }
    if n == "__class__" {
        return Ok(Some(Value::Obj(types().super_.clone())));
    }
    Ok(None)
}

pub fn bound(f: Value, self_: Value) -> Value {
    Value::Obj(ObjRef::new(Payload::BoundMethod(self_, f)))
}

/// Applies the descriptor protocol to a class attribute `attr` found for `obj`.
pub fn bind_descriptor(
    vm: &mut Vm,
    tx: &Tx,
    attr: &Value,
    obj: &Value,
    class: &ObjRef,
) -> PyResult<Value> {
    match attr.payload() {
        Some(Payload::Function(_)) | Some(Payload::Native(_)) => {
            Ok(bound(attr.clone(), obj.clone()))
        }
        Some(Payload::ClassMethod(f)) => Ok(bound(f.clone(), Value::Obj(class.clone()))),
        Some(Payload::StaticMethod(f)) => Ok(f.clone()),
        Some(Payload::Property(p)) => {
            let fget = &p[0];
            if fget.is_none() {
                return Err(attribute_error("property has no getter"));
            }
            let fget = fget.clone();
            vm.call(tx, &fget, std::slice::from_ref(obj), &[])
        }
        Some(Payload::Instance(_)) => {
            // A user-defined descriptor: __get__.
            if let Some(get) = lookup_type(tx, type_of(attr), "__get__")? {
                return vm.call(
                    tx,
                    &get,
                    &[attr.clone(), obj.clone(), Value::Obj(class.clone())],
                    &[],
                );
            }
            Ok(attr.clone())
        }
        _ => Ok(attr.clone()),
    }
}

/// `obj.name = value`.
pub fn setattr(vm: &mut Vm, tx: &Tx, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
    let Some(ns) = name.as_str() else {
        return Err(type_error("attribute name must be string"));
    };
    let (n, h) = (ns.as_str(), ns.hash());
    match obj.payload() {
        Some(Payload::Instance(inst)) => {
            if let Some(ca) = lookup_type_cached(vm, tx, &inst.class, name, n, h)? {
                match ca.payload() {
                    Some(Payload::Property(p)) => {
                        let fset = &p[1];
                        if fset.is_none() {
                            return Err(attribute_error(format!(
                                "property '{n}' of '{}' object has no setter",
                                type_name(obj)
                            )));
                        }
                        let fset = fset.clone();
                        vm.call(tx, &fset, &[obj.clone(), value], &[])?;
                        return Ok(());
                    }
                    Some(Payload::Instance(_)) => {
                        if let Some(set) = lookup_type(tx, type_of(&ca), "__set__")? {
                            vm.call(tx, &set, &[ca.clone(), obj.clone(), value], &[])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
            if let Some(f) = lookup_special(vm, tx, &inst.class, "__setattr__")?
                && !crate::call::is_native_method(&f)
            {
                vm.call(tx, &f, &[obj.clone(), name.clone(), value], &[])?;
                return Ok(());
            }
            if let Some(cell) = &inst.exc
                && crate::exceptions::set_exc_attr(vm, tx, cell, n, &value)?
            {
                return Ok(());
            }
            if !as_type(&inst.class).allows_instance_attr(n) {
                return Err(attribute_error(format!(
                    "'{}' object has no attribute '{n}'",
                    type_name(obj)
                )));
            }
            tx.modify(inst.dict(), |d| d.insert_str(name.clone(), h, value))?;
            Ok(())
        }
        Some(Payload::Type(t)) => {
            // A user metaclass's __setattr__ (Enum: members cannot be reassigned).
            if let Some(meta) = &t.meta
                && let Some(f) = lookup_type(tx, meta, "__setattr__")?
                && !crate::call::is_native_method(&f)
            {
                vm.call(tx, &f, &[obj.clone(), name.clone(), value], &[])?;
                return Ok(());
            }
            if n == "__getattribute__" {
                t.getattribute_hook
                    .store(true, std::sync::atomic::Ordering::Relaxed);
            }
            t.dict
                .modify(tx, |d| d.insert_str(name.clone(), h, value))?;
            Ok(())
        }
        Some(Payload::Module(m)) => {
            if let Payload::Dict(d) = &m.dict.payload {
                tx.modify(d, |d| d.insert_str(name.clone(), h, value))?;
            }
            Ok(())
        }
        Some(Payload::Function(f)) => {
            tx.modify(&f.dict, |d| d.insert_str(name.clone(), h, value))?;
            Ok(())
        }
        Some(Payload::Opaque(..))
            if n == "tb_next" && crate::exceptions::as_traceback(obj).is_some() =>
        {
            match crate::exceptions::as_traceback(obj) {
                Some(tb) => tb.set_next(tx, obj, &value),
                None => Ok(()),
            }
        }
        _ => {
            if lookup_type_h(tx, type_of(obj), n, h)?.is_some() {
                Err(attribute_error(format!(
                    "'{}' object attribute '{n}' is read-only",
                    type_name(obj)
                )))
            } else {
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{n}'",
                    type_name(obj)
                )))
            }
        }
    }
}

/// `del obj.name`.
pub fn delattr(vm: &mut Vm, tx: &Tx, obj: &Value, name: &Value) -> PyResult<()> {
    let ns = name
        .as_str()
        .ok_or_else(|| type_error("attribute name must be string"))?;
    let (n, h) = (ns.as_str(), ns.hash());
    let dict = match obj.payload() {
        Some(Payload::Instance(inst)) => {
            if let Some(f) = lookup_type(tx, &inst.class, "__delattr__")?
                && !crate::call::is_native_method(&f)
            {
                vm.call_descr(tx, &f, obj, &[obj.clone(), name.clone()])?;
                return Ok(());
            }
            if let Some(ca) = lookup_type_h(tx, &inst.class, n, h)?
                && let Some(Payload::Property(p)) = ca.payload()
            {
                let fdel = &p[2];
                if fdel.is_none() {
                    return Err(attribute_error(format!(
                        "property '{n}' of '{}' object has no deleter",
                        type_name(obj)
                    )));
                }
                let fdel = fdel.clone();
                vm.call(tx, &fdel, std::slice::from_ref(obj), &[])?;
                return Ok(());
            }
            inst.dict()
        }
        Some(Payload::Type(t)) => {
            let mut eqf = |a: &Value, _: &Value| {
                Ok::<bool, Unwind>(a.as_str().is_some_and(|s| s.as_str() == n))
            };
            if t.dict
                .modify(tx, |d| d.remove(h, name, &mut eqf))??
                .is_none()
            {
                return Err(no_attribute(obj, name));
            }
            return Ok(());
        }
        Some(Payload::Function(f)) => &f.dict,
        Some(Payload::Module(m)) => match &m.dict.payload {
            Payload::Dict(d) => d,
            _ => return Err(no_attribute(obj, name)),
        },
        _ => return Err(no_attribute(obj, name)),
    };
    let mut eqf =
        |a: &Value, _: &Value| Ok::<bool, Unwind>(a.as_str().is_some_and(|s| s.as_str() == n));
    let removed = tx.modify(dict, |d| d.remove(h, name, &mut eqf))??;
    if removed.is_none() {
        return Err(no_attribute(obj, name));
    }
    Ok(())
}

// ---------- items, length, containment ----------

/// Normalises a sequence index (negative from the end); IndexError text from `what`.
/// CPython's `TypeError` for a non-integer index; `what` as `seq_index` takes it (the
/// noun of its `IndexError`).
fn index_type_error(i: &Value, what: &str) -> Unwind {
    let t = type_name(i);
    match what {
        "string" => type_error(format!("string indices must be integers, not '{t}'")),
        "index" => type_error(format!("byte indices must be integers or slices, not {t}")),
        _ => {
            let noun = what.split(' ').next().unwrap_or(what);
            type_error(format!(
                "{noun} indices must be integers or slices, not {t}"
            ))
        }
    }
}

/// `i` as an index into a sequence of `len` items (negative from the end), if in range.
#[inline(always)]
pub fn in_range(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0 <= j && j < len as i64).then_some(j as usize)
}

pub fn seq_index(i: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match i {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) if matches!(o.payload, Payload::BigInt(_)) => {
            return Err(index_error("cannot fit 'int' into an index-sized integer"));
        }
        _ => return Err(index_type_error(i, what)),
    };
    let Some(j) = in_range(i, len) else {
        return Err(index_error(match what {
            // bytes (CPython names no type there)
            "index" => "index out of range".to_string(),
            _ => format!("{what} index out of range"),
        }));
    };
    Ok(j)
}

pub fn len(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<usize> {
    if let Value::Obj(o) = v {
        match &o.payload {
            Payload::Str(s) => return Ok(s.char_len()),
            Payload::Tuple(t) => return Ok(t.len()),
            Payload::List(l) => return Ok(tx.view(l, |v| v.len())?),
            Payload::Dict(d) | Payload::Set(d) => return Ok(tx.view(d, |v| v.len())?),
            Payload::FrozenSet(d) => return Ok(d.len()),
            Payload::Bytes(b) => return Ok(b.len()),
            Payload::ByteArray(b) => return Ok(tx.read(b)?.len()),
            Payload::Range(a, b, c) => return Ok(range_len(*a, *b, *c) as usize),
            Payload::Instance(inst) if inst.base.is_some() => {
                if let Some(b) = builtin_self(vm, tx, v, "__len__")? {
                    return len(vm, tx, &b);
                }
                if let Some(r) = call_special(vm, tx, v, "__len__", &[])? {
                    let n = index_of(&r)?;
                    if n < 0 {
                        return Err(value_error("__len__() should return >= 0"));
                    }
                    return Ok(n as usize);
                }
            }
            Payload::Instance(_) | Payload::Type(_) => {
                if let Some(r) = call_special(vm, tx, v, "__len__", &[])? {
                    let n = index_of(&r)?;
                    if n < 0 {
                        return Err(Unwind::new(
                            ExcKind::ValueError,
                            "__len__() should return >= 0",
                        ));
                    }
                    return Ok(n as usize);
                }
            }
            _ => {
                if let Some(n) = crate::builtins::opaque_len(tx, o)? {
                    return Ok(n);
                }
            }
        }
    }
    Err(type_error(format!(
        "object of type '{}' has no len()",
        type_name(v)
    )))
}

/// `item in container`.
pub fn contains(vm: &mut Vm, tx: &Tx, container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::Obj(o) = container {
        match &o.payload {
            Payload::Str(s) => {
                let Some(sub) = item.text() else {
                    return Err(type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(item)
                    )));
                };
                return Ok(s.as_str().contains(sub.as_str()));
            }
            Payload::Dict(d) | Payload::Set(d) => {
                return Ok(dict_cell_lookup(vm, tx, d, item, None)?.is_some());
            }
            Payload::FrozenSet(d) => return Ok(dict_lookup(vm, tx, d, item, None)?.is_some()),
            Payload::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || eq(vm, tx, x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Payload::List(l) => {
                let found = tx.view(l, |l| {
                    for x in l.iter() {
                        match simple_eq(x, item) {
                            Some(true) => return Some(true),
                            Some(false) => {}
                            None => return None,
                        }
                    }
                    Some(false)
                })?;
                if let Some(found) = found {
                    return Ok(found);
                }
                let l = tx.read(l)?;
                for x in l.iter() {
                    if x.is(item) || eq(vm, tx, x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Payload::Range(a, b, c) => {
                if let Value::Int(i) = item {
                    let (a, b, c) = (*a, *b, *c);
                    let inside = if c > 0 {
                        *i >= a && *i < b
                    } else {
                        *i <= a && *i > b
                    };
                    return Ok(inside && (i - a) % c == 0);
                }
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                let b = crate::builtins::bytes_methods::arg_bytes(tx, container)?;
                if let Some(sub) = crate::builtins::bytes_methods::bytes_like(tx, item)? {
                    return Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub));
                }
                let i = index_of(item).map_err(|_| {
                    type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(item)
                    ))
                })?;
                let byte =
                    u8::try_from(i).map_err(|_| value_error("byte must be in range(0, 256)"))?;
                return Ok(b.contains(&byte));
            }
            Payload::Instance(inst)
                if inst.base.is_some()
                    && lookup_special(vm, tx, &inst.class, "__contains__")?
                        .is_none_or(|f| crate::call::is_native_method(&f)) =>
            {
                if let Some(b) = builtin_self(vm, tx, container, "__contains__")? {
                    return contains(vm, tx, &b, item);
                }
            }
            Payload::Instance(_) | Payload::Type(_) => {
                if let Some(r) = call_special(
                    vm,
                    tx,
                    container,
                    "__contains__",
                    std::slice::from_ref(item),
                )? {
                    return truthy(vm, tx, &r);
                }
            }
            _ => {}
        }
    }
    // Fall back to iteration.
    let it = crate::iter::iter(vm, tx, container).map_err(|e| {
        if e.is(ExcKind::TypeError) {
            type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            ))
        } else {
            e
        }
    })?;
    while let Some(x) = crate::iter::next(vm, tx, &it)? {
        if x.is(item) || eq(vm, tx, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `isinstance(v, cls)` for one class.
pub fn isinstance(v: &Value, cls: &ObjRef) -> bool {
    is_subtype(type_of(v), cls)
}

/// Is `class` an exception class (layout Exception)?
pub fn is_exception_class(class: &ObjRef) -> bool {
    matches!(&class.payload, Payload::Type(t) if t.layout == Layout::Exception)
}
