//! Methods of `dict`, `set`, `frozenset` and the dict views.

use std::sync::OnceLock;

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, type_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, type_name};
use stmpy_core::value::{ObjRef, Payload, Value};

use super::{DictView, Table, arg_count, dict_data};
use crate::bytecode::BinOp;
use crate::ops;
use crate::vm::Vm;

pub const DICT: Table = &[
    ("get", get),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("pop", pop),
    ("popitem", popitem),
    ("setdefault", setdefault),
    ("update", dict_update),
    ("clear", clear),
    ("copy", copy),
    ("fromkeys", fromkeys),
    ("__len__", dunder_len),
    ("__getitem__", dunder_getitem),
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
    ("__contains__", dunder_contains),
    ("__iter__", dunder_iter),
];

pub const SET: Table = &[
    ("add", add),
    ("remove", remove),
    ("discard", discard),
    ("pop", set_pop),
    ("clear", clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("intersection_update", intersection_update),
    ("difference_update", difference_update),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
    ("__len__", dunder_len),
    ("__contains__", dunder_contains),
    ("__iter__", dunder_iter),
];

pub const FROZENSET: Table = &[
    ("copy", set_copy),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
    ("__len__", dunder_len),
    ("__contains__", dunder_contains),
    ("__iter__", dunder_iter),
];

pub const VIEW: Table = &[
    ("__len__", dunder_len),
    ("__iter__", dunder_iter),
    ("__contains__", dunder_contains),
];

/// A keys or items view (set-like: `&`, `|`, `-`, `^` and set comparisons apply).
pub fn is_set_view(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Opaque(_, d))
        if d.downcast_ref::<DictView>().is_some_and(|view| view.kind != 1))
}

/// The set a set operation with a view uses for an operand: a set as it is, anything
/// else (views included) as the set of its items.
pub fn as_set_operand(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<Value> {
    if matches!(v.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_))) {
        return Ok(v.clone());
    }
    let items = crate::iter::collect(vm, tx, v)?;
    super::new_set(vm, tx, items)
}

pub fn view_type(kind: u8) -> &'static ObjRef {
    static T: OnceLock<[ObjRef; 3]> = OnceLock::new();
    &T.get_or_init(|| {
        [
            super::make_builtin_type("dict_keys"),
            super::make_builtin_type("dict_values"),
            super::make_builtin_type("dict_items"),
        ]
    })[kind as usize]
}

fn dcell<'a>(args: &'a [Value], name: &str) -> PyResult<&'a TVar<DictData>> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::Dict(d)) => Ok(d),
        _ => Err(super::bad_self("dict", name, args)),
    }
}

fn get(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dcell(args, "get")?;
    arg_count("get", args, 2, 3)?;
    Ok(ops::dict_cell_lookup(vm, tx, d, &args[1], None)?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or_default()))
}

fn view(args: &[Value], kind: u8) -> PyResult<Value> {
    let Some(o) = args.first().and_then(|v| v.obj()) else {
        return Err(type_error("dict view of a non-dict"));
    };
    Ok(Value::Obj(ObjRef::new(Payload::Opaque(
        view_type(kind).clone(),
        Box::new(DictView {
            dict: o.clone(),
            kind,
        }),
    ))))
}

fn keys(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dcell(args, "keys")?;
    view(args, 0)
}

fn values(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dcell(args, "values")?;
    view(args, 1)
}

fn items(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dcell(args, "items")?;
    view(args, 2)
}

fn pop(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dcell(args, "pop")?;
    arg_count("pop", args, 2, 3)?;
    let h = ops::hash(vm, tx, &args[1])?;
    let snapshot = tx.view(d, |v| v.clone())?;
    let mut eqf = |a: &Value, b: &Value| ops::eq(vm, tx, a, b);
    match snapshot.lookup(h, &args[1], &mut eqf)? {
        Some(i) => {
            let e = tx.modify(d, |d| d.remove_slot(i))?;
            Ok(e.map(|e| e.value).unwrap_or_default())
        }
        None => match args.get(2) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(super::key_error(&args[1])),
        },
    }
}

