//! Built-in functions, the methods of the built-in types, and the helpers they share.
//!
//! Where to add things (one place each):
//! - a builtin function: a row in `funcs::FUNCTIONS`;
//! - a method of a built-in type: a row in that type's table (`str_methods::METHODS`,
//!   `list_methods::LIST`, `dict_methods::DICT`, ...), listed in [`method_tables`];
//! - a native module: a row in `crate::modules::NATIVE_MODULES`.

pub mod dict_methods;
pub mod funcs;
pub mod list_methods;
pub mod misc_methods;
pub mod num_methods;
pub mod str_methods;

use std::sync::Once;

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, index_error, type_error, value_error};
use stmpy_core::fmt;
use stmpy_core::stm::{TVar, Tx, atomically};
use stmpy_core::types::{ExcKind, Layout, TypeObj, Types, as_type, type_name, type_of, types};
use stmpy_core::value::{Function, Instance, ObjRef, Payload, Value};

use crate::call::{NativeFn, StrValue, native_value};
use crate::ops;
use crate::vm::Vm;

/// A table of native methods or functions: name → implementation.
pub type Table = &'static [(&'static str, NativeFn)];

/// A type with no Python-visible base but `object` (iterators, code, file objects...).
pub fn make_builtin_type(name: &str) -> ObjRef {
    let t = types();
    ObjRef::new(Payload::Type(Box::new(TypeObj {
        name: name.to_string(),
        module: "builtins".to_string(),
        bases: vec![t.object.clone()],
        mro: vec![t.object.clone()],
        dict: stmpy_core::types::Namespace::new(DictData::new()),
        layout: Layout::Builtin,
        builtin_base: Some("opaque"),
        meta: None,
    })))
}

pub fn make_instance_of(cls: &ObjRef) -> ObjRef {
    ObjRef::new(Payload::Instance(Instance {
        class: cls.clone(),
        dict: TVar::new(DictData::new()),
        exc: None,
    }))
}

/// Every (type, method table) pair, installed once per process.
fn method_tables(t: &'static Types) -> Vec<(&'static ObjRef, Table)> {
    vec![
        (&t.str_, str_methods::METHODS),
        (&t.list, list_methods::LIST),
        (&t.tuple, list_methods::TUPLE),
        (&t.dict, dict_methods::DICT),
        (&t.set, dict_methods::SET),
        (&t.frozenset, dict_methods::FROZENSET),
        (&t.int, num_methods::INT),
        (&t.bool_, num_methods::INT),
        (&t.float, num_methods::FLOAT),
        (&t.object, misc_methods::OBJECT),
        (&t.type_, misc_methods::TYPE),
        (t.exc(ExcKind::BaseException), misc_methods::BASE_EXCEPTION),
        (&t.bytes, str_methods::BYTES),
        (&t.range, list_methods::RANGE),
        (&t.property, misc_methods::PROPERTY),
        (&t.slice, misc_methods::SLICE),
    ]
}

/// Fills the built-in types' method tables (idempotent, process-wide).
pub fn install_methods() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let t = types();
        atomically(|tx| {
            for (ty, table) in method_tables(t) {
                install(tx, ty, table)?;
            }
            for (name, ty) in crate::iter::all_iter_types() {
                let table = if name == "generator" {
                    misc_methods::GENERATOR
                } else {
                    misc_methods::ITERATOR
                };
                install(tx, &ty, table)?;
            }
            install(tx, dict_methods::view_type(0), dict_methods::VIEW)?;
            install(tx, dict_methods::view_type(1), dict_methods::VIEW)?;
            install(tx, dict_methods::view_type(2), dict_methods::VIEW)?;
            install(
                tx,
                crate::modules::io::sink_type(),
                crate::modules::io::SINK,
            )?;
            install(
                tx,
                crate::modules::io::file_type(),
                crate::modules::io::FILE,
            )?;
            Ok(())
        });
    });
}

fn install(tx: &Tx, ty: &ObjRef, table: Table) -> Result<(), stmpy_core::stm::StmError> {
    let Payload::Type(t) = &ty.payload else {
        return Ok(());
    };
    t.dict.modify(tx, |d| {
        for (name, f) in table {
            let key = stmpy_core::intern::intern(name);
            let h = stmpy_core::str::str_hash(name);
            let v = if CLASS_METHODS.contains(name) {
                Value::Obj(ObjRef::new(Payload::ClassMethod(native_value(name, *f))))
            } else if STATIC_METHODS.contains(name) {
                Value::Obj(ObjRef::new(Payload::StaticMethod(native_value(name, *f))))
            } else {
                native_value(name, *f)
            };
            d.insert_str(key, h, v);
        }
    })
}

/// Native methods bound to the class rather than the instance.
const CLASS_METHODS: &[&str] = &["fromkeys", "__init_subclass__", "fromhex", "from_bytes"];
const STATIC_METHODS: &[&str] = &["maketrans", "__new__"];

// ---------- argument helpers ----------

pub fn no_kw(name: &str, kw: &[(Value, Value)]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

pub fn arg_count(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(type_error(msg));
    }
    Ok(())
}

/// A keyword argument by name.
pub fn kwarg<'a>(kw: &'a [(Value, Value)], name: &str) -> Option<&'a Value> {
    kw.iter()
        .find(|(k, _)| k.payload_str() == Some(name))
        .map(|(_, v)| v)
}

pub fn callable_name(f: &Value) -> String {
    match f.payload() {
        Some(Payload::Function(func)) => match func.module.payload_str() {
            Some(m) if m != "builtins" => {
                format!("{m}.{}()", func.qualname.payload_str().unwrap_or("?"))
            }
            _ => format!("{}()", func.qualname.payload_str().unwrap_or("?")),
        },
        Some(Payload::Native(n)) => format!("{}()", n.name),
        Some(Payload::BoundMethod(_, m)) => callable_name(m),
        Some(Payload::Type(t)) => format!("{}()", t.name),
        _ => format!("{} object", type_name(f)),
    }
}

// ---------- dict helpers ----------

