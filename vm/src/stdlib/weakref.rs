//! `_weakref`: weak references (`weakref.ref`), which `vm/lib/weakref.py` (CPython's
//! module) builds its dictionaries, sets and proxies on.
//!
//! A reference holds a weak handle to its object (`ObjRef::downgrade`): calling it gives
//! the object while something else keeps it alive, then None. Difference from CPython:
//! the callback is kept (`__callback__`) but never called, because objects are freed by
//! dropping their last handle, where no Python code can run; weak dictionaries and sets
//! drop dead entries when they next look at them instead.

use std::sync::OnceLock;

use stmpy_core::error::{PyResult, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{type_name, types};
use stmpy_core::value::{ObjRef, Payload, Value, WeakObj};

use crate::builtins::{Table, arg_count};
use crate::bytecode::CmpOp;
use crate::ops;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("getweakrefcount", getweakrefcount),
    ("getweakrefs", getweakrefs),
    ("_remove_dead_weakref", remove_dead_weakref),
];

/// The methods of `weakref.ReferenceType`.
pub const REF: Table = &[
    ("__call__", ref_call),
    ("__eq__", ref_eq),
    ("__ne__", ref_ne),
    ("__hash__", ref_hash),
    ("__repr__", ref_repr),
];

/// A weak reference.
pub struct WeakRef {
    target: WeakObj,
    /// What `id(target)` was (reprs of dead references do not show it, live ones do).
    target_id: usize,
    callback: Value,
    /// The referent's hash, remembered so a dead reference keeps hashing the same.
    hash: OnceLock<i64>,
}

/// `weakref.ReferenceType` (`weakref.ref`).
pub fn ref_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_native_type("ReferenceType", "weakref", "weakref"))
}

pub fn init(_vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    let t = Value::Obj(ref_type().clone());
    crate::modules::set_attr(tx, g, "ref", t.clone())?;
    crate::modules::set_attr(tx, g, "ReferenceType", t)?;
    Ok(())
}

/// Objects CPython cannot refer to weakly (no weak-reference slot): the built-in
/// immutable values and containers.
fn weakable(v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Str(_)
            | Payload::BigInt(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Complex(..)
            | Payload::Tuple(_)
            | Payload::List(_)
            | Payload::Dict(_),
        ) => false,
        Some(_) => true,
        None => false,
    }
}

/// `ref(object, callback=None)`.
pub fn ref_new(args: &[Value]) -> PyResult<Value> {
    arg_count("ref", args, 1, 2)?;
    let obj = &args[0];
    let Some(o) = obj.obj().filter(|_| weakable(obj)) else {
        return Err(type_error(format!(
            "cannot create weak reference to '{}' object",
            type_name(obj)
        )));
    };
    Ok(Value::Obj(ObjRef::new(Payload::Opaque(
        ref_type().clone(),
        Box::new(WeakRef {
            target: o.downgrade(),
            target_id: o.id(),
            callback: args.get(1).cloned().unwrap_or_default(),
            hash: OnceLock::new(),
        }),
    ))))
}

/// The weak reference `v` is (or extends, for a subclass such as `KeyedRef`).
pub fn as_ref(v: &Value) -> Option<&WeakRef> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d.downcast_ref::<WeakRef>(),
        Some(Payload::Instance(i)) => i.base.as_deref().and_then(as_ref),
        _ => None,
    }
}

/// `a == b` (or `!=`) for weak references: the referents when both live, else identity;
/// `None` when either is not a reference.
pub fn compare(vm: &mut Vm, tx: &Tx, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (as_ref(a), as_ref(b)) else {
        return Ok(None);
    };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(None);
    }
    let eq = match (x.get(), y.get()) {
        (Some(p), Some(q)) => ops::eq(vm, tx, &p, &q)?,
        _ => a.is(b),
    };
    Ok(Some(if op == CmpOp::Eq { eq } else { !eq }))
}

/// `hash(r)`: the referent's, remembered for when it is gone.
pub fn hash(vm: &mut Vm, tx: &Tx, r: &WeakRef) -> PyResult<i64> {
    if let Some(h) = r.hash.get() {
        return Ok(*h);
    }
    let Some(target) = r.get() else {
        return Err(type_error("weak object has gone away"));
    };
    let h = ops::hash(vm, tx, &target)?;
    let _ = r.hash.set(h);
    Ok(h)
}

/// `repr(r)`.
pub fn repr(r: &WeakRef, me: &ObjRef) -> String {
    let me = crate::builtins::addr(me);
    match r.get() {
        Some(t) => format!(
            "<weakref at {me}; to '{}' at {:#014x}>",
            type_name(&t),
            r.target_id
        ),
        None => format!("<weakref at {me}; dead>"),
    }
}

fn this(args: &[Value]) -> PyResult<&WeakRef> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::Opaque(_, d)) => d
            .downcast_ref::<WeakRef>()
            .ok_or_else(|| type_error("descriptor requires a 'weakref.ReferenceType' object")),
        _ => Err(type_error(
            "descriptor requires a 'weakref.ReferenceType' object",
        )),
    }
}

impl WeakRef {
    fn get(&self) -> Option<Value> {
        self.target.upgrade().map(Value::Obj)
    }

    /// `r.__callback__`.
    pub fn attr(&self, name: &str) -> Option<Value> {
        match name {
            "__callback__" => Some(if self.get().is_some() {
                self.callback.clone()
            } else {
                Value::None
            }),
            _ => None,
        }
    }
}

fn ref_call(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("weakref", args, 1, 1)?;
    Ok(this(args)?.get().unwrap_or_default())
}

fn cmp(vm: &mut Vm, tx: &Tx, args: &[Value], op: CmpOp) -> PyResult<Value> {
    arg_count("__eq__", args, 2, 2)?;
    this(args)?;
    Ok(match compare(vm, tx, op, &args[0], &args[1])? {
        Some(b) => Value::Bool(b),
        None => Value::Obj(types().not_implemented.clone()),
    })
}

fn ref_eq(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Eq)
}

fn ref_ne(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Ne)
}

fn ref_hash(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(hash(vm, tx, this(args)?)?))
}

fn ref_repr(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = this(args)?;
    match args[0].obj() {
        Some(me) => Ok(Value::string(repr(r, me))),
        None => Err(type_error("weakref expected")),
    }
}

fn getweakrefcount(
    _vm: &mut Vm,
    _tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    arg_count("getweakrefcount", args, 1, 1)?;
    Ok(Value::Int(match args[0].obj() {
        Some(o) if weakable(&args[0]) => o.weak_count() as i64,
        _ => 0,
    }))
}

/// `getweakrefs(obj)`: the references are not recorded on their objects, so this is
/// always empty.
fn getweakrefs(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("getweakrefs", args, 1, 1)?;
    Ok(Value::list_from(vec![]))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead reference.
fn remove_dead_weakref(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    arg_count("_remove_dead_weakref", args, 2, 2)?;
    let v = match crate::builtins::getitem(vm, tx, &args[0], &args[1]) {
        Ok(v) => v,
        Err(e) if e.is(stmpy_core::types::ExcKind::KeyError) => return Ok(Value::None),
        Err(e) => return Err(e),
    };
    let dead = as_ref(&v).is_some_and(|r| r.get().is_none());
    if dead {
        crate::builtins::delitem(vm, tx, &args[0], &args[1])?;
    }
    Ok(Value::None)
}