fn popitem(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dcell(args, "popitem")?;
    match tx.modify(d, |d| d.pop_last())? {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(Unwind::new(
            ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn setdefault(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dcell(args, "setdefault")?;
    arg_count("setdefault", args, 2, 3)?;
    if let Some(v) = ops::dict_cell_lookup(vm, tx, d, &args[1], None)? {
        return Ok(v);
    }
    let dflt = args.get(2).cloned().unwrap_or_default();
    super::dict_set(vm, tx, &args[0], args[1].clone(), dflt.clone())?;
    Ok(dflt)
}

pub fn dict_update(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    dcell(args, "update")?;
    arg_count("update", args, 1, 2)?;
    if let Some(src) = args.get(1) {
        update_from(vm, tx, &args[0], src)?;
    }
    for (k, v) in kw {
        super::dict_set(vm, tx, &args[0], k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn update_from(vm: &mut Vm, tx: &Tx, target: &Value, src: &Value) -> PyResult<()> {
    if matches!(src.payload(), Some(Payload::Dict(_)))
        || ops::getattr_opt(vm, tx, src, &Value::str("keys"))?.is_some()
    {
        for (k, v) in super::mapping_pairs(vm, tx, src)? {
            super::dict_set(vm, tx, target, k, v)?;
        }
        return Ok(());
    }
    for (i, item) in crate::iter::collect(vm, tx, src)?.into_iter().enumerate() {
        let pair = crate::iter::collect(vm, tx, &item).map_err(|_| {
            type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(Unwind::new(
                ExcKind::ValueError,
                format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                ),
            ));
        }
        super::dict_set(vm, tx, target, pair[0].clone(), pair[1].clone())?;
    }
    Ok(())
}

pub fn dict_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("dict", args, 0, 1)?;
    let d = Value::dict(DictData::new());
    if let Some(src) = args.first() {
        update_from(vm, tx, &d, src)?;
    }
    for (k, v) in kw {
        super::dict_set(vm, tx, &d, k.clone(), v.clone())?;
    }
    Ok(d)
}

fn clear(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::Dict(d)) | Some(Payload::Set(d)) => tx.write(d, DictData::new())?,
        _ => return Err(type_error("clear() requires a dict or set")),
    }
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = dcell(args, "copy")?;
    Ok(Value::dict(tx.view(d, |v| v.clone())?))
}

fn fromkeys(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("fromkeys", args, 2, 3)?;
    let d = Value::dict(DictData::new());
    let v = args.get(2).cloned().unwrap_or_default();
    for k in crate::iter::collect(vm, tx, &args[1])? {
        super::dict_set(vm, tx, &d, k, v.clone())?;
    }
    Ok(d)
}

fn dunder_len(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(ops::len(vm, tx, &args[0])? as i64))
}

fn dunder_getitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__getitem__", args, 2, 2)?;
    // Called with the subclass instance itself (see `subclass::native_self`), so a
    // missing key reaches the subclass's `__missing__` (`super().__getitem__` and a
    // bound `d.__getitem__` both do in CPython).
    if let Some(Payload::Instance(inst)) = args[0].payload()
        && let Some(base) = &inst.base
    {
        return super::subclass_getitem(vm, tx, &args[0], &inst.class, base, &args[1]);
    }
    super::getitem(vm, tx, &args[0], &args[1])
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

fn dunder_contains(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    arg_count("__contains__", args, 2, 2)?;
    if let Some(Payload::Opaque(_, d)) = args[0].payload()
        && let Some(view) = d.downcast_ref::<DictView>()
    {
        let data = dict_data(tx, &view.dict)?;
        return Ok(Value::Bool(match view.kind {
            0 => ops::dict_lookup(vm, tx, &data, &args[1], None)?.is_some(),
            _ => {
                let items: Vec<Value> = data
                    .iter()
                    .map(|e| {
                        if view.kind == 1 {
                            e.value.clone()
                        } else {
                            Value::tuple(vec![e.key.clone(), e.value.clone()])
                        }
                    })
                    .collect();
                let mut found = false;
                for it in items {
                    if ops::eq(vm, tx, &it, &args[1])? {
                        found = true;
                        break;
                    }
                }
                found
            }
        }));
    }
    Ok(Value::Bool(ops::contains(vm, tx, &args[0], &args[1])?))
}

fn dunder_iter(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::iter::iter(vm, tx, &args[0])
}

// ---------- sets ----------

fn scell<'a>(args: &'a [Value], name: &str) -> PyResult<&'a TVar<DictData>> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::Set(d)) => Ok(d),
        _ => Err(super::bad_self("set", name, args)),
    }
}

fn add(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    scell(args, "add")?;
    arg_count("add", args, 2, 2)?;
    super::set_add(vm, tx, &args[0], args[1].clone())?;
    Ok(Value::None)
}

fn discard_impl(vm: &mut Vm, tx: &Tx, args: &[Value], must: bool) -> PyResult<Value> {
    let s = scell(args, "remove")?;
    arg_count("remove", args, 2, 2)?;
    let h = ops::hash(vm, tx, &args[1])?;
    let snapshot = tx.view(s, |v| v.clone())?;
    let mut eqf = |a: &Value, b: &Value| ops::eq(vm, tx, a, b);
    match snapshot.lookup(h, &args[1], &mut eqf)? {
        Some(i) => {
            tx.modify(s, |d| {
                d.remove_slot(i);
            })?;
        }
        None if must => return Err(super::key_error(&args[1])),
        None => {}
    }
    Ok(Value::None)
}

fn remove(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    discard_impl(vm, tx, args, true)
}

fn discard(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    discard_impl(vm, tx, args, false)
}