/// The data of a dict/set/frozenset object.
pub fn dict_data(tx: &Tx, o: &ObjRef) -> PyResult<DictData> {
    Ok(match &o.payload {
        Payload::Dict(d) | Payload::Set(d) => tx.view(d, |v| v.clone())?,
        Payload::FrozenSet(d) => (**d).clone(),
        _ => DictData::new(),
    })
}

pub fn set_data(tx: &Tx, v: &Value) -> PyResult<DictData> {
    match v.obj() {
        Some(o) => dict_data(tx, o),
        None => Ok(DictData::new()),
    }
}

/// `d[k] = v` on a dict object.
pub fn dict_set(vm: &mut Vm, tx: &Tx, d: &Value, k: Value, v: Value) -> PyResult<()> {
    setitem(vm, tx, d, k, v)
}

/// Sets a str key in a dict object (globals, namespaces).
pub fn dict_set_str(tx: &Tx, d: &ObjRef, k: Value, v: Value) -> PyResult<()> {
    if let Payload::Dict(cell) = &d.payload {
        let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
        tx.modify(cell, |d| d.insert_str(k, h, v))?;
    }
    Ok(())
}

/// Deletes a str key; false if it was missing.
pub fn dict_del_str(tx: &Tx, d: &ObjRef, k: &Value) -> PyResult<bool> {
    if let Payload::Dict(cell) = &d.payload {
        let Some(s) = k.as_str() else {
            return Ok(false);
        };
        let (name, h) = (s.as_str(), s.hash());
        if tx.view(cell, |v| v.get_str(name, h).is_none())? {
            return Ok(false);
        }
        let mut eqf = |a: &Value, _: &Value| Ok::<bool, ()>(a.payload_str() == Some(name));
        tx.modify(cell, |d| {
            let _ = d.remove(h, k, &mut eqf);
        })?;
        return Ok(true);
    }
    Ok(false)
}

