//! Instances of user subclasses of the built-in data types (`class Stack(list)`,
//! `class Tag(str)`, `class Meters(int)`).
//!
//! Such an instance is a `Payload::Instance` (it has a class, a `__dict__`, Python
//! methods) that also carries the built-in value it extends in `Instance::base`: the
//! `__new__` of the built-in type makes it, from the arguments for immutable types and
//! empty for list/dict/set/bytearray, whose native `__init__` then fills it (and whose
//! methods mutate it in place).
//!
//! The built-in behaviour reaches the base value two ways, as slots inherited from the
//! base type do in CPython:
//! - a native method of a built-in type called with such an instance as `self`
//!   (`self.append(x)`, `super().__setitem__(k, v)`) runs on the base value
//!   (`Vm::call`, via [`native_self`]);
//! - the operators and protocols (`len`, `[]`, `in`, iteration, comparisons, arithmetic,
//!   `hash`, truth, `repr`/`str`/`format`) use the base value unless the class defines
//!   the special method in Python ([`builtin_self`]).

use stmpy_core::error::{PyResult, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{Layout, as_type, mro_of};
use stmpy_core::value::{Instance, NativeFunc, NativeKind, ObjRef, Payload, Value};

use crate::ops;
use crate::vm::Vm;

/// The built-in types a Python class may derive from and get the data of.
const DATA_TYPES: &[&str] = &[
    "int",
    "float",
    "str",
    "bytes",
    "bytearray",
    "tuple",
    "list",
    "dict",
    "set",
    "frozenset",
    "weakref",
];

/// Built-in types whose `__new__` makes an empty value for `__init__` to fill.
const MUTABLE: &[&str] = &["list", "dict", "set", "bytearray"];

/// The built-in data type `cls` derives from (the first one in its MRO), for a user
/// class; `None` for built-in types themselves and classes deriving from none.
pub fn data_base(cls: &ObjRef) -> Option<&'static str> {
    let Payload::Type(t) = &cls.payload else {
        return None;
    };
    if t.layout == Layout::Builtin {
        return None;
    }
    mro_of(cls).skip(1).find_map(|m| match &m.payload {
        Payload::Type(mt) if mt.layout == Layout::Builtin => {
            mt.builtin_base.filter(|b| DATA_TYPES.contains(b))
        }
        _ => None,
    })
}

/// The built-in value `v` extends, when `v` is an instance of such a subclass.
#[inline]
pub fn base_of(v: &Value) -> Option<&Value> {
    match v.payload() {
        Some(Payload::Instance(i)) => i.base.as_deref(),
        _ => None,
    }
}

/// `v`'s base value when the built-in behaviour of `dunder` applies to it: `v` extends a
/// built-in value and its class does not define `dunder` in Python.
pub fn builtin_self(
    vm: &mut Vm,
    tx: &Tx,
    v: &Value,
    dunder: &'static str,
) -> PyResult<Option<Value>> {
    let Some(Payload::Instance(inst)) = v.payload() else {
        return Ok(None);
    };
    let Some(base) = &inst.base else {
        return Ok(None);
    };
    match ops::lookup_special(vm, tx, &inst.class, dunder)? {
        Some(f) if !crate::call::is_native_method(&f) => Ok(None),
        _ => Ok(Some((**base).clone())),
    }
}

/// `v`'s base value where the built-in behaviour of `dunder` applies, else `v` (numeric
/// builtins such as `divmod`, `round` and `pow` take their operands through this).
pub fn value_for(vm: &mut Vm, tx: &Tx, v: &Value, dunder: &'static str) -> PyResult<Value> {
    Ok(builtin_self(vm, tx, v, dunder)?.unwrap_or_else(|| v.clone()))
}

/// The `self` a native method of a built-in type runs on: the base value of an instance
/// of a subclass (`object`'s methods act on the instance itself, and so does
/// `dict.__getitem__`, which must ask the subclass's `__missing__`).
#[inline]
pub fn native_self<'a>(f: &NativeFunc, args: &'a [Value]) -> Option<&'a Value> {
    match &f.kind {
        NativeKind::Method(owner) | NativeKind::Slot(owner)
            if &**owner != "object" && !(&**owner == "dict" && f.name == "__getitem__") =>
        {
            args.first().and_then(base_of)
        }
        _ => None,
    }
}

/// `T.__new__(cls, *args)` for the built-in data types: the value itself when `cls` is
/// the built-in type, else an instance of `cls` extending a new value.
pub fn builtin_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(cls) = args
        .first()
        .and_then(|c| c.obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
    else {
        return Err(type_error("__new__(X): X is not a type object"));
    };
    let t = as_type(cls);
    if t.layout == Layout::Builtin {
        let base = t.builtin_base.unwrap_or("");
        return crate::builtins::construct_builtin(vm, tx, cls, base, &args[1..], kw);
    }
    let Some(base) = data_base(cls) else {
        return Err(type_error(format!(
            "__new__({}): not a subtype of a built-in type",
            t.name
        )));
    };
    new_instance(vm, tx, cls, base, &args[1..], kw)
}

