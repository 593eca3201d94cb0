//! `memoryview` over bytes and bytearray objects: one-dimensional views of unsigned
//! bytes (format `B`), with slicing (a view of the same memory), item assignment into a
//! bytearray, `tobytes`/`tolist`/`hex`, and use wherever a bytes-like object is taken.
//!
//! A view keeps its object and a byte range. A bytearray may change size under a view
//! (CPython forbids that while views exist); the view then shows the part of its range
//! that still exists.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use stmpy_core::error::{PyResult, index_error, type_error, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{ExcKind, type_name};
use stmpy_core::value::{ObjRef, Payload, Value};

use super::{Table, arg_count, bytes_methods};
use crate::ops;
use crate::vm::Vm;

pub struct MemView {
    /// The bytes or bytearray viewed.
    obj: Value,
    start: usize,
    len: usize,
    released: AtomicBool,
}

pub const MEMORYVIEW: Table = &[
    ("tobytes", tobytes),
    ("tolist", tolist),
    ("hex", hex),
    ("release", release),
    ("__enter__", enter),
    ("__exit__", exit),
    ("__len__", dunder_len),
    ("__getitem__", dunder_getitem),
    ("__setitem__", dunder_setitem),
];

pub fn memoryview_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| super::make_native_type("memoryview", "builtins", "memoryview"))
}

/// The view `v` is, if it is one.
pub fn as_view(v: &Value) -> Option<&MemView> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d.downcast_ref::<MemView>(),
        _ => None,
    }
}

fn view_value(obj: Value, start: usize, len: usize) -> Value {
    Value::Obj(ObjRef::new(Payload::Opaque(
        memoryview_type().clone(),
        Box::new(MemView {
            obj,
            start,
            len,
            released: AtomicBool::new(false),
        }),
    )))
}

/// `memoryview(object)`.
pub fn memoryview_new(tx: &Tx, args: &[Value]) -> PyResult<Value> {
    arg_count("memoryview", args, 1, 1)?;
    let v = &args[0];
    if let Some(m) = as_view(v) {
        let b = m.bytes(tx)?;
        return Ok(view_value(m.obj.clone(), m.start, b.len()));
    }
    match bytes_methods::bytes_like(tx, v)? {
        Some(b) => Ok(view_value(v.clone(), 0, b.len())),
        None => Err(type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            type_name(v)
        ))),
    }
}

impl MemView {
    fn check(&self) -> PyResult<()> {
        if self.released.load(Ordering::Relaxed) {
            return Err(value_error(
                "operation forbidden on released memoryview object",
            ));
        }
        Ok(())
    }

    /// The bytes the view shows now.
    pub fn bytes<'a>(&'a self, tx: &'a Tx) -> PyResult<&'a [u8]> {
        self.check()?;
        let all = bytes_methods::bytes_like(tx, &self.obj)?.unwrap_or(&[]);
        let start = self.start.min(all.len());
        let end = (self.start + self.len).min(all.len());
        Ok(&all[start..end])
    }

    /// `m.obj`, `m.nbytes`, `m.readonly` and the buffer shape attributes.
    pub fn attr(&self, tx: &Tx, name: &str) -> PyResult<Option<Value>> {
        if name == "released" {
            return Ok(Some(Value::Bool(self.released.load(Ordering::Relaxed))));
        }
        self.check()?;
        let n = self.bytes(tx)?.len() as i64;
        Ok(Some(match name {
            "obj" => self.obj.clone(),
            "nbytes" => Value::Int(n),
            "readonly" => Value::Bool(!matches!(self.obj.payload(), Some(Payload::ByteArray(_)))),
            "itemsize" => Value::Int(1),
            "format" => Value::str("B"),
            "ndim" => Value::Int(1),
            "shape" => Value::tuple(vec![Value::Int(n)]),
            "strides" => Value::tuple(vec![Value::Int(1)]),
            "suboffsets" => Value::tuple(vec![]),
            "c_contiguous" | "f_contiguous" | "contiguous" => Value::Bool(true),
            _ => return Ok(None),
        }))
    }
}

fn this(args: &[Value]) -> PyResult<&MemView> {
    args.first()
        .and_then(as_view)
        .ok_or_else(|| type_error("descriptor requires a 'memoryview' object"))
}

fn tobytes(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::bytes(this(args)?.bytes(tx)?.to_vec()))
}

fn tolist(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = this(args)?.bytes(tx)?;
    Ok(Value::list_from(
        b.iter().map(|&x| Value::Int(i64::from(x))).collect(),
    ))
}

fn hex(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = this(args)?.bytes(tx)?;
    Ok(Value::string(
        b.iter().map(|x| format!("{x:02x}")).collect(),
    ))
}