/// Reads `m[k]` for a namespace mapping (dict fast path, else `__getitem__`).
pub fn mapping_get(vm: &mut Vm, tx: &Tx, m: &ObjRef, k: &Value) -> PyResult<Option<Value>> {
    if let Payload::Dict(cell) = &m.payload {
        return ops::dict_cell_lookup(vm, tx, cell, k, None);
    }
    match getitem(vm, tx, &Value::Obj(m.clone()), k) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn mapping_set(vm: &mut Vm, tx: &Tx, m: &ObjRef, k: Value, v: Value) -> PyResult<()> {
    dict_set(vm, tx, &Value::Obj(m.clone()), k, v)
}

/// (key, value) pairs of a mapping (dict, or anything with keys() and []).
pub fn mapping_pairs(vm: &mut Vm, tx: &Tx, m: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Some(Payload::Dict(d)) = m.payload() {
        return Ok(tx.view(d, |d| {
            d.iter().map(|e| (e.key.clone(), e.value.clone())).collect()
        })?);
    }
    let keys_f = ops::getattr(vm, tx, m, &Value::str("keys"))?;
    let keys = vm.call(tx, &keys_f, &[], &[])?;
    let mut out = Vec::new();
    for k in crate::iter::collect(vm, tx, &keys)? {
        let v = getitem(vm, tx, m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// `**kwargs` as (name, value) pairs (names must be str).
pub fn kwargs_pairs(tx: &Tx, kwargs: &Value) -> PyResult<Vec<(Value, Value)>> {
    match kwargs.payload() {
        Some(Payload::Dict(d)) => {
            let d = tx.read(d)?;
            let mut out = Vec::with_capacity(d.len());
            for e in d.iter() {
                if e.key.as_str().is_none() {
                    return Err(type_error("keywords must be strings"));
                }
                out.push((e.key.clone(), e.value.clone()));
            }
            Ok(out)
        }
        _ => Ok(Vec::new()),
    }
}

pub fn new_set(vm: &mut Vm, tx: &Tx, items: Vec<Value>) -> PyResult<Value> {
    // Built privately, then put in its cell: adding item by item through the cell made
    // every add after the first copy the whole set (`set(...)` was quadratic).
    let d = build_set_data(vm, tx, items)?;
    Ok(Value::Obj(ObjRef::new(Payload::Set(TVar::new(d)))))
}

pub fn set_add(vm: &mut Vm, tx: &Tx, s: &Value, v: Value) -> PyResult<()> {
    let Some(Payload::Set(cell)) = s.payload() else {
        return Err(type_error("set_add on a non-set"));
    };
    let h = ops::hash(vm, tx, &v)?;
    // One `modify` when no Python `__eq__` can run: a `read` before the `modify` would
    // hand out the transaction's private copy and force the `modify` to copy the set.
    let decided = tx.modify(cell, |d| {
        let mut eq = |a: &Value, b: &Value| ops::simple_eq(a, b).ok_or(());
        match d.lookup(h, &v, &mut eq) {
            Ok(None) => {
                d.push_new(h, v.clone(), Value::None);
                true
            }
            Ok(Some(_)) => true,
            Err(()) => false,
        }
    })?;
    if decided {
        return Ok(());
    }
    if ops::dict_cell_lookup(vm, tx, cell, &v, Some(h))?.is_none() {
        tx.modify(cell, |d| d.push_new(h, v, Value::None))?;
    }
    Ok(())
}

/// Builds a frozenset/set payload from items.
pub fn build_set_data(vm: &mut Vm, tx: &Tx, items: Vec<Value>) -> PyResult<DictData> {
    let mut d = DictData::new();
    for v in items {
        let h = ops::hash(vm, tx, &v)?;
        if ops::dict_lookup(vm, tx, &d, &v, Some(h))?.is_none() {
            d.push_new(h, v, Value::None);
        }
    }
    Ok(d)
}

/// Elements of a set in CPython's iteration order (its hash-table order), so that
/// `print({3, 1, 2})` shows `{1, 2, 3}` as CPython does. Simulates CPython's table
/// (linear probes, perturbation, resize policy) for the current elements.
pub fn set_order(d: &DictData) -> Vec<Value> {
    let n = d.len();
    if n == 0 {
        return Vec::new();
    }
    let mut size: usize = 8;
    let mut table: Vec<Option<(u64, usize)>> = vec![None; size];
    let mut fill = 0usize;
    let entries: Vec<&stmpy_core::dict::Entry> = d.iter().collect();
    let insert = |table: &mut Vec<Option<(u64, usize)>>, h: u64, idx: usize| {
        let mask = table.len() - 1;
        let mut perturb = h;
        let mut i = (h as usize) & mask;
        loop {
            if table[i].is_none() {
                table[i] = Some((h, idx));
                return;
            }
            if i + 9 <= mask {
                for j in 1..=9 {
                    if table[i + j].is_none() {
                        table[i + j] = Some((h, idx));
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    };
    for (idx, e) in entries.iter().enumerate() {
        insert(&mut table, e.hash as u64, idx);
        fill += 1;
        let mask = size - 1;
        if fill * 5 >= mask * 3 {
            let used = fill;
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut newsize = 8;
            while newsize <= minused {
                newsize <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; newsize]);
            size = newsize;
            for (h, i) in old.into_iter().flatten() {
                insert(&mut table, h, i);
            }
        }
    }
    table
        .into_iter()
        .flatten()
        .map(|(_, i)| entries[i].key.clone())
        .collect()
}

/// `list.extend(iterable)` on a list object.
pub fn list_extend(vm: &mut Vm, tx: &Tx, l: &Value, it: &Value) -> PyResult<()> {
    let items = crate::iter::collect(vm, tx, it)?;
    if let Some(Payload::List(cell)) = l.payload() {
        tx.modify(cell, |v| v.extend(items))?;
    }
    Ok(())
}

/// `vars(obj)`-style dict copy of an attribute dict (a snapshot, not a live view).
pub fn dict_proxy_of(tx: &Tx, d: &TVar<DictData>) -> PyResult<Value> {
    Ok(Value::dict(tx.view(d, |v| v.clone())?))
}

/// Dict views (`d.keys()`, `d.values()`, `d.items()`): `kind` 0/1/2.
pub struct DictView {
    pub dict: ObjRef,
    pub kind: u8,
}

// ---------- special attributes ----------

pub fn type_special_attr(tx: &Tx, o: &ObjRef, t: &TypeObj, n: &str) -> PyResult<Option<Value>> {
    Ok(Some(match n {
        "__name__" | "__qualname__" => Value::str(&t.name),
        "__mro__" => Value::tuple(
            stmpy_core::types::mro_of(o)
                .map(|m| Value::Obj(m.clone()))
                .collect(),
        ),
        "__bases__" => Value::tuple(t.bases.iter().map(|b| Value::Obj(b.clone())).collect()),
        "__base__" => t
            .bases
            .first()
            .map(|b| Value::Obj(b.clone()))
            .unwrap_or_default(),
        "__dict__" => Value::dict(t.dict.view(tx, |v| v.clone())?),
        "__module__" => Value::str(&t.module),
        "__doc__" => Value::None,
        "__class__" => Value::Obj(t.meta.clone().unwrap_or_else(|| types().type_.clone())),
        _ => return Ok(None),
    }))
}

pub fn function_attr(tx: &Tx, o: &ObjRef, f: &Function, n: &str) -> PyResult<Option<Value>> {
    let _ = tx;
    let code = crate::call::func_code(f);
    Ok(Some(match n {
        "__name__" => f.name.clone(),
        "__qualname__" => f.qualname.clone(),
        "__module__" => f.module.clone(),
        "__doc__" => code
            .code
            .docstring
            .as_deref()
            .map(Value::str)
            .unwrap_or_default(),
        "__defaults__" => {
            if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }
        }
        "__kwdefaults__" => {
            if f.kwdefaults.is_empty() {
                Value::None
            } else {
                let mut d = DictData::new();
                for (k, v) in &f.kwdefaults {
                    let kv = Value::Obj(k.clone());
                    let h = kv.as_str().map(|s| s.hash()).unwrap_or(0);
                    d.insert_str(kv, h, v.clone());
                }
                Value::dict(d)
            }
        }
        "__code__" => crate::vm::code_value(code),
        "__globals__" => Value::Obj(f.globals.clone()),
        "__closure__" => {
            if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().map(|c| Value::Obj(c.clone())).collect())
            }
        }
        "__dict__" => dict_proxy_of(tx, &f.dict)?,
        "__annotations__" => Value::dict(DictData::new()),
        "__class__" => Value::Obj(types().function.clone()),
        "__get__" => {
            let _ = o;
            return Ok(None);
        }
        _ => return Ok(None),
    }))
}

/// Attributes of built-in values not found in their type's table.
pub fn builtin_special_attr(vm: &mut Vm, tx: &Tx, obj: &Value, n: &str) -> PyResult<Option<Value>> {
    let _ = vm;
    if n == "__class__" {
        return Ok(Some(Value::Obj(type_of(obj).clone())));
    }
    Ok(match (obj.payload(), n) {
        (None, "real") | (None, "numerator") if matches!(obj, Value::Int(_) | Value::Bool(_)) => {
            Some(Value::Int(ops::index_of(obj)?))
        }
        (None, "denominator") if matches!(obj, Value::Int(_) | Value::Bool(_)) => {
            Some(Value::Int(1))
        }
        (None, "imag") if matches!(obj, Value::Int(_) | Value::Bool(_)) => Some(Value::Int(0)),
        (None, "real") if matches!(obj, Value::Float(_)) => Some(obj.clone()),
        (None, "imag") if matches!(obj, Value::Float(_)) => Some(Value::Float(0.0)),
        (Some(Payload::BigInt(_)), "real" | "numerator") => Some(obj.clone()),
        (Some(Payload::BigInt(_)), "denominator") => Some(Value::Int(1)),
        (Some(Payload::Range(a, _, _)), "start") => Some(Value::Int(*a)),
        (Some(Payload::Range(_, b, _)), "stop") => Some(Value::Int(*b)),
        (Some(Payload::Range(_, _, c)), "step") => Some(Value::Int(*c)),
        (Some(Payload::Slice(s)), "start") => Some(s[0].clone()),
        (Some(Payload::Slice(s)), "stop") => Some(s[1].clone()),
        (Some(Payload::Slice(s)), "step") => Some(s[2].clone()),
        (Some(Payload::BoundMethod(s, _)), "__self__") => Some(s.clone()),
        (Some(Payload::BoundMethod(_, f)), "__func__") => Some(f.clone()),
        (Some(Payload::BoundMethod(_, f)), "__name__" | "__qualname__" | "__doc__") => {
            let f = f.clone();
            ops::getattr_opt(vm, tx, &f, &Value::str(n))?
        }
        (Some(Payload::Native(nf)), "__name__" | "__qualname__") => Some(Value::str(nf.name)),
        (Some(Payload::Native(_)), "__doc__") => Some(Value::None),
        (Some(Payload::Property(p)), "fget") => Some(p[0].clone()),
        (Some(Payload::Property(p)), "fset") => Some(p[1].clone()),
        (Some(Payload::Property(p)), "fdel") => Some(p[2].clone()),
        (Some(Payload::Property(p)), "__doc__") => Some(p[3].clone()),
        (Some(Payload::StaticMethod(f) | Payload::ClassMethod(f)), "__func__") => Some(f.clone()),
        (Some(Payload::Module(m)), "__name__") => Some(m.name.clone()),
        (Some(Payload::Cell(c)), "cell_contents") => Some(tx.view(c, |v| v.clone())?),
        (Some(Payload::Opaque(_, d)), _) => misc_methods::opaque_attr(tx, d.as_ref(), n)?,
        _ => None,
    })
}

pub fn opaque_len(tx: &Tx, o: &ObjRef) -> PyResult<Option<usize>> {
    if let Payload::Opaque(_, d) = &o.payload
        && let Some(view) = d.downcast_ref::<DictView>()
    {
        return Ok(Some(dict_data(tx, &view.dict)?.len()));
    }
    Ok(None)
}

// ---------- repr ----------

fn addr(o: &ObjRef) -> String {
    format!("0x{:012x}", o.id())
}

/// `<__main__.A object at 0x...>`-style name of a class: module-qualified.
pub fn class_qualname(tx: &Tx, class: &ObjRef) -> PyResult<String> {
    let t = as_type(class);
    let own = t
        .dict
        .read(tx)?
        .get_str("__module__", stmpy_core::str::str_hash("__module__"))
        .cloned();
    let module = own
        .as_ref()
        .and_then(|m| m.payload_str())
        .unwrap_or(&t.module)
        .to_string();
    let qn = t
        .dict
        .read(tx)?
        .get_str("__qualname__", stmpy_core::str::str_hash("__qualname__"))
        .cloned();
    let qn = qn
        .as_ref()
        .and_then(|q| q.payload_str())
        .unwrap_or(&t.name)
        .to_string();
    Ok(if module == "builtins" {
        qn
    } else {
        format!("{module}.{qn}")
    })
}

pub fn repr_obj(vm: &mut Vm, tx: &Tx, v: &Value, o: &ObjRef) -> PyResult<String> {
    Ok(match &o.payload {
        Payload::Str(s) => fmt::repr_str(s.as_str()),
        Payload::BigInt(b) => fmt::int_to_decimal(b)?,
        Payload::Bytes(b) => bytes_repr(b),
        Payload::Tuple(items) => {
            if vm.repr_guard.contains(&o.id()) {
                return Ok("(...)".into());
            }
            vm.repr_guard.push(o.id());
            let r = join_reprs(vm, tx, items);
            vm.repr_guard.pop();
            let r = r?;
            if items.len() == 1 {
                format!("({r},)")
            } else {
                format!("({r})")
            }
        }
        Payload::List(l) => {
            if vm.repr_guard.contains(&o.id()) {
                return Ok("[...]".into());
            }
            let items: Vec<Value> = tx.view(l, |v| v.iter().cloned().collect())?;
            vm.repr_guard.push(o.id());
            let r = join_reprs(vm, tx, &items);
            vm.repr_guard.pop();
            format!("[{}]", r?)
        }
        Payload::Dict(d) => {
            if vm.repr_guard.contains(&o.id()) {
                return Ok("{...}".into());
            }
            let d = tx.view(d, |v| v.clone())?;
            vm.repr_guard.push(o.id());
            let mut parts = Vec::with_capacity(d.len());
            let mut r = Ok(());
            for e in d.iter() {
                match (ops::repr(vm, tx, &e.key), ops::repr(vm, tx, &e.value)) {
                    (Ok(k), Ok(v)) => parts.push(format!("{k}: {v}")),
                    (Err(e), _) | (_, Err(e)) => {
                        r = Err(e);
                        break;
                    }
                }
            }
            vm.repr_guard.pop();
            r?;
            format!("{{{}}}", parts.join(", "))
        }
        Payload::Set(d) => {
            let items = set_order(tx.read(d)?);
            if items.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", join_reprs(vm, tx, &items)?)
            }
        }
        Payload::FrozenSet(d) => {
            let items = set_order(d);
            if items.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join_reprs(vm, tx, &items)?)
            }
        }
        Payload::Instance(inst) => {
            if let Some(f) = ops::lookup_type(tx, &inst.class, "__repr__")?
                && !matches!(f.payload(), Some(Payload::Native(_)))
            {
                let r = vm.call_descr(tx, &f, v, std::slice::from_ref(v))?;
                return match r.payload_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(type_error(format!(
                        "__repr__ returned non-string (type {})",
                        type_name(&r)
                    ))),
                };
            }
            if inst.exc.is_some() {
                return crate::exceptions::exc_repr(vm, tx, o);
            }
            format!(
                "<{} object at {}>",
                class_qualname(tx, &inst.class)?,
                addr(o)
            )
        }
        Payload::Type(t) => {
            // A user metaclass's `__repr__` (`<enum 'Color'>`).
            if let Some(meta) = &t.meta
                && let Some(f) = ops::lookup_type(tx, meta, "__repr__")?
                && !matches!(f.payload(), Some(Payload::Native(_)))
            {
                let r = vm.call_descr(tx, &f, v, std::slice::from_ref(v))?;
                return match r.payload_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(type_error(format!(
                        "__repr__ returned non-string (type {})",
                        type_name(&r)
                    ))),
                };
            }
            format!("<class '{}'>", class_qualname(tx, o)?)
        }
        Payload::Function(f) => format!(
            "<function {} at {}>",
            f.qualname.payload_str().unwrap_or("?"),
            addr(o)
        ),
        Payload::BoundMethod(s, f) => {
            let fname = match f.payload() {
                Some(Payload::Function(func)) => {
                    func.qualname.payload_str().unwrap_or("?").to_string()
                }
                Some(Payload::Native(n)) => {
                    return Ok(format!(
                        "<built-in method {} of {} object at {}>",
                        n.name,
                        type_name(s),
                        s.obj().map(addr).unwrap_or_default()
                    ));
                }
                _ => "?".into(),
            };
            let sr = ops::repr(vm, tx, s)?;
            format!("<bound method {fname} of {sr}>")
        }
        Payload::Native(n) => format!("<built-in function {}>", n.name),
        Payload::Module(m) => {
            let name = m.name.payload_str().unwrap_or("?").to_string();
            let file = match &m.dict.payload {
                Payload::Dict(d) => tx.view(d, |d| {
                    d.get_str("__file__", stmpy_core::str::str_hash("__file__"))
                        .cloned()
                })?,
                _ => None,
            };
            match file.as_ref().and_then(|f| f.payload_str()) {
                Some(f) => format!("<module '{name}' from '{f}'>"),
                None => format!("<module '{name}' (built-in)>"),
            }
        }
        Payload::Cell(_) => format!("<cell at {}>", addr(o)),
        Payload::Range(a, b, c) => {
            if *c == 1 {
                format!("range({a}, {b})")
            } else {
                format!("range({a}, {b}, {c})")
            }
        }
        Payload::Slice(s) => format!(
            "slice({}, {}, {})",
            ops::repr(vm, tx, &s[0])?,
            ops::repr(vm, tx, &s[1])?,
            ops::repr(vm, tx, &s[2])?
        ),
        Payload::Property(..) => format!("<property object at {}>", addr(o)),
        Payload::StaticMethod(_) => format!("<staticmethod object at {}>", addr(o)),
        Payload::ClassMethod(_) => format!("<classmethod object at {}>", addr(o)),
        Payload::Super(..) => "<super object>".into(),
        Payload::Opaque(class, d) => {
            if o.is(&types().not_implemented) {
                return Ok("NotImplemented".into());
            }
            if o.is(&types().ellipsis) {
                return Ok("Ellipsis".into());
            }
            if let Some(g) = d.downcast_ref::<crate::iter::GenObj>() {
                return Ok(format!(
                    "<generator object {} at {}>",
                    g.qualname.payload_str().unwrap_or("?"),
                    addr(o)
                ));
            }
            if let Some(view) = d.downcast_ref::<DictView>() {
                let data = dict_data(tx, &view.dict)?;
                let items: Vec<Value> = data
                    .iter()
                    .map(|e| match view.kind {
                        0 => e.key.clone(),
                        1 => e.value.clone(),
                        _ => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                    })
                    .collect();
                let name = ["dict_keys", "dict_values", "dict_items"][view.kind as usize];
                return Ok(format!("{name}([{}])", join_reprs(vm, tx, &items)?));
            }
            if let Some(c) = d.downcast_ref::<std::sync::Arc<crate::vm::LoadedCode>>() {
                return Ok(format!(
                    "<code object {} at {}, file \"{}\", line {}>",
                    c.code.name,
                    addr(o),
                    c.code.filename,
                    c.code.first_line
                ));
            }
            if let Some(s) = misc_methods::opaque_repr(tx, d.as_ref())? {
                return Ok(s);
            }
            format!("<{} object at {}>", as_type(class).name, addr(o))
        }
    })
}

