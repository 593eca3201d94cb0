//! Struct sequences: CPython's named tuples of C modules (`time.struct_time`,
//! `sys.version_info`, `sys.float_info`, ...): fields by name and by index, compared
//! and hashed as tuples, printed as `module.name(field=value, ...)`.
//!
//! A struct-sequence type is a class made here with native methods; an instance keeps
//! its values as attributes plus the tuple of its sequence fields in `_seq`.

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::type_of;
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::builtins::{Table, make_instance_of};
use crate::bytecode::CmpOp;
use crate::call::native_value;
use crate::ops;
use crate::vm::Vm;

const METHODS: Table = &[
    ("__init__", init),
    ("__getitem__", getitem),
    ("__len__", len),
    ("__iter__", iter),
    ("__repr__", repr),
    ("__hash__", hash),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__reduce__", reduce),
];

fn put(d: &mut DictData, k: &str, v: Value) {
    let k = Value::str(k);
    let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
    d.insert_str(k, h, v);
}

/// A new struct-sequence class `module.name` with `fields`, the first `n_seq` of which
/// are its sequence (the rest are attributes only, like `tm_zone`).
pub fn make_type(
    tx: &Tx,
    module: &str,
    name: &str,
    fields: &[&str],
    n_seq: usize,
) -> PyResult<ObjRef> {
    let mut ns = DictData::new();
    put(&mut ns, "__module__", Value::str(module));
    put(
        &mut ns,
        "_fields",
        Value::tuple(fields.iter().map(|f| Value::str(f)).collect()),
    );
    put(&mut ns, "n_fields", Value::Int(fields.len() as i64));
    put(&mut ns, "n_sequence_fields", Value::Int(n_seq as i64));
    put(&mut ns, "n_unnamed_fields", Value::Int(0));
    for (n, f) in METHODS {
        put(&mut ns, n, native_value(n, *f));
    }
    crate::builtins::funcs::make_class(tx, name, vec![], ns)
}

/// An instance of struct-sequence class `cls` holding `values` (all its fields).
pub fn new(vm: &mut Vm, tx: &Tx, cls: &ObjRef, values: Vec<Value>) -> PyResult<Value> {
    let obj = Value::Obj(make_instance_of(cls));
    fill(vm, tx, &obj, values)?;
    Ok(obj)
}

fn class_attr(vm: &mut Vm, tx: &Tx, obj: &Value, name: &str) -> PyResult<Value> {
    ops::getattr(vm, tx, &Value::Obj(type_of(obj).clone()), &Value::str(name))
}

fn fill(vm: &mut Vm, tx: &Tx, obj: &Value, values: Vec<Value>) -> PyResult<()> {
    let fields = class_attr(vm, tx, obj, "_fields")?;
    let fields = fields.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let n_seq = match class_attr(vm, tx, obj, "n_sequence_fields")? {
        Value::Int(n) => n as usize,
        _ => fields.len(),
    };
    let seq: Vec<Value> = values.iter().take(n_seq).cloned().collect();
    let Some(Payload::Instance(inst)) = obj.payload() else {
        return Err(type_error("struct sequence expected"));
    };
    tx.modify(inst.dict(), |d| {
        for (i, f) in fields.iter().enumerate() {
            let v = values.get(i).cloned().unwrap_or(Value::None);
            let h = f.as_str().map(|s| s.hash()).unwrap_or(0);
            d.insert_str(f.clone(), h, v);
        }
        put(d, "_seq", Value::tuple(seq));
    })?;
    Ok(())
}

/// The sequence part of a struct sequence, or of a plain tuple (for comparisons).
fn seq_of(tx: &Tx, v: &Value) -> PyResult<Option<Value>> {
    if let Some(Payload::Tuple(_)) = v.payload() {
        return Ok(Some(v.clone()));
    }
    if let Some(Payload::Instance(inst)) = v.payload() {
        let d = tx.read(inst.dict())?;
        let k = Value::str("_seq");
        let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
        return Ok(d.get_str("_seq", h).cloned());
    }
    Ok(None)
}

fn this(tx: &Tx, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(v) => seq_of(tx, v)?.ok_or_else(|| type_error("struct sequence expected")),
        None => Err(type_error("struct sequence expected")),
    }
}

fn init(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let obj = args
        .first()
        .cloned()
        .ok_or_else(|| type_error("struct sequence expected"))?;
    let items = match args.get(1) {
        Some(v) => crate::iter::collect(vm, tx, v)?,
        None => {
            return Err(type_error(
                "structseq() missing required argument 'sequence' (pos 1)",
            ));
        }
    };
    let n_fields = match class_attr(vm, tx, &obj, "n_fields")? {
        Value::Int(n) => n as usize,
        _ => 0,
    };
    let n_seq = match class_attr(vm, tx, &obj, "n_sequence_fields")? {
        Value::Int(n) => n as usize,
        _ => 0,
    };
    let tname = type_name_of(vm, tx, &obj)?;
    if items.len() < n_seq {
        return Err(type_error(format!(
            "{tname}() takes an at least {n_seq}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > n_fields {
        return Err(type_error(format!(
            "{tname}() takes an at most {n_fields}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    fill(vm, tx, &obj, items)?;
    Ok(Value::None)
}

fn type_name_of(vm: &mut Vm, tx: &Tx, obj: &Value) -> PyResult<String> {
    let m = class_attr(vm, tx, obj, "__module__")?;
    let n = class_attr(vm, tx, obj, "__name__")?;
    Ok(format!(
        "{}.{}",
        ops::str_of(vm, tx, &m)?,
        ops::str_of(vm, tx, &n)?
    ))
}

fn getitem(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = this(tx, args)?;
    let key = args.get(1).cloned().unwrap_or(Value::None);
    crate::builtins::getitem(vm, tx, &t, &key)
}

fn len(_vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = this(tx, args)?;
    Ok(Value::Int(t.as_tuple().map_or(0, |t| t.len()) as i64))
}

fn iter(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = this(tx, args)?;
    crate::iter::iter(vm, tx, &t)
}

fn repr(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let obj = args
        .first()
        .cloned()
        .ok_or_else(|| type_error("struct sequence expected"))?;
    let t = this(tx, args)?;
    let fields = class_attr(vm, tx, &obj, "_fields")?;
    let fields = fields.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(t.as_tuple().unwrap_or(&[]).iter()) {
        parts.push(format!(
            "{}={}",
            ops::str_of(vm, tx, f)?,
            ops::repr(vm, tx, v)?
        ));
    }
    Ok(Value::string(format!(
        "{}({})",
        type_name_of(vm, tx, &obj)?,
        parts.join(", ")
    )))
}

fn hash(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = this(tx, args)?;
    Ok(Value::Int(ops::hash(vm, tx, &t)?))
}

fn cmp(vm: &mut Vm, tx: &Tx, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = this(tx, args)?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    match seq_of(tx, &other)? {
        Some(b) => ops::compare(vm, tx, op, &a, &b),
        None => Ok(Value::Obj(
            stmpy_core::types::types().not_implemented.clone(),
        )),
    }
}

fn eq(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Eq)
}
fn ne(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Ne)
}
fn lt(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Lt)
}
fn le(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Le)
}
fn gt(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Gt)
}
fn ge(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    cmp(vm, tx, args, CmpOp::Ge)
}

fn reduce(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let t = this(tx, args)?;
    let obj = args.first().cloned().unwrap_or(Value::None);
    let _ = vm;
    Ok(Value::tuple(vec![
        Value::Obj(type_of(&obj).clone()),
        Value::tuple(vec![t]),
    ]))
}
