//! Methods of `object`, `type`, `BaseException`, generators and iterators.

use std::any::Any;

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{ExcKind, type_name, type_of};
use stmpy_core::value::{Payload, Value};

use super::Table;
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

pub const OBJECT: Table = &[
    ("__init__", object_init),
    ("__new__", object_new),
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__hash__", object_hash),
    ("__setattr__", object_setattr),
    ("__getattribute__", object_getattribute),
    ("__delattr__", object_delattr),
    ("__format__", object_format),
    ("__init_subclass__", object_init_subclass),
    ("__dir__", object_dir),
    ("__reduce_ex__", object_reduce_ex),
    ("__reduce__", object_reduce),
    ("__getstate__", object_getstate),
];

pub const TYPE: Table = &[
    ("mro", type_mro),
    ("__subclasses__", type_subclasses),
    ("__call__", type_call),
];

pub const BASE_EXCEPTION: Table = &[
    ("__init__", exc_init),
    ("with_traceback", exc_with_traceback),
    ("add_note", exc_add_note),
];

pub const GENERATOR: Table = &[
    ("__next__", gen_next),
    ("__iter__", iter_self),
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
];

pub const PROPERTY: Table = &[
    ("setter", prop_setter),
    ("getter", prop_getter),
    ("deleter", prop_deleter),
    ("__get__", prop_get),
];

pub const SLICE: Table = &[("indices", slice_indices)];

fn prop_parts(args: &[Value]) -> PyResult<(Value, Value, Value, Value, Value)> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::Property(p)) => Ok((
            p[0].clone(),
            p[1].clone(),
            p[2].clone(),
            p[3].clone(),
            args.get(1).cloned().unwrap_or_default(),
        )),
        _ => Err(type_error("descriptor requires a 'property' object")),
    }
}

fn new_prop(g: Value, s: Value, d: Value, doc: Value) -> Value {
    Value::property(g, s, d, doc)
}

fn prop_setter(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (g, _, d, doc, f) = prop_parts(args)?;
    Ok(new_prop(g, f, d, doc))
}

fn prop_getter(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (_, s, d, doc, f) = prop_parts(args)?;
    Ok(new_prop(f, s, d, doc))
}

fn prop_deleter(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (g, s, _, doc, f) = prop_parts(args)?;
    Ok(new_prop(g, s, f, doc))
}

fn prop_get(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (g, ..) = prop_parts(args)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(args[0].clone()),
        Some(obj) => vm.call(tx, &g, std::slice::from_ref(obj), &[]),
    }
}

fn slice_indices(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = args.get(1).map(ops::index_of).transpose()?.unwrap_or(0);
    if n < 0 {
        return Err(stmpy_core::error::value_error(
            "length should not be negative",
        ));
    }
    let (a, b, c, _) = super::slice_indices(vm, tx, &args[0], n as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(a),
        Value::Int(b),
        Value::Int(c),
    ]))
}

pub const ITERATOR: Table = &[("__next__", iter_next), ("__iter__", iter_self)];

fn object_init(_vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.first().and_then(|c| c.obj()) {
        // `super().__new__(meta, name, bases, ns)` in a metaclass: `type.__new__`.
        Some(c) if stmpy_core::types::is_subtype(c, &stmpy_core::types::types().type_) => {
            super::funcs::new_class_of_meta(vm, tx, c, &args[1..], kw)
        }
        Some(c) if matches!(c.payload, Payload::Type(_)) => {
            crate::call::check_abstract(tx, c)?;
            let layout = stmpy_core::types::as_type(c).layout;
            Ok(crate::call::new_instance(c, layout, &args[1..]))
        }
        _ => Err(type_error("object.__new__(X): X is not a type object")),
    }
}

/// `object.__reduce_ex__(protocol)`, `__reduce__()`, `__getstate__()`: the pickling
/// protocol, written in Python (`vm/lib/_objreduce.py`).
fn reduce_helper(vm: &mut Vm, tx: &Tx, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = super::frozen_attr(vm, tx, "_objreduce", name)?;
    vm.call(tx, &f, args, &[])
}

fn object_reduce_ex(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    super::arg_count("__reduce_ex__", args, 2, 2)?;
    reduce_helper(vm, tx, "reduce_ex", args)
}

fn object_reduce(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    super::arg_count("__reduce__", args, 1, 1)?;
    reduce_helper(vm, tx, "reduce", args)
}

fn object_getstate(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    super::arg_count("__getstate__", args, 1, 1)?;
    reduce_helper(vm, tx, "getstate", args)
}