fn join_reprs(vm: &mut Vm, tx: &Tx, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr(vm, tx, it)?);
    }
    Ok(out)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

// ---------- format() ----------

/// `format(v, spec)`.
pub fn format_value(vm: &mut Vm, tx: &Tx, v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Int(i) => return Ok(fmt::format_int(*i, spec, "int")?),
        Value::Bool(b) => {
            if spec.is_empty() {
                return Ok(if *b { "True" } else { "False" }.into());
            }
            return Ok(fmt::format_int(*b as i64, spec, "bool")?);
        }
        Value::Float(f) => return Ok(fmt::format_float(*f, spec, "float")?),
        Value::None if spec.is_empty() => return Ok("None".into()),
        _ => {}
    }
    match v.payload() {
        Some(Payload::Str(s)) => return Ok(fmt::format_str(s.as_str(), spec, "str")?),
        Some(Payload::BigInt(b)) => return Ok(fmt::format_bigint(b, spec, "int")?),
        Some(Payload::Instance(_)) => {
            if let Some(f) = ops::lookup_type(tx, type_of(v), "__format__")?
                && !matches!(f.payload(), Some(Payload::Native(_)))
            {
                let r = vm.call_descr(tx, &f, v, &[v.clone(), Value::str(spec)])?;
                return match r.payload_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(type_error(format!(
                        "__format__ must return a str, not {}",
                        type_name(&r)
                    ))),
                };
            }
        }
        _ => {}
    }
    if spec.is_empty() {
        return ops::str_of(vm, tx, v);
    }
    Err(type_error(format!(
        "unsupported format string passed to {}.__format__",
        type_name(v)
    )))
}