fn release(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(args)?.released.store(true, Ordering::Relaxed);
    Ok(Value::None)
}

fn enter(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(args)?.check()?;
    Ok(args[0].clone())
}

fn exit(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    this(args)?.released.store(true, Ordering::Relaxed);
    Ok(Value::Bool(false))
}

fn dunder_len(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(args)?.bytes(tx)?.len() as i64))
}

/// `m[i]` (an int) or `m[a:b]` (a view of the same memory; other steps copy).
pub fn getitem(vm: &mut Vm, tx: &Tx, m: &MemView, key: &Value) -> PyResult<Value> {
    let n = m.bytes(tx)?.len();
    if super::is_slice(key) {
        let (start, _, step, count) = super::slice_indices(vm, tx, key, n)?;
        if step == 1 {
            return Ok(view_value(m.obj.clone(), m.start + start as usize, count));
        }
        let b = m.bytes(tx)?;
        let picked: Vec<u8> = (0..count)
            .map(|i| b[(start + i as i64 * step) as usize])
            .collect();
        return Ok(view_value(Value::bytes(picked), 0, count));
    }
    let i = view_index(key, n)?;
    Ok(Value::Int(i64::from(m.bytes(tx)?[i])))
}

/// An index into a one-dimensional view of `n` bytes, with CPython's errors.
fn view_index(key: &Value, n: usize) -> PyResult<usize> {
    let int_like = match key {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::BigInt(_)),
        _ => false,
    };
    if !int_like {
        return Err(type_error("memoryview: invalid slice key"));
    }
    ops::seq_index(key, n, "index").map_err(|e| {
        if e.is(ExcKind::IndexError) && matches!(key, Value::Int(_) | Value::Bool(_)) {
            index_error("index out of bounds on dimension 1")
        } else {
            e
        }
    })
}

fn dunder_getitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__getitem__", args, 2, 2)?;
    getitem(vm, tx, this(args)?, &args[1])
}

/// `m[i] = byte` / `m[a:b] = bytes-like of the same length`, into a bytearray.
pub fn setitem(vm: &mut Vm, tx: &Tx, m: &MemView, key: &Value, v: &Value) -> PyResult<()> {
    m.check()?;
    let Some(Payload::ByteArray(cell)) = m.obj.payload() else {
        return Err(type_error("cannot modify read-only memory"));
    };
    let n = m.bytes(tx)?.len();
    if super::is_slice(key) {
        let (start, _, step, count) = super::slice_indices(vm, tx, key, n)?;
        let data = bytes_methods::arg_bytes(tx, v)?.to_vec();
        if data.len() != count {
            return Err(value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let base = m.start as i64;
        tx.modify(cell, |b| {
            for (i, x) in data.into_iter().enumerate() {
                let pos = (base + start + i as i64 * step) as usize;
                if let Some(slot) = b.get_mut(pos) {
                    *slot = x;
                }
            }
        })?;
        return Ok(());
    }
    let i = view_index(key, n)?;
    let x = ops::index_of(v)?;
    let byte =
        u8::try_from(x).map_err(|_| value_error("memoryview: invalid value for format 'B'"))?;
    let pos = m.start + i;
    tx.modify(cell, |b| {
        if let Some(slot) = b.get_mut(pos) {
            *slot = byte;
        }
    })?;
    Ok(())
}

fn dunder_setitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__setitem__", args, 3, 3)?;
    setitem(vm, tx, this(args)?, &args[1], &args[2])?;
    Ok(Value::None)
}

/// `<memory at 0x...>`.
pub fn repr(m: &MemView, me: &ObjRef) -> String {
    if m.released.load(Ordering::Relaxed) {
        format!("<released memory at {}>", super::addr(me))
    } else {
        format!("<memory at {}>", super::addr(me))
    }
}

/// `len(m)` when `m` is a view (for `ops::len`).
pub fn len_of(tx: &Tx, v: &Value) -> PyResult<Option<usize>> {
    match as_view(v) {
        Some(m) => Ok(Some(m.bytes(tx)?.len())),
        None => Ok(None),
    }
}

/// `m == other`: equal bytes (a view equals a bytes-like object with the same bytes).
pub fn eq(tx: &Tx, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    if as_view(a).is_none() && as_view(b).is_none() {
        return Ok(None);
    }
    match (
        bytes_methods::bytes_like(tx, a)?,
        bytes_methods::bytes_like(tx, b)?,
    ) {
        (Some(x), Some(y)) => Ok(Some(x == y)),
        _ => Ok(Some(false)),
    }
}