fn object_repr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = &args[0];
    if let Some(o) = v.obj()
        && let Payload::Instance(inst) = &o.payload
    {
        if inst.exc.is_some() {
            return Ok(Value::string(crate::exceptions::exc_repr(vm, tx, o)?));
        }
        return Ok(Value::string(format!(
            "<{} object at 0x{:012x}>",
            super::class_qualname(tx, &inst.class)?,
            o.id()
        )));
    }
    Ok(Value::string(ops::repr(vm, tx, v)?))
}

fn object_str(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = &args[0];
    if let Some(o) = v.obj()
        && let Payload::Instance(inst) = &o.payload
        && inst.exc.is_some()
    {
        return Ok(Value::string(crate::exceptions::exc_str(vm, tx, o)?));
    }
    Ok(Value::string(ops::repr(vm, tx, v)?))
}

fn object_eq(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() == 2 && args[0].is(&args[1]) {
        return Ok(Value::Bool(true));
    }
    Ok(Value::Obj(
        stmpy_core::types::types().not_implemented.clone(),
    ))
}

fn object_ne(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(type_error("__ne__ expected 1 argument"));
    }
    let r = ops::compare(vm, tx, crate::bytecode::CmpOp::Eq, &args[0], &args[1])?;
    if ops::is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::Bool(!ops::truthy(vm, tx, &r)?))
}

fn object_hash(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(
        args[0].obj().map(|o| (o.id() >> 4) as i64).unwrap_or(0),
    ))
}

fn object_setattr(
    _vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(type_error("__setattr__ expected 2 arguments"));
    }
    let Some(h) = args[1].as_str().map(|s| s.hash()) else {
        return Err(type_error("attribute name must be string"));
    };
    match args[0].payload() {
        Some(Payload::Instance(inst)) => {
            let (k, v) = (args[1].clone(), args[2].clone());
            tx.modify(inst.dict(), |d| d.insert_str(k, h, v))?;
            Ok(Value::None)
        }
        // `super().__setattr__(name, value)` in a metaclass: set on the class.
        Some(Payload::Type(t))
            if t.layout != stmpy_core::types::Layout::Builtin
                && t.builtin_base.is_none()
                && !args[0]
                    .obj()
                    .is_some_and(|o| o.is(&stmpy_core::types::types().object)) =>
        {
            let (k, v) = (args[1].clone(), args[2].clone());
            t.dict.modify(tx, |d| d.insert_str(k, h, v))?;
            Ok(Value::None)
        }
        _ => Err(type_error(
            "can't set attributes of built-in/extension type",
        )),
    }
}

fn object_getattribute(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(type_error("__getattribute__ expected 1 argument"));
    }
    match ops::generic_getattr(vm, tx, &args[0], &args[1])? {
        Some(v) => Ok(v),
        None => Err(ops::no_attribute(&args[0], &args[1])),
    }
}

fn object_delattr(
    _vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(type_error("__delattr__ expected 1 argument"));
    }
    if let Some(Payload::Instance(inst)) = args[0].payload() {
        let name = args[1].payload_str().unwrap_or("").to_string();
        let h = stmpy_core::str::str_hash(&name);
        let mut eqf = |a: &Value, _: &Value| Ok::<bool, ()>(a.payload_str() == Some(name.as_str()));
        let removed = tx.modify(inst.dict(), |d| d.remove(h, &args[1], &mut eqf))?;
        if matches!(removed, Ok(Some(_))) {
            return Ok(Value::None);
        }
    }
    Err(ops::no_attribute(&args[0], &args[1]))
}

fn object_format(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let spec = args.get(1).and_then(|s| s.payload_str()).unwrap_or("");
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(&args[0])
        )));
    }
    Ok(Value::string(ops::str_of(vm, tx, &args[0])?))
}

fn object_init_subclass(
    _vm: &mut Vm,
    _tx: &Tx,
    _args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = super::funcs::FUNCTIONS
        .iter()
        .find(|(n, _)| *n == "dir")
        .map(|(_, f)| *f);
    match d {
        Some(f) => f(vm, tx, &args[..1], &[]),
        None => Ok(Value::list_from(vec![])),
    }
}

fn type_mro(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.first().and_then(|v| v.obj()) {
        Some(o) => Ok(Value::list_from(
            stmpy_core::types::mro_of(o)
                .map(|m| Value::Obj(m.clone()))
                .collect(),
        )),
        None => Err(type_error("mro() needs a type")),
    }
}