/// An instance of `cls` (deriving from the built-in `base`) for `cls(*args, **kw)`.
pub fn new_instance(
    vm: &mut Vm,
    tx: &Tx,
    cls: &ObjRef,
    base: &'static str,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let value = if MUTABLE.contains(&base) {
        crate::builtins::construct_builtin(vm, tx, cls, base, &[], &[])?
    } else {
        crate::builtins::construct_builtin(vm, tx, cls, base, args, kw)?
    };
    Ok(Value::Obj(ObjRef::new(Payload::Instance(
        Instance::with_base(cls.clone(), value),
    ))))
}

/// `list.__init__`, `dict.__init__`, `set.__init__`, `bytearray.__init__`: refill the
/// value from the constructor arguments (dict updates, the others replace).
pub fn builtin_init(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let Some(this) = args.first() else {
        return Err(type_error("descriptor '__init__' needs an argument"));
    };
    let rest = &args[1..];
    match this.payload() {
        Some(Payload::List(cell)) => {
            crate::builtins::arg_count("list", rest, 0, 1)?;
            crate::builtins::no_kw("list", kw)?;
            let items = match rest.first() {
                Some(v) => crate::iter::collect(vm, tx, v)?,
                None => vec![],
            };
            tx.write(cell, stmpy_core::list::ListData::from(items))?;
        }
        Some(Payload::Dict(_)) => {
            let mut full = vec![this.clone()];
            full.extend_from_slice(rest);
            crate::builtins::dict_methods::dict_update(vm, tx, &full, kw)?;
        }
        Some(Payload::Set(cell)) => {
            crate::builtins::arg_count("set", rest, 0, 1)?;
            let items = match rest.first() {
                Some(v) => crate::iter::collect(vm, tx, v)?,
                None => vec![],
            };
            let data = crate::builtins::build_set_data(vm, tx, items)?;
            tx.write(cell, data)?;
        }
        Some(Payload::ByteArray(cell)) => {
            let fresh = crate::builtins::funcs::bytearray_new(vm, tx, rest, kw)?;
            if let Some(Payload::ByteArray(new)) = fresh.payload() {
                let bytes = tx.read(new)?.clone();
                tx.write(cell, bytes)?;
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

/// Special methods every built-in data type has, so that a subclass can call them
/// through `super()` (installed before each type's own table, which may override them).
pub const DATA: crate::builtins::Table = &[
    ("__new__", builtin_new),
    ("__repr__", dunder_repr),
    ("__str__", dunder_str),
    ("__format__", dunder_format),
    ("__eq__", dunder_eq),
    ("__ne__", dunder_ne),
    ("__lt__", dunder_lt),
    ("__le__", dunder_le),
    ("__gt__", dunder_gt),
    ("__ge__", dunder_ge),
];

/// `__init__` of the mutable data types.
pub const MUTABLE_INIT: crate::builtins::Table = &[("__init__", builtin_init)];

fn dunder_repr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::builtins::arg_count("__repr__", args, 1, 1)?;
    Ok(Value::string(ops::repr(vm, tx, &args[0])?))
}

fn dunder_str(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::builtins::arg_count("__str__", args, 1, 1)?;
    Ok(Value::string(ops::str_of(vm, tx, &args[0])?))
}

fn dunder_format(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::builtins::arg_count("__format__", args, 2, 2)?;
    let spec = args[1]
        .as_str()
        .ok_or_else(|| type_error("format spec must be a str"))?
        .as_str()
        .to_string();
    Ok(Value::string(crate::builtins::format_value(
        vm, tx, &args[0], &spec,
    )?))
}

fn cmp(vm: &mut Vm, tx: &Tx, args: &[Value], op: crate::bytecode::CmpOp) -> PyResult<Value> {
    crate::builtins::arg_count("comparison", args, 2, 2)?;
    ops::compare(vm, tx, op, &args[0], &args[1])
}

fn dunder_eq(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, crate::bytecode::CmpOp::Eq)
}

fn dunder_ne(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, crate::bytecode::CmpOp::Ne)
}

fn dunder_lt(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, crate::bytecode::CmpOp::Lt)
}

fn dunder_le(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, crate::bytecode::CmpOp::Le)
}

fn dunder_gt(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, crate::bytecode::CmpOp::Gt)
}

fn dunder_ge(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, crate::bytecode::CmpOp::Ge)
}
