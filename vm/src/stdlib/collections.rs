//! `_collections`: the storage of `collections.deque`.
//!
//! A deque is one STM cell holding a persistent vector (`imbl::Vector`), so every
//! operation is one transactional read-modify-write of the cell: two threads appending to
//! the same deque never lose an item, and a copy shares structure instead of copying it.
//! The Python class (`vm/lib/collections/__init__.py`) holds the cell in `self._s` and
//! calls these functions; the argument checks live there.

use std::sync::OnceLock;

use stmpy_core::error::{PyResult, index_error, type_error};
use stmpy_core::imbl::Vector;
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::builtins::{Table, make_builtin_type};
use crate::vm::Vm;

type Items = Vector<Value>;

pub const FUNCTIONS: Table = &[
    ("_new", dq_new),
    ("_len", dq_len),
    ("_items", dq_items),
    ("_append", dq_append),
    ("_appendleft", dq_appendleft),
    ("_pop", dq_pop),
    ("_popleft", dq_popleft),
    ("_extend", dq_extend),
    ("_extendleft", dq_extendleft),
    ("_rotate", dq_rotate),
    ("_get", dq_get),
    ("_set", dq_set),
    ("_delete", dq_delete),
    ("_insert", dq_insert),
    ("_clear", dq_clear),
    ("_reverse", dq_reverse),
    ("_replace", dq_replace),
];

fn state_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| make_builtin_type("deque_state"))
}

fn cell(v: Option<&Value>) -> PyResult<&TVar<Items>> {
    if let Some(Payload::Opaque(_, d)) = v.and_then(|v| v.payload())
        && let Some(c) = d.downcast_ref::<TVar<Items>>()
    {
        return Ok(c);
    }
    Err(type_error(
        "descriptor requires a 'collections.deque' object",
    ))
}

/// The items of a list or tuple argument (the Python side converts other iterables).
fn seq(v: Option<&Value>, tx: &Tx) -> PyResult<Vec<Value>> {
    match v.and_then(|v| v.payload()) {
        Some(Payload::List(l)) => Ok(tx.view(l, |v| v.iter().cloned().collect())?),
        Some(Payload::Tuple(t)) => Ok(t.to_vec()),
        _ => Err(type_error("expected a list")),
    }
}

/// `maxlen` argument: `None` for unbounded.
fn maxlen(v: Option<&Value>) -> Option<usize> {
    match v {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    }
}

fn int_arg(v: Option<&Value>) -> PyResult<i64> {
    match v {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        _ => Err(type_error("an integer is required")),
    }
}

/// A normalised index into a deque of `len` items, or `IndexError`.
fn index(i: i64, len: usize) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn dq_new(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut items: Items = seq(args.first(), tx)?.into_iter().collect();
    if let Some(m) = maxlen(args.get(1)) {
        while items.len() > m {
            items.pop_front();
        }
    }
    Ok(Value::Obj(ObjRef::new(Payload::Opaque(
        state_type().clone(),
        Box::new(TVar::new(items)),
    ))))
}

fn dq_len(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(tx.view(cell(args.first())?, |v| v.len())? as i64))
}

fn dq_items(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let items = tx.view(cell(args.first())?, |d| d.iter().cloned().collect())?;
    Ok(Value::list_from(items))
}

fn dq_append(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    let m = maxlen(args.get(2));
    tx.modify(c, |d| {
        if m == Some(0) {
            return;
        }
        d.push_back(x);
        if m.is_some_and(|m| d.len() > m) {
            d.pop_front();
        }
    })?;
    Ok(Value::None)
}

fn dq_appendleft(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    let m = maxlen(args.get(2));
    tx.modify(c, |d| {
        if m == Some(0) {
            return;
        }
        d.push_front(x);
        if m.is_some_and(|m| d.len() > m) {
            d.pop_back();
        }
    })?;
    Ok(Value::None)
}

fn dq_pop(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    tx.modify(c, |d| d.pop_back())?
        .ok_or_else(|| index_error("pop from an empty deque"))
}

fn dq_popleft(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    tx.modify(c, |d| d.pop_front())?
        .ok_or_else(|| index_error("pop from an empty deque"))
}

fn dq_extend(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let xs = seq(args.get(1), tx)?;
    let m = maxlen(args.get(2));
    tx.modify(c, |d| {
        for x in xs {
            d.push_back(x);
            if m.is_some_and(|m| d.len() > m) {
                d.pop_front();
            }
        }
    })?;
    Ok(Value::None)
}

fn dq_extendleft(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let xs = seq(args.get(1), tx)?;
    let m = maxlen(args.get(2));
    tx.modify(c, |d| {
        for x in xs {
            d.push_front(x);
            if m.is_some_and(|m| d.len() > m) {
                d.pop_back();
            }
        }
    })?;
    Ok(Value::None)
}

fn dq_rotate(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let n = int_arg(args.get(1))?;
    tx.modify(c, |d| {
        let len = d.len() as i64;
        if len <= 1 {
            return;
        }
        // Rotating right by n moves the last n items to the front.
        let k = n.rem_euclid(len) as usize;
        if k == 0 {
            return;
        }
        let tail = d.split_off(d.len() - k);
        let head = std::mem::take(d);
        *d = tail;
        d.append(head);
    })?;
    Ok(Value::None)
}

fn dq_get(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = int_arg(args.get(1))?;
    tx.view(cell(args.first())?, |d| {
        index(i, d.len()).map(|i| d[i].clone())
    })?
}

fn dq_set(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let i = int_arg(args.get(1))?;
    let x = args.get(2).cloned().unwrap_or(Value::None);
    tx.modify(c, |d| index(i, d.len()).map(|i| d.set(i, x)))??;
    Ok(Value::None)
}

fn dq_delete(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let i = int_arg(args.get(1))?;
    tx.modify(c, |d| index(i, d.len()).map(|i| d.remove(i)))??;
    Ok(Value::None)
}

/// `insert(i, x)`: like `list.insert`, clamping `i`; `IndexError` when bounded and full.
fn dq_insert(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let i = int_arg(args.get(1))?;
    let x = args.get(2).cloned().unwrap_or(Value::None);
    let m = maxlen(args.get(3));
    tx.modify(c, |d| {
        if m.is_some_and(|m| d.len() >= m) {
            return Err(index_error("deque already at its maximum size"));
        }
        let len = d.len() as i64;
        let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
        d.insert(j as usize, x);
        Ok(())
    })??;
    Ok(Value::None)
}

fn dq_clear(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    tx.write(cell(args.first())?, Vector::new())?;
    Ok(Value::None)
}

fn dq_reverse(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    tx.modify(c, |d| *d = d.iter().rev().cloned().collect())?;
    Ok(Value::None)
}

/// Replaces the contents with a list's items (after a removal done on the Python side).
fn dq_replace(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = cell(args.first())?;
    let xs: Items = seq(args.get(1), tx)?.into_iter().collect();
    tx.write(c, xs)?;
    Ok(Value::None)
}
