//! Methods of `list`, `tuple` and `range`.

use stmpy_core::error::{PyResult, index_error, type_error, value_error};
use stmpy_core::list::ListData;
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{ListCell, Payload, Value};

use super::{Table, arg_count, kwarg};
use crate::ops;
use crate::vm::Vm;

pub const LIST: Table = &[
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("sort", sort),
    ("reverse", reverse),
    ("clear", clear),
    ("copy", copy),
    ("__len__", dunder_len),
    ("__getitem__", dunder_getitem),
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
    ("__contains__", dunder_contains),
    ("__iter__", dunder_iter),
];

pub const TUPLE: Table = &[
    ("index", index),
    ("count", count),
    ("__len__", dunder_len),
    ("__getitem__", dunder_getitem),
    ("__contains__", dunder_contains),
    ("__iter__", dunder_iter),
];

pub const RANGE: Table = &[
    ("index", index),
    ("count", count),
    ("__len__", dunder_len),
    ("__getitem__", dunder_getitem),
    ("__contains__", dunder_contains),
    ("__iter__", dunder_iter),
];

fn cell<'a>(args: &'a [Value], name: &str) -> PyResult<&'a ListCell> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(super::bad_self("list", name, args)),
    }
}

/// The `list.append` method object: `CallMethod` recognises it (by identity) for the
/// fast path of `lst.append(x)` (`eval_ops::list_append_fast`).
pub fn append_method() -> &'static stmpy_core::value::ObjRef {
    static M: std::sync::OnceLock<stmpy_core::value::ObjRef> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        super::install_methods();
        let Payload::Type(t) = &stmpy_core::types::types().list.payload else {
            unreachable!("list is a type")
        };
        stmpy_core::stm::atomically(|tx| {
            t.dict.view(tx, |d| {
                d.get_str("append", stmpy_core::str::str_hash("append"))
                    .and_then(Value::obj)
                    .cloned()
            })
        })
        .expect("list.append is installed with the built-in methods")
    })
}

fn append(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "append")?;
    arg_count("list.append", args, 2, 2).map_err(|_| {
        type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        ))
    })?;
    let v = args[1].clone();
    tx.modify(l, |l| l.push_back(v))?;
    Ok(Value::None)
}

fn extend(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    cell(args, "extend")?;
    arg_count("list.extend", args, 2, 2)?;
    super::list_extend(vm, tx, &args[0], &args[1])?;
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "pop")?;
    let i = args.get(1).map(ops::index_of).transpose()?;
    // Checked inside the one `modify`: a `read` first would make the `modify` copy.
    tx.modify(l, |l| {
        let len = l.len();
        if len == 0 {
            return Err(index_error("pop from empty list"));
        }
        let j = match i {
            Some(i) => {
                let j = if i < 0 { i + len as i64 } else { i };
                if j < 0 || j >= len as i64 {
                    return Err(index_error("pop index out of range"));
                }
                j as usize
            }
            None => len - 1,
        };
        Ok(l.remove(j))
    })?
}

fn insert(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "insert")?;
    arg_count("insert", args, 3, 3)?;
    let i = ops::index_of(&args[1])?;
    let v = args[2].clone();
    tx.modify(l, |l| {
        let len = l.len() as i64;
        let j = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        l.insert(j, v)
    })?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "remove")?;
    arg_count("remove", args, 2, 2)?;
    let items = tx.view(l, |v| v.clone())?;
    for (i, x) in items.iter().enumerate() {
        if x.is(&args[1]) || ops::eq(vm, tx, x, &args[1])? {
            tx.modify(l, |l| {
                l.remove(i);
            })?;
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn items_of(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<Vec<Value>> {
    crate::iter::collect(vm, tx, v)
}

fn index(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("index", args, 2, 4)?;
    let items = items_of(vm, tx, &args[0])?;
    let len = items.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PyResult<usize> {
        Ok(match v {
            Some(v) => {
                let i = ops::index_of(v)?;
                (if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize
            }
            None => d as usize,
        })
    };
    let (a, b) = (norm(args.get(2), 0)?, norm(args.get(3), len)?);
    for (i, item) in items.iter().enumerate().take(b.min(items.len())).skip(a) {
        if item.is(&args[1]) || ops::eq(vm, tx, item, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = match args[0].payload() {
        Some(Payload::Tuple(_)) => "tuple.index(x): x not in tuple".to_string(),
        Some(Payload::Range(..)) => format!("{} is not in range", ops::repr(vm, tx, &args[1])?),
        _ => format!("{} is not in list", ops::repr(vm, tx, &args[1])?),
    };
    Err(value_error(what))
}

fn count(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("count", args, 2, 2)?;
    let items = items_of(vm, tx, &args[0])?;
    let mut n = 0;
    for x in &items {
        if x.is(&args[1]) || ops::eq(vm, tx, x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "sort")?;
    if args.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let items: Vec<Value> = tx.view(l, |v| v.iter().cloned().collect())?;
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => ops::truthy(vm, tx, r)?,
        None => false,
    };
    let sorted = super::funcs::sort_values(vm, tx, items, kwarg(kw, "key"), reverse)?;
    tx.write(l, sorted.into_iter().collect())?;
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "reverse")?;
    tx.modify(l, |l| l.reverse())?;
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "clear")?;
    tx.write(l, ListData::new())?;
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = cell(args, "copy")?;
    Ok(Value::list(tx.view(l, |v| v.clone())?))
}

fn dunder_len(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(ops::len(vm, tx, &args[0])? as i64))
}

fn dunder_getitem(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__getitem__", args, 2, 2)?;
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
    Ok(Value::Bool(ops::contains(vm, tx, &args[0], &args[1])?))
}

fn dunder_iter(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(type_error(format!(
            "__iter__ needs an argument, not {}",
            type_name(&Value::None)
        )));
    }
    crate::iter::iter(vm, tx, &args[0])
}