/// `type.__call__(cls, *args)`: creating an instance; reached as `super().__call__(...)`
/// from a metaclass's own `__call__`.
fn type_call(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.first().and_then(|v| v.obj()) {
        Some(o) if matches!(o.payload, Payload::Type(_)) => {
            let cls = o.clone();
            vm.construct_plain(tx, &cls, &args[1..], kw)
        }
        _ => Err(type_error("descriptor '__call__' requires a 'type' object")),
    }
}

fn type_subclasses(
    _vm: &mut Vm,
    _tx: &Tx,
    _args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    Ok(Value::list_from(vec![]))
}

fn exc_init(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if let Some(o) = args.first().and_then(|v| v.obj())
        && crate::os_error::is_os_error(o)
    {
        return crate::os_error::init(tx, o, &args[1..]).map(|_| Value::None);
    }
    if let Some(o) = args.first().and_then(|v| v.obj())
        && stmpy_core::types::is_subtype(
            stmpy_core::types::type_of_obj(o),
            stmpy_core::types::types().exc(stmpy_core::types::ExcKind::SyntaxError),
        )
    {
        syntax_error_init(vm, tx, &args[0], &args[1..])?;
    }
    if let Some(Payload::Instance(inst)) = args.first().and_then(|v| v.payload())
        && let Some(c) = &inst.exc
    {
        if !kw.is_empty() {
            exc_keywords(tx, inst, kw)?;
        }
        let a = Value::tuple(args[1..].to_vec());
        tx.modify(c, |s| s.args = a)?;
    }
    Ok(Value::None)
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`: the
/// attributes CPython's `SyntaxError.__init__` sets (None when not given).
fn syntax_error_init(vm: &mut Vm, tx: &Tx, this: &Value, args: &[Value]) -> PyResult<()> {
    const FIELDS: [&str; 6] = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    let info: Vec<Value> = match args {
        [_, info] => match info.as_tuple() {
            Some(t) if (4..=6).contains(&t.len()) => t.to_vec(),
            _ => return Err(type_error("SyntaxError: 'details' must be a 4- to 6-tuple")),
        },
        _ => Vec::new(),
    };
    let msg = args.first().cloned().unwrap_or_default();
    ops::setattr(vm, tx, this, &Value::str("msg"), msg)?;
    for (i, name) in FIELDS.iter().enumerate() {
        let v = info.get(i).cloned().unwrap_or_default();
        ops::setattr(vm, tx, this, &Value::str(name), v)?;
    }
    ops::setattr(
        vm,
        tx,
        this,
        &Value::str("print_file_and_line"),
        Value::None,
    )?;
    Ok(())
}

/// The keyword arguments some exceptions take (`ImportError(msg, name=, path=)`,
/// `AttributeError(msg, name=, obj=)`, `NameError(msg, name=)`) become attributes;
/// others take none.
fn exc_keywords(
    tx: &Tx,
    inst: &stmpy_core::value::Instance,
    kw: &[(Value, Value)],
) -> PyResult<()> {
    use stmpy_core::types::{ExcKind, as_type, is_subtype, types};
    let t = types();
    let allowed: &[&str] = if is_subtype(&inst.class, t.exc(ExcKind::ImportError)) {
        &["name", "path"]
    } else if is_subtype(&inst.class, t.exc(ExcKind::AttributeError)) {
        &["name", "obj"]
    } else if is_subtype(&inst.class, t.exc(ExcKind::NameError)) {
        &["name"]
    } else {
        &[]
    };
    let cls = as_type(&inst.class).name.clone();
    for (k, v) in kw {
        let name = k.payload_str().unwrap_or("");
        if allowed.is_empty() {
            return Err(type_error(format!("{cls}() takes no keyword arguments")));
        }
        if !allowed.contains(&name) {
            return Err(type_error(format!(
                "{cls}() got an unexpected keyword argument '{name}'"
            )));
        }
        let (k, v) = (k.clone(), v.clone());
        let h = stmpy_core::str::str_hash(name);
        tx.modify(inst.dict(), |d| d.insert_str(k, h, v))?;
    }
    Ok(())
}

fn exc_with_traceback(
    _vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    if let (Some(Payload::Instance(inst)), Some(tb)) = (args[0].payload(), args.get(1))
        && let Some(c) = &inst.exc
    {
        crate::exceptions::set_traceback(tx, c, tb)?;
    }
    Ok(args[0].clone())
}

fn exc_add_note(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if let (Some(Payload::Instance(inst)), Some(note)) =
        (args.first().and_then(|v| v.payload()), args.get(1))
    {
        let key = Value::str("__notes__");
        let h = stmpy_core::str::str_hash("__notes__");
        let existing = tx.view(inst.dict(), |v| v.get_str("__notes__", h).cloned())?;
        match existing.as_ref().and_then(|v| v.payload()) {
            Some(Payload::List(l)) => {
                let n = note.clone();
                tx.modify(l, |l| l.push_back(n))?;
            }
            _ => {
                let l = Value::list_from(vec![note.clone()]);
                tx.modify(inst.dict(), |d| d.insert_str(key, h, l))?;
            }
        }
    }
    Ok(Value::None)
}

fn iter_self(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn iter_next(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match crate::iter::next(vm, tx, &args[0])? {
        Some(v) => Ok(v),
        None => Err(Unwind::bare(ExcKind::StopIteration)),
    }
}

fn stop(ret: Value) -> Unwind {
    if ret.is_none() {
        Unwind::bare(ExcKind::StopIteration)
    } else {
        Unwind::with_args(ExcKind::StopIteration, vec![ret])
    }
}

fn gen_next(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match crate::iter::gen_resume(vm, tx, &args[0], Value::None, None)? {
        crate::iter::GenStep::Yielded(v) => Ok(v),
        crate::iter::GenStep::Returned(r) => Err(stop(r)),
    }
}

fn gen_send(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = args.get(1).cloned().unwrap_or_default();
    match crate::iter::gen_resume(vm, tx, &args[0], v, None)? {
        crate::iter::GenStep::Yielded(v) => Ok(v),
        crate::iter::GenStep::Returned(r) => Err(stop(r)),
    }
}

fn gen_throw(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(t) = args.get(1) else {
        return Err(type_error("throw expected at least 1 argument, got 0"));
    };
    let exc = match args.get(2) {
        Some(v) if !v.is_none() => {
            let cls = t.clone();
            let e = vm.call(tx, &cls, std::slice::from_ref(v), &[])?;
            crate::exceptions::instantiate(vm, tx, &e)?
        }
        _ => crate::exceptions::instantiate(vm, tx, t)?,
    };
    match crate::iter::gen_resume(vm, tx, &args[0], Value::None, Some(exc))? {
        crate::iter::GenStep::Yielded(v) => Ok(v),
        crate::iter::GenStep::Returned(r) => Err(stop(r)),
    }
}

fn gen_close(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::iter::gen_close(vm, tx, &args[0])
}

/// Attributes of VM-defined objects.
pub fn opaque_attr(tx: &Tx, d: &(dyn Any + Send + Sync), n: &str) -> PyResult<Option<Value>> {
    if let Some(f) = d.downcast_ref::<crate::modules::file::FileObj>() {
        return crate::modules::file::attr(tx, f, n);
    }
    if let Some(tb) = d.downcast_ref::<crate::exceptions::TracebackObj>() {
        return tb.attr(tx, n);
    }
    if let Some(f) = d.downcast_ref::<crate::modules::frame::FrameObj>() {
        return Ok(f.attr(n));
    }
    if let Some(r) = d.downcast_ref::<crate::stdlib::weakref::WeakRef>() {
        return Ok(r.attr(n));
    }
    if let Some(m) = d.downcast_ref::<super::memoryview::MemView>() {
        return m.attr(tx, n);
    }
    if let Some(h) = d.downcast_ref::<crate::stdlib::hashlib::HashObj>() {
        return crate::stdlib::hashlib::attr(tx, h, n);
    }
    if let Some(g) = d.downcast_ref::<crate::iter::GenObj>() {
        return Ok(match n {
            "__name__" => Some(g.name.clone()),
            "__qualname__" => Some(g.qualname.clone()),
            _ => None,
        });
    }
    if let Some(c) = d.downcast_ref::<crate::vm::CodeRef>() {
        return Ok(match n {
            "co_name" => Some(c.name.clone()),
            "co_filename" => Some(Value::str(&c.code.filename)),
            "co_argcount" => Some(Value::Int(c.code.argcount as i64)),
            "co_varnames" => Some(Value::tuple(c.varnames.clone())),
            "co_firstlineno" => Some(Value::Int(c.code.first_line as i64)),
            _ => None,
        });
    }
    Ok(None)
}

pub fn opaque_repr(tx: &Tx, d: &(dyn Any + Send + Sync)) -> PyResult<Option<String>> {
    if let Some(f) = d.downcast_ref::<crate::modules::file::FileObj>() {
        return crate::modules::file::repr(tx, f).map(Some);
    }
    Ok(None)
}

pub fn unused(v: &Value) -> bool {
    type_of(v).is(type_of(v)) && DictData::new().is_empty()
}