fn set_pop(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = scell(args, "pop")?;
    let data = tx.view(s, |v| v.clone())?;
    let Some(first) = super::set_order(&data).into_iter().next() else {
        return Err(Unwind::new(ExcKind::KeyError, "pop from an empty set"));
    };
    let mut same = |a: &Value, b: &Value| Ok::<bool, ()>(a.is(b));
    let h = data
        .iter()
        .find(|e| e.key.is(&first))
        .map(|e| e.hash)
        .unwrap_or(0);
    tx.modify(s, |d| {
        let _ = d.remove(h, &first, &mut same);
    })?;
    Ok(first)
}

fn set_copy(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let data = super::set_data(tx, &args[0])?;
    Ok(match args[0].payload() {
        Some(Payload::FrozenSet(_)) => args[0].clone(),
        _ => Value::Obj(ObjRef::new(Payload::Set(TVar::new(data)))),
    })
}

fn set_update(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    scell(args, "update")?;
    for other in &args[1..] {
        for v in crate::iter::collect(vm, tx, other)? {
            super::set_add(vm, tx, &args[0], v)?;
        }
    }
    Ok(Value::None)
}

fn as_set(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<Value> {
    if matches!(v.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_))) {
        return Ok(v.clone());
    }
    let items = crate::iter::collect(vm, tx, v)?;
    super::new_set(vm, tx, items)
}

fn same_kind(a: &Value, data: DictData) -> Value {
    match a.payload() {
        Some(Payload::FrozenSet(_)) => Value::frozenset(data),
        _ => Value::Obj(ObjRef::new(Payload::Set(TVar::new(data)))),
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets (result of a's kind).
pub fn set_op(vm: &mut Vm, tx: &Tx, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let x = super::set_data(tx, a)?;
    let y = super::set_data(tx, b)?;
    let mut out = DictData::new();
    let has = |vm: &mut Vm, d: &DictData, e: &stmpy_core::dict::Entry| -> PyResult<bool> {
        Ok(ops::dict_lookup(vm, tx, d, &e.key, Some(e.hash))?.is_some())
    };
    match op {
        BinOp::Or => {
            out = x.clone();
            for e in y.iter() {
                if !has(vm, &out, e)? {
                    out.push_new(e.hash, e.key.clone(), Value::None);
                }
            }
        }
        BinOp::And => {
            for e in x.iter() {
                if has(vm, &y, e)? {
                    out.push_new(e.hash, e.key.clone(), Value::None);
                }
            }
        }
        BinOp::Sub => {
            for e in x.iter() {
                if !has(vm, &y, e)? {
                    out.push_new(e.hash, e.key.clone(), Value::None);
                }
            }
        }
        _ => {
            for e in x.iter() {
                if !has(vm, &y, e)? {
                    out.push_new(e.hash, e.key.clone(), Value::None);
                }
            }
            for e in y.iter() {
                if !has(vm, &x, e)? {
                    out.push_new(e.hash, e.key.clone(), Value::None);
                }
            }
        }
    }
    Ok(same_kind(a, out))
}

fn fold(vm: &mut Vm, tx: &Tx, args: &[Value], op: BinOp) -> PyResult<Value> {
    let mut acc = args[0].clone();
    for other in &args[1..] {
        let o = as_set(vm, tx, other)?;
        acc = set_op(vm, tx, op, &acc, &o)?;
    }
    if args.len() == 1 {
        return set_copy(vm, tx, args, &[]);
    }
    Ok(acc)
}

fn union(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    fold(vm, tx, args, BinOp::Or)
}

fn intersection(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    fold(vm, tx, args, BinOp::And)
}

fn difference(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    fold(vm, tx, args, BinOp::Sub)
}

fn symmetric_difference(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    arg_count("symmetric_difference", args, 2, 2)?;
    fold(vm, tx, args, BinOp::Xor)
}

fn in_place(vm: &mut Vm, tx: &Tx, args: &[Value], op: BinOp) -> PyResult<Value> {
    let s = scell(args, "update")?;
    let r = fold(vm, tx, args, op)?;
    let data = super::set_data(tx, &r)?;
    tx.write(s, data)?;
    Ok(Value::None)
}

fn intersection_update(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    in_place(vm, tx, args, BinOp::And)
}

fn difference_update(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    in_place(vm, tx, args, BinOp::Sub)
}

fn issubset(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("issubset", args, 2, 2)?;
    let o = as_set(vm, tx, &args[1])?;
    ops::compare(vm, tx, crate::bytecode::CmpOp::Le, &args[0], &o)
}

fn issuperset(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("issuperset", args, 2, 2)?;
    let o = as_set(vm, tx, &args[1])?;
    ops::compare(vm, tx, crate::bytecode::CmpOp::Ge, &args[0], &o)
}

fn isdisjoint(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("isdisjoint", args, 2, 2)?;
    let o = as_set(vm, tx, &args[1])?;
    let r = set_op(vm, tx, BinOp::And, &args[0], &o)?;
    Ok(Value::Bool(super::set_data(tx, &r)?.is_empty()))
}

pub fn unused(v: &Value) -> &str {
    type_name(v)
}