// ---------- items ----------

/// (start, stop, step, length) of a slice over a sequence of `len` items.
pub fn slice_indices(
    vm: &mut Vm,
    tx: &Tx,
    s: &Value,
    len: usize,
) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = slice_fields(vm, tx, s)?;
    Ok(adjust_slice(start, stop, step, len))
}

/// A slice's start, stop and (non-zero) step as integers, calling `__index__` where
/// needed (so it may run Python code: call it outside `Tx::modify`).
pub fn slice_fields(vm: &mut Vm, tx: &Tx, s: &Value) -> PyResult<(Option<i64>, Option<i64>, i64)> {
    let Some(Payload::Slice(s)) = s.payload() else {
        return Err(type_error("not a slice"));
    };
    let [a, b, c] = &**s;
    let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::Obj(o) if matches!(o.payload, Payload::BigInt(_)) => {
                let b = stmpy_core::int::to_bigint(v).unwrap_or_default();
                Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }))
            }
            _ => {
                if let Some(r) = ops::call_special(vm, tx, v, "__index__", &[])? {
                    return Ok(Some(ops::index_of(&r)?));
                }
                Err(type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    };
    let step = get(vm, c)?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let start = get(vm, a)?;
    let stop = get(vm, b)?;
    Ok((start, stop, step))
}

/// (start, stop, step, length) of slice fields over `len` items (`PySlice_AdjustIndices`).
pub fn adjust_slice(
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
    len: usize,
) -> (i64, i64, i64, usize) {
    let len = len as i64;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |x: Option<i64>, default: i64| -> i64 {
        match x {
            None => default,
            Some(x) if x < 0 => (x + len).max(lo),
            Some(x) => x.min(hi),
        }
    };
    let start = norm(start, if step < 0 { hi } else { lo });
    let stop = norm(stop, if step < 0 { lo } else { hi });
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    (start, stop, step, n as usize)
}

fn slice_positions(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |i| (start + i as i64 * step) as usize)
}

pub fn is_slice(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Slice(..)))
}

/// `container[key]`.
pub fn getitem(vm: &mut Vm, tx: &Tx, container: &Value, key: &Value) -> PyResult<Value> {
    let Value::Obj(o) = container else {
        return Err(not_subscriptable(container));
    };
    match &o.payload {
        // `view`, not `read`: a later store to the list stays in place (see
        // `ops::dict_cell_lookup`).
        Payload::List(l) => {
            if is_slice(key) {
                let len = tx.view(l, |l| l.len())?;
                // (May run `__index__`, which may resize the list: hence `get`.)
                let (start, _, step, n) = slice_indices(vm, tx, key, len)?;
                return Ok(tx.view(l, |l| {
                    if step == 1 && start as usize + n <= l.len() {
                        let s = start as usize;
                        return Value::list(l.slice(s, s + n));
                    }
                    Value::list_from(
                        slice_positions(start, step, n)
                            .filter_map(|i| l.get(i).cloned())
                            .collect(),
                    )
                })?);
            }
            Ok(tx.view(l, |l| {
                ops::seq_index(key, l.len(), "list").map(|i| l[i].clone())
            })??)
        }
        Payload::Tuple(t) => {
            if is_slice(key) {
                let (start, _, step, n) = slice_indices(vm, tx, key, t.len())?;
                return Ok(Value::tuple(
                    slice_positions(start, step, n)
                        .map(|i| t[i].clone())
                        .collect(),
                ));
            }
            let i = ops::seq_index(key, t.len(), "tuple")?;
            Ok(t[i].clone())
        }
        Payload::Str(s) => {
            if is_slice(key) {
                let (start, _, step, n) = slice_indices(vm, tx, key, s.char_len())?;
                if step == 1 {
                    return Ok(Value::str(s.substring(start as usize, start as usize + n)));
                }
                let chars: Vec<char> = s.as_str().chars().collect();
                return Ok(Value::string(
                    slice_positions(start, step, n).map(|i| chars[i]).collect(),
                ));
            }
            let i = ops::seq_index(key, s.char_len(), "string")?;
            Ok(Value::string(
                s.char_at(i).map(|c| c.to_string()).unwrap_or_default(),
            ))
        }
        Payload::Bytes(b) => {
            if is_slice(key) {
                let (start, _, step, n) = slice_indices(vm, tx, key, b.len())?;
                return Ok(Value::bytes(
                    slice_positions(start, step, n).map(|i| b[i]).collect(),
                ));
            }
            let i = ops::seq_index(key, b.len(), "index")?;
            Ok(Value::Int(b[i] as i64))
        }
        Payload::Range(a, _, c) => {
            let len = ops::range_len(
                *a,
                match &o.payload {
                    Payload::Range(_, b, _) => *b,
                    _ => 0,
                },
                *c,
            ) as usize;
            if is_slice(key) {
                let (start, stop, step, _) = slice_indices(vm, tx, key, len)?;
                let _ = stop;
                let (na, nc) = (a + start * c, c * step);
                let n = slice_indices(vm, tx, key, len)?.3 as i64;
                return Ok(Value::Obj(ObjRef::new(Payload::Range(na, na + n * nc, nc))));
            }
            let i = ops::seq_index(key, len, "range object")?;
            Ok(Value::Int(a + i as i64 * c))
        }
        Payload::Dict(d) => match ops::dict_cell_lookup(vm, tx, d, key, None)? {
            Some(v) => Ok(v),
            None => Err(Unwind::with_args(ExcKind::KeyError, vec![key.clone()])),
        },
        Payload::Instance(_) => {
            match ops::call_special(vm, tx, container, "__getitem__", std::slice::from_ref(key))? {
                Some(v) => Ok(v),
                None => Err(not_subscriptable(container)),
            }
        }
        Payload::Type(t) => {
            if t.meta.is_some()
                && let Some(v) =
                    ops::call_special(vm, tx, container, "__getitem__", std::slice::from_ref(key))?
            {
                return Ok(v);
            }
            if let Some(f) = ops::lookup_type(tx, o, "__class_getitem__")? {
                // Bound to the class itself, not to its metaclass.
                let f = match f.payload() {
                    Some(Payload::ClassMethod(inner)) => inner.clone(),
                    _ => f,
                };
                return vm.call_descr(tx, &f, container, &[container.clone(), key.clone()]);
            }
            // `list[int]` and friends in annotations: the class itself stands in.
            if matches!(&o.payload, Payload::Type(t) if t.layout == Layout::Builtin) {
                return Ok(container.clone());
            }
            Err(type_error(format!(
                "type '{}' is not subscriptable",
                as_type(o).name
            )))
        }
        _ => Err(not_subscriptable(container)),
    }
}

fn not_subscriptable(v: &Value) -> Unwind {
    type_error(format!("'{}' object is not subscriptable", type_name(v)))
}

/// `container[key] = v`.
pub fn setitem(vm: &mut Vm, tx: &Tx, container: &Value, key: Value, v: Value) -> PyResult<()> {
    match container.payload() {
        Some(Payload::List(cell)) => {
            if is_slice(&key) {
                let items = crate::iter::collect(vm, tx, &v)?;
                let (start, stop, step) = slice_fields(vm, tx, &key)?;
                // The length is taken inside the one `modify` (see `set_add`).
                return tx.modify(cell, |l| {
                    let (start, _, step, n) = adjust_slice(start, stop, step, l.len());
                    if step == 1 {
                        let s = start as usize;
                        l.splice(s, (s + n).min(l.len()), items);
                        return Ok(());
                    }
                    if items.len() != n {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {n}",
                            items.len()
                        )));
                    }
                    for (pos, it) in slice_positions(start, step, n).zip(items) {
                        l.set(pos, it);
                    }
                    Ok(())
                })?;
            }
            // Index checked inside the one `modify` (see `set_add`).
            tx.modify(cell, |l| {
                let i = ops::seq_index(&key, l.len(), "list assignment")?;
                l.set(i, v);
                Ok(())
            })?
        }
        Some(Payload::Dict(cell)) => {
            let h = ops::hash(vm, tx, &key)?;
            if key.as_str().is_some() {
                tx.modify(cell, |d| d.insert_str(key, h, v))?;
                return Ok(());
            }
            // Keys that compare without Python code (ints, floats, tuples of them): look
            // up and store in one `modify`, not a `read` and a `modify`, which copies a
            // big dict's path on every store.
            let mut simple = |a: &Value, b: &Value| ops::simple_eq(a, b).ok_or(());
            if tx
                .modify(cell, |d| d.insert(h, key.clone(), v.clone(), &mut simple))?
                .is_ok()
            {
                return Ok(());
            }
            let snapshot = tx.view(cell, |v| v.clone())?;
            let mut eqf = |a: &Value, b: &Value| ops::eq(vm, tx, a, b);
            let slot = snapshot.lookup(h, &key, &mut eqf)?;
            match slot {
                Some(_) => {
                    // The key is present: overwrite with identity-equal comparison (the
                    // stored key object), so no Python code runs inside the update.
                    let stored = snapshot
                        .slot(slot.unwrap_or(0))
                        .map(|e| e.key.clone())
                        .unwrap_or(key);
                    let mut same = |a: &Value, b: &Value| Ok::<bool, ()>(a.is(b));
                    tx.modify(cell, |d| {
                        let _ = d.insert(h, stored, v, &mut same);
                    })?;
                }
                None => tx.modify(cell, |d| d.push_new(h, key, v))?,
            }
            Ok(())
        }
        Some(Payload::Instance(_)) => {
            match ops::call_special(vm, tx, container, "__setitem__", &[key, v])? {
                Some(_) => Ok(()),
                None => Err(type_error(format!(
                    "'{}' object does not support item assignment",
                    type_name(container)
                ))),
            }
        }
        _ => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_name(container)
        ))),
    }
}

/// `del container[key]`.
pub fn delitem(vm: &mut Vm, tx: &Tx, container: &Value, key: &Value) -> PyResult<()> {
    match container.payload() {
        Some(Payload::List(cell)) => {
            let len = tx.view(cell, |v| v.len())?;
            if is_slice(key) {
                let (start, _, step, n) = slice_indices(vm, tx, key, len)?;
                let mut pos: Vec<usize> = slice_positions(start, step, n).collect();
                pos.sort_unstable();
                tx.modify(cell, |l| {
                    for p in pos.into_iter().rev() {
                        l.remove(p);
                    }
                })?;
                return Ok(());
            }
            let i = ops::seq_index(key, len, "list assignment")?;
            tx.modify(cell, |l| {
                l.remove(i);
            })?;
            Ok(())
        }
        Some(Payload::Dict(cell)) => {
            let h = ops::hash(vm, tx, key)?;
            let snapshot = tx.view(cell, |v| v.clone())?;
            let mut eqf = |a: &Value, b: &Value| ops::eq(vm, tx, a, b);
            match snapshot.lookup(h, key, &mut eqf)? {
                Some(i) => {
                    tx.modify(cell, |d| {
                        d.remove_slot(i);
                    })?;
                    Ok(())
                }
                None => Err(Unwind::with_args(ExcKind::KeyError, vec![key.clone()])),
            }
        }
        Some(Payload::Instance(_)) => {
            match ops::call_special(vm, tx, container, "__delitem__", std::slice::from_ref(key))? {
                Some(_) => Ok(()),
                None => Err(type_error(format!(
                    "'{}' object does not support item deletion",
                    type_name(container)
                ))),
            }
        }
        _ => Err(type_error(format!(
            "'{}' object does not support item deletion",
            type_name(container)
        ))),
    }
}

// ---------- sequence operators ----------

/// `+`, `*`, `%`, `|`, `&`, `-`, `^` on str/list/tuple/bytes/set/dict.
pub fn seq_binary(
    vm: &mut Vm,
    tx: &Tx,
    op: crate::bytecode::BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    use crate::bytecode::BinOp;
    let base = op.base();
    let (pa, pb) = (a.payload(), b.payload());
    match (base, pa, pb) {
        (BinOp::Add, Some(Payload::Str(x)), Some(Payload::Str(y))) => {
            let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
            s.push_str(x.as_str());
            s.push_str(y.as_str());
            Ok(Some(Value::string(s)))
        }
        (BinOp::Add, Some(Payload::List(x)), Some(Payload::List(y))) => {
            if op.is_inplace() {
                let items = tx.view(y, |v| v.clone())?;
                tx.modify(x, |l| l.append(items))?;
                return Ok(Some(a.clone()));
            }
            let mut l = tx.view(x, |v| v.clone())?;
            l.append(tx.view(y, |v| v.clone())?);
            Ok(Some(Value::list(l)))
        }
        (BinOp::Add, Some(Payload::List(x)), _) if op.is_inplace() => {
            let items = crate::iter::collect(vm, tx, b)?;
            tx.modify(x, |l| l.extend(items))?;
            Ok(Some(a.clone()))
        }
        (BinOp::Add, Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Ok(Some(Value::tuple(v)))
        }
        (BinOp::Add, Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Ok(Some(Value::bytes(v)))
        }
        (BinOp::Mul, Some(_), None) | (BinOp::Mul, None, Some(_)) => {
            let (seq, n) = if pa.is_some() { (a, b) } else { (b, a) };
            let n = match n {
                Value::Int(i) => (*i).max(0) as usize,
                Value::Bool(x) => *x as usize,
                _ => return Ok(None),
            };
            match seq.payload() {
                Some(Payload::Str(s)) => Ok(Some(Value::string(s.as_str().repeat(n)))),
                Some(Payload::Bytes(s)) => Ok(Some(Value::bytes(s.repeat(n)))),
                Some(Payload::Tuple(t)) => {
                    let mut v = Vec::with_capacity(t.len() * n);
                    for _ in 0..n {
                        v.extend_from_slice(t);
                    }
                    Ok(Some(Value::tuple(v)))
                }
                Some(Payload::List(l)) => {
                    let src = tx.read(l)?;
                    // Item by item (appending whole persistent vectors made imbl
                    // rebalance on every append: `[None] * 100000` took seconds).
                    let total = src.len().saturating_mul(n);
                    let out: stmpy_core::list::ListData =
                        src.iter().cycle().take(total).cloned().collect();
                    if op.is_inplace() && pa.is_some() {
                        tx.write(l, out)?;
                        return Ok(Some(a.clone()));
                    }
                    Ok(Some(Value::list(out)))
                }
                _ => Ok(None),
            }
        }
        (BinOp::Remainder, Some(Payload::Str(s)), _) => Ok(Some(Value::string(
            str_methods::percent_format(vm, tx, s.as_str(), b)?,
        ))),
        (
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
            Some(Payload::Set(_) | Payload::FrozenSet(_)),
            Some(Payload::Set(_) | Payload::FrozenSet(_)),
        ) => {
            let r = dict_methods::set_op(vm, tx, base, a, b)?;
            if op.is_inplace()
                && let Some(Payload::Set(cell)) = pa
            {
                tx.write(cell, set_data(tx, &r)?)?;
                return Ok(Some(a.clone()));
            }
            Ok(Some(r))
        }
        (BinOp::Or, Some(Payload::Dict(x)), Some(Payload::Dict(_))) => {
            let target = if op.is_inplace() {
                a.clone()
            } else {
                Value::dict(tx.view(x, |v| v.clone())?)
            };
            for (k, v) in mapping_pairs(vm, tx, b)? {
                dict_set(vm, tx, &target, k, v)?;
            }
            Ok(Some(target))
        }
        _ => Ok(None),
    }
}

// ---------- constructors of built-in types ----------

pub fn construct_builtin(
    vm: &mut Vm,
    tx: &Tx,
    cls: &ObjRef,
    base: &str,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let name = as_type(cls).name.clone();
    match base {
        "int" => funcs::int_new(vm, tx, args, kw),
        "bool" => {
            arg_count("bool", args, 0, 1)?;
            Ok(Value::Bool(match args.first() {
                Some(v) => ops::truthy(vm, tx, v)?,
                None => false,
            }))
        }
        "float" => funcs::float_new(vm, tx, args, kw),
        "str" => funcs::str_new(vm, tx, args, kw),
        "list" => {
            arg_count("list", args, 0, 1)?;
            Ok(Value::list_from(match args.first() {
                Some(v) => crate::iter::collect(vm, tx, v)?,
                None => vec![],
            }))
        }
        "tuple" => {
            arg_count("tuple", args, 0, 1)?;
            if let Some(v) = args.first()
                && matches!(v.payload(), Some(Payload::Tuple(_)))
            {
                return Ok(v.clone());
            }
            Ok(Value::tuple(match args.first() {
                Some(v) => crate::iter::collect(vm, tx, v)?,
                None => vec![],
            }))
        }
        "dict" => dict_methods::dict_new(vm, tx, args, kw),
        "set" => {
            arg_count("set", args, 0, 1)?;
            let items = match args.first() {
                Some(v) => crate::iter::collect(vm, tx, v)?,
                None => vec![],
            };
            new_set(vm, tx, items)
        }
        "frozenset" => {
            arg_count("frozenset", args, 0, 1)?;
            let items = match args.first() {
                Some(v) => crate::iter::collect(vm, tx, v)?,
                None => vec![],
            };
            Ok(Value::frozenset(build_set_data(vm, tx, items)?))
        }
        "bytes" => funcs::bytes_new(vm, tx, args, kw),
        "range" => funcs::range_new(args),
        "slice" => {
            arg_count("slice", args, 1, 3)?;
            let (a, b, c) = match args.len() {
                1 => (Value::None, args[0].clone(), Value::None),
                2 => (args[0].clone(), args[1].clone(), Value::None),
                _ => (args[0].clone(), args[1].clone(), args[2].clone()),
            };
            Ok(Value::slice(a, b, c))
        }
        "type" => funcs::type_new(vm, tx, args, kw),
        "object" => Ok(Value::Obj(make_instance_of(&types().object))),
        "property" => {
            let get = |i: usize, n: &str| {
                args.get(i)
                    .cloned()
                    .or_else(|| kwarg(kw, n).cloned())
                    .unwrap_or_default()
            };
            Ok(Value::property(
                get(0, "fget"),
                get(1, "fset"),
                get(2, "fdel"),
                get(3, "doc"),
            ))
        }
        "staticmethod" => {
            arg_count("staticmethod", args, 1, 1)?;
            Ok(Value::Obj(ObjRef::new(Payload::StaticMethod(
                args[0].clone(),
            ))))
        }
        "classmethod" => {
            arg_count("classmethod", args, 1, 1)?;
            Ok(Value::Obj(ObjRef::new(Payload::ClassMethod(
                args[0].clone(),
            ))))
        }
        "super" => funcs::super_new(vm, tx, args),
        "NoneType" => Ok(Value::None),
        _ => Err(type_error(format!("cannot create '{name}' instances"))),
    }
}

/// Errors for a missing dict key.
pub fn key_error(key: &Value) -> Unwind {
    Unwind::with_args(ExcKind::KeyError, vec![key.clone()])
}

pub fn index_err(msg: &str) -> Unwind {
    index_error(msg.to_string())
}
