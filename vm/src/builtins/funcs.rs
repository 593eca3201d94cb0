//! The builtin functions (the `builtins` module's callables) and constructors of the
//! built-in types. Adding one: a row in [`FUNCTIONS`].

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::fmt;
use stmpy_core::int::{self, IntOp};
use stmpy_core::stm::Tx;
use stmpy_core::types::{
    ExcKind, Layout, as_type, is_subtype, mro_of, type_name, type_of, type_of_obj, types,
};
use stmpy_core::value::{ObjRef, Payload, Value};

use super::{Table, arg_count, kwarg, no_kw};
use crate::call::StrValue;
use crate::iter::{IterState, new_iter};
use crate::ops;
use crate::vm::{Frame, Vm};

pub const FUNCTIONS: Table = &[
    ("print", print),
    ("input", input),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("any", any),
    ("all", all),
    ("sorted", sorted),
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
    ("iter", iter),
    ("next", next),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("hasattr", hasattr),
    ("getattr", getattr),
    ("setattr", setattr),
    ("delattr", delattr),
    ("callable", callable),
    ("id", id),
    ("hash", hash),
    ("chr", chr),
    ("ord", ord),
    ("hex", hex),
    ("oct", oct),
    ("bin", bin),
    ("round", round),
    ("divmod", divmod),
    ("pow", pow),
    ("format", format),
    ("globals", globals),
    ("exec", exec),
    ("compile", compile),
    ("eval", eval),
    ("locals", locals),
    ("vars", vars),
    ("dir", dir),
    ("exit", exit),
    ("quit", exit),
    ("__build_class__", build_class),
    ("__import__", import),
    ("open", crate::modules::file::open),
];

fn one<'a>(name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    arg_count(name, args, 1, 1)?;
    Ok(&args[0])
}

fn print(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let sep = match kwarg(kw, "sep") {
        Some(Value::None) | None => " ".to_string(),
        Some(v) => v
            .payload_str()
            .ok_or_else(|| {
                type_error(format!(
                    "sep must be None or a string, not {}",
                    type_name(v)
                ))
            })?
            .to_string(),
    };
    let end = match kwarg(kw, "end") {
        Some(Value::None) | None => "\n".to_string(),
        Some(v) => v
            .payload_str()
            .ok_or_else(|| {
                type_error(format!(
                    "end must be None or a string, not {}",
                    type_name(v)
                ))
            })?
            .to_string(),
    };
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        s.push_str(&ops::str_of(vm, tx, a)?);
    }
    s.push_str(&end);
    match kwarg(kw, "file") {
        None | Some(Value::None) => match sys_stdout(vm, tx)? {
            // `sys.stdout` replaced (contextlib.redirect_stdout): print goes there.
            Some(f) => crate::modules::io::write_to(vm, tx, &f, s)?,
            None => vm.out.stdout.extend_from_slice(s.as_bytes()),
        },
        Some(f) => crate::modules::io::write_to(vm, tx, f, s)?,
    }
    Ok(Value::None)
}

/// `sys.stdout` when a program replaced it; None while it is the standard stream.
fn sys_stdout(vm: &mut Vm, tx: &Tx) -> PyResult<Option<Value>> {
    let Payload::Dict(mods) = &vm.shared.modules.payload else {
        return Ok(None);
    };
    let Some(sys) = tx.view(mods, |d| {
        d.get_str("sys", stmpy_core::str::str_hash("sys")).cloned()
    })?
    else {
        return Ok(None);
    };
    let Some(Payload::Module(m)) = sys.payload() else {
        return Ok(None);
    };
    let Payload::Dict(d) = &m.dict.payload else {
        return Ok(None);
    };
    let out = tx.view(d, |d| {
        d.get_str("stdout", stmpy_core::str::str_hash("stdout"))
            .cloned()
    })?;
    Ok(match out {
        Some(v) if crate::modules::io::which(&v) != Some(1) => Some(v),
        _ => None,
    })
}

fn input(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if let Some(p) = args.first() {
        let s = ops::str_of(vm, tx, p)?;
        vm.out.stdout.extend_from_slice(s.as_bytes());
    }
    // Reading input cannot be undone: what was printed so far goes out first.
    vm.flush_output();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(Unwind::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(Unwind::new(ExcKind::OSError, e.to_string())),
    }
}

fn len(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = one("len", args)?;
    Ok(Value::Int(ops::len(vm, tx, v)? as i64))
}

fn repr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(ops::repr(vm, tx, one("repr", args)?)?))
}

fn ascii(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::string(ops::ascii(vm, tx, one("ascii", args)?)?))
}

fn abs(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = &crate::subclass::value_for(vm, tx, one("abs", args)?, "__abs__")?;
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => {
            if let Some(b) = int::to_bigint(v) {
                return Ok(Value::from_bigint(b.abs()));
            }
            match ops::call_special(vm, tx, v, "__abs__", &[])? {
                Some(r) => Ok(r),
                None => Err(type_error(format!(
                    "bad operand type for abs(): '{}'",
                    type_name(v)
                ))),
            }
        }
    }
}

fn min_max(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &str,
    op: crate::bytecode::CmpOp,
) -> PyResult<Value> {
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let default = kwarg(kw, "default").cloned();
    let items = if args.len() == 1 {
        crate::iter::collect(vm, tx, &args[0])?
    } else if args.is_empty() {
        return Err(type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    } else {
        if default.is_some() {
            return Err(type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        args.to_vec()
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(tx, f, std::slice::from_ref(&it), &[])?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                let r = ops::compare(vm, tx, op, &k, bk)?;
                if ops::truthy(vm, tx, &r)? {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    min_max(vm, tx, args, kw, "min", crate::bytecode::CmpOp::Lt)
}

fn max(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    min_max(vm, tx, args, kw, "max", crate::bytecode::CmpOp::Gt)
}

fn sum(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("sum", args, 1, 2)?;
    let mut acc = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "start").cloned())
        .unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let items = crate::iter::collect(vm, tx, &args[0])?;
    for it in items {
        acc = match (&acc, &it) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => ops::binary(vm, tx, crate::bytecode::BinOp::Add, &acc, &it)?,
        };
    }
    Ok(acc)
}

fn any(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = crate::iter::iter(vm, tx, one("any", args)?)?;
    while let Some(v) = crate::iter::next(vm, tx, &it)? {
        if ops::truthy(vm, tx, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let it = crate::iter::iter(vm, tx, one("all", args)?)?;
    while let Some(v) = crate::iter::next(vm, tx, &it)? {
        if !ops::truthy(vm, tx, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Stable merge sort with a fallible `<` (user `__lt__` may raise or be inconsistent;
/// Rust's `sort_by` may panic on inconsistent orders, this never does).
pub fn sort_values(
    vm: &mut Vm,
    tx: &Tx,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match key {
        Some(f) if !f.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call(tx, f, std::slice::from_ref(it), &[])?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // Reverse sorting keeps stability: sort the reversed list, reverse the result.
    if reverse {
        idx.reverse();
    }
    let mut buf = idx.clone();
    merge_sort(vm, tx, &keys, &mut idx, &mut buf)?;
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn less(vm: &mut Vm, tx: &Tx, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
                return Ok(x.as_str() < y.as_str());
            }
            let r = ops::compare(vm, tx, crate::bytecode::CmpOp::Lt, a, b)?;
            ops::truthy(vm, tx, &r)
        }
    }
}

fn merge_sort(
    vm: &mut Vm,
    tx: &Tx,
    keys: &[Value],
    idx: &mut [usize],
    buf: &mut [usize],
) -> PyResult<()> {
    let n = idx.len();
    if n <= 16 {
        // Insertion sort for short runs.
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(vm, tx, &keys[idx[j]], &keys[idx[j - 1]])? {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = idx.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(vm, tx, keys, l, bl)?;
        merge_sort(vm, tx, keys, r, br)?;
    }
    buf[..n].copy_from_slice(idx);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if less(vm, tx, &keys[buf[j]], &keys[buf[i]])? {
            idx[k] = buf[j];
            j += 1;
        } else {
            idx[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        idx[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        idx[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn sorted(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("sorted", args, 1, 1)?;
    let items = crate::iter::collect(vm, tx, &args[0])?;
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => ops::truthy(vm, tx, r)?,
        None => false,
    };
    let out = sort_values(vm, tx, items, kwarg(kw, "key"), reverse)?;
    Ok(Value::list_from(out))
}

fn reversed(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = one("reversed", args)?;
    if let Some(r) = ops::call_special(vm, tx, v, "__reversed__", &[])? {
        return Ok(r);
    }
    let is_view = matches!(v.payload(), Some(Payload::Opaque(_, d)) if d.is::<super::DictView>());
    if matches!(v.payload(), Some(Payload::Dict(_))) || is_view {
        let keys = crate::iter::collect(vm, tx, v)?;
        let l = Value::list_from(keys);
        let n = ops::len(vm, tx, &l)? as i64;
        return Ok(new_iter(
            "list_reverseiterator",
            IterState::Reversed {
                seq: l,
                index: n - 1,
            },
        ));
    }
    let n = ops::len(vm, tx, v)
        .map_err(|_| type_error(format!("'{}' object is not reversible", type_name(v))))?
        as i64;
    Ok(new_iter(
        "list_reverseiterator",
        IterState::Reversed {
            seq: v.clone(),
            index: n - 1,
        },
    ))
}

fn enumerate(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("enumerate", args, 1, 2)?;
    let start = args
        .get(1)
        .or_else(|| kwarg(kw, "start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    let it = crate::iter::iter(vm, tx, &args[0])?;
    Ok(new_iter(
        "enumerate",
        IterState::Enumerate {
            it,
            count: ops::index_of(&start)?,
        },
    ))
}

fn zip(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut its = Vec::with_capacity(args.len());
    for a in args {
        its.push(crate::iter::iter(vm, tx, a)?);
    }
    let strict = match kwarg(kw, "strict") {
        Some(v) => ops::truthy(vm, tx, v)?,
        None => false,
    };
    Ok(new_iter("zip", IterState::Zip { its, strict }))
}

fn map(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(crate::iter::iter(vm, tx, a)?);
    }
    Ok(new_iter(
        "map",
        IterState::Map {
            f: args[0].clone(),
            its,
        },
    ))
}

fn filter(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("filter", args, 2, 2)?;
    let it = crate::iter::iter(vm, tx, &args[1])?;
    Ok(new_iter(
        "filter",
        IterState::Filter {
            f: args[0].clone(),
            it,
        },
    ))
}

fn iter(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(new_iter(
            "callable_iterator",
            IterState::CallIter {
                f: args[0].clone(),
                sentinel: args[1].clone(),
            },
        ));
    }
    crate::iter::iter(vm, tx, &args[0])
}

fn next(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("next", args, 1, 2)?;
    match crate::iter::next_or_stop(vm, tx, &args[0])? {
        Ok(v) => Ok(v),
        Err(ret) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => {
                if ret.is_none() {
                    Err(Unwind::bare(ExcKind::StopIteration))
                } else {
                    Err(Unwind::with_args(ExcKind::StopIteration, vec![ret]))
                }
            }
        },
    }
}

#[allow(clippy::only_used_in_recursion)]
fn class_check(tx: &Tx, ty: &ObjRef, spec: &Value, what: &str) -> PyResult<bool> {
    match spec.payload() {
        Some(Payload::Type(_)) => Ok(is_subtype(ty, spec.obj().unwrap_or(ty))),
        Some(Payload::Tuple(items)) => {
            for i in items.iter() {
                if class_check(tx, ty, i, what)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!(
            "{what}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

/// A user metaclass's `__instancecheck__`/`__subclasscheck__` hook on class `spec`
/// (`ABCMeta`'s virtual subclasses), called with `v`.
fn meta_check(vm: &mut Vm, tx: &Tx, spec: &Value, hook: &str, v: &Value) -> PyResult<Option<bool>> {
    let hooked = match spec.payload() {
        Some(Payload::Type(t)) => t.meta.as_ref(),
        // `isinstance(x, typing.List)`: an object whose class has the hook.
        Some(Payload::Instance(_)) => Some(type_of(spec)),
        _ => None,
    };
    if let Some(meta) = hooked
        && let Some(f) = ops::lookup_type(tx, meta, hook)?
        && !crate::call::is_native_method(&f)
    {
        let r = vm.call_descr(tx, &f, spec, &[spec.clone(), v.clone()])?;
        return Ok(Some(ops::truthy(vm, tx, &r)?));
    }
    Ok(None)
}

fn isinstance(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("isinstance", args, 2, 2)?;
    if let Some(b) = meta_check(vm, tx, &args[1], "__instancecheck__", &args[0])? {
        return Ok(Value::Bool(b));
    }
    Ok(Value::Bool(class_check(
        tx,
        type_of(&args[0]),
        &args[1],
        "isinstance",
    )?))
}

fn issubclass(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("issubclass", args, 2, 2)?;
    if let Some(b) = meta_check(vm, tx, &args[1], "__subclasscheck__", &args[0])? {
        return Ok(Value::Bool(b));
    }
    let Some(c) = args[0]
        .obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
    else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(class_check(tx, c, &args[1], "issubclass")?))
}

fn attr_name(v: &Value) -> PyResult<&Value> {
    if v.as_str().is_none() {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(v)
        )));
    }
    Ok(v)
}

fn hasattr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("hasattr", args, 2, 2)?;
    match ops::getattr(vm, tx, &args[0], attr_name(&args[1])?) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("getattr", args, 2, 3)?;
    match ops::getattr(vm, tx, &args[0], attr_name(&args[1])?) {
        Ok(v) => Ok(v),
        Err(e) if e.is(ExcKind::AttributeError) && args.len() == 3 => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("setattr", args, 3, 3)?;
    ops::setattr(vm, tx, &args[0], attr_name(&args[1])?, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("delattr", args, 2, 2)?;
    ops::delattr(vm, tx, &args[0], attr_name(&args[1])?)?;
    Ok(Value::None)
}

fn callable(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(tx, one("callable", args)?)?))
}

/// `callable(v)`.
pub fn is_callable(tx: &Tx, v: &Value) -> PyResult<bool> {
    Ok(match v.payload() {
        Some(
            Payload::Function(_) | Payload::Native(_) | Payload::BoundMethod(..) | Payload::Type(_),
        ) => true,
        Some(Payload::Instance(_)) => ops::lookup_type(tx, type_of(v), "__call__")?.is_some(),
        _ => false,
    })
}

fn id(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = one("id", args)?;
    Ok(Value::Int(match v {
        Value::Obj(o) => o.id() as i64,
        Value::Int(i) => 0x7000_0000_0000 + i.wrapping_mul(32),
        Value::Float(f) => 0x6000_0000_0000 + (f.to_bits() >> 12) as i64,
        Value::Bool(b) => 0x5000_0000_0000 + *b as i64 * 32,
        Value::None => 0x5000_0000_1000,
    }))
}

fn hash(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Int(ops::hash(vm, tx, one("hash", args)?)?))
}

fn chr(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = ops::index_of(one("chr", args)?)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = one("ord", args)?;
    if let Some(s) = v.as_str() {
        if s.char_len() != 1 {
            return Err(type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )));
        }
        return Ok(Value::Int(s.char_at(0).map(|c| c as i64).unwrap_or(0)));
    }
    if let Some(b) = super::bytes_methods::bytes_like(tx, v)? {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        return Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(type_error(format!(
        "ord() expected string of length 1, but {} found",
        type_name(v)
    )))
}

fn to_int_for_base(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = int::to_bigint(v) {
        return Ok(b);
    }
    if let Some(r) = ops::call_special(vm, tx, v, "__index__", &[])?
        && let Some(b) = int::to_bigint(&r)
    {
        return Ok(b);
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    )))
}

fn hex(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = to_int_for_base(vm, tx, one("hex", args)?)?;
    Ok(Value::string(fmt::int_to_base(&n, 16)))
}

fn oct(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = to_int_for_base(vm, tx, one("oct", args)?)?;
    Ok(Value::string(fmt::int_to_base(&n, 8)))
}

fn bin(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let n = to_int_for_base(vm, tx, one("bin", args)?)?;
    Ok(Value::string(fmt::int_to_base(&n, 2)))
}

fn round(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("round", args, 1, 2)?;
    let nd = args
        .get(1)
        .or_else(|| kwarg(kw, "ndigits"))
        .cloned()
        .unwrap_or_default();
    let v = &crate::subclass::value_for(vm, tx, &args[0], "__round__")?;
    match v {
        Value::Float(f) => {
            if nd.is_none() {
                return Ok(Value::from_bigint(fmt::round_float_to_int(*f)?));
            }
            Ok(Value::Float(fmt::round_float(*f, ops::index_of(&nd)?)?))
        }
        _ if int::to_bigint(v).is_some() => {
            if nd.is_none() {
                return Ok(match v {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => v.clone(),
                });
            }
            let b = int::to_bigint(v).unwrap_or_default();
            Ok(Value::from_bigint(fmt::round_bigint(
                &b,
                ops::index_of(&nd)?,
            )))
        }
        _ => {
            let extra: Vec<Value> = if nd.is_none() { vec![] } else { vec![nd] };
            match ops::call_special(vm, tx, v, "__round__", &extra)? {
                Some(r) => Ok(r),
                None => Err(type_error(format!(
                    "type {} doesn't define __round__ method",
                    type_name(v)
                ))),
            }
        }
    }
}

fn divmod(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("divmod", args, 2, 2)?;
    let a = &crate::subclass::value_for(vm, tx, &args[0], "__divmod__")?;
    let b = &crate::subclass::value_for(vm, tx, &args[1], "__rdivmod__")?;
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b)
        && !ops::is_user_instance(a)
        && !ops::is_user_instance(b)
    {
        let (x, y) = (int::to_f64(a)?, int::to_f64(b)?);
        if y == 0.0 {
            return Err(stmpy_core::error::zero_division("float divmod()"));
        }
        let (q, r) = int::float_divmod(x, y)?;
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    if int::to_bigint(a).is_some() && int::to_bigint(b).is_some() {
        let q = int::int_op(IntOp::FloorDiv, a, b)?;
        let r = int::int_op(IntOp::Mod, a, b)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let Some(r) = ops::call_special(vm, tx, a, "__divmod__", std::slice::from_ref(b))? {
        return Ok(r);
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(a),
        type_name(b)
    )))
}

fn pow(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("pow", args, 2, 3)?;
    let mut args = args.to_vec();
    args[0] = crate::subclass::value_for(vm, tx, &args[0], "__pow__")?;
    args[1] = crate::subclass::value_for(vm, tx, &args[1], "__rpow__")?;
    let args = &args[..];
    if let Some(m) = args.get(2).filter(|m| !m.is_none()) {
        let (Some(b), Some(e), Some(m)) = (
            int::to_bigint(&args[0]),
            int::to_bigint(&args[1]),
            int::to_bigint(m),
        ) else {
            return Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        };
        if m.is_zero() {
            return Err(value_error("pow() 3rd argument cannot be 0"));
        }
        let ma = m.abs();
        let (b, e) = if e.is_negative() {
            // Modular inverse by the extended Euclidean algorithm.
            let (mut r0, mut r1) = (((b % &ma) + &ma) % &ma, ma.clone());
            let (mut s0, mut s1) = (BigInt::from(1), BigInt::from(0));
            while !r1.is_zero() {
                let q = &r0 / &r1;
                let r2 = &r0 - &q * &r1;
                r0 = std::mem::replace(&mut r1, r2);
                let s2 = &s0 - &q * &s1;
                s0 = std::mem::replace(&mut s1, s2);
            }
            if r0 != BigInt::from(1) {
                return Err(value_error("base is not invertible for the given modulus"));
            }
            (((s0 % &ma) + &ma) % &ma, -e)
        } else {
            (b, e)
        };
        let r = b.modpow(&e, &ma);
        let r = if m.is_negative() && !r.is_zero() {
            r + &m
        } else {
            r
        };
        return Ok(Value::from_bigint(r));
    }
    ops::binary(vm, tx, crate::bytecode::BinOp::Power, &args[0], &args[1])
}

fn format(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("format", args, 1, 2)?;
    let spec = args
        .get(1)
        .and_then(|s| s.payload_str())
        .unwrap_or("")
        .to_string();
    Ok(Value::string(super::format_value(vm, tx, &args[0], &spec)?))
}

/// What a frame-aware builtin learns about its caller.
#[derive(Clone)]
pub struct CallerInfo {
    pub globals: ObjRef,
    pub locals: Option<ObjRef>,
    pub fast: Vec<(Value, Value)>,
    pub class_cell: Option<Value>,
    pub first_arg: Option<Value>,
    /// The caller's code and position (`sys._caller`: warnings, traceback).
    pub code: crate::vm::CodeRef,
    pub pc: usize,
}

impl CallerInfo {
    pub fn of(tx: &Tx, frame: &Frame) -> PyResult<CallerInfo> {
        let c = &frame.code.code;
        let mut fast = Vec::new();
        for (i, v) in frame.fast.iter().enumerate() {
            if let Some(v) = v {
                fast.push((frame.code.varnames[i].clone(), v.clone()));
            }
        }
        let class_cell = c
            .cellvars
            .iter()
            .chain(c.freevars.iter())
            .position(|n| n == "__class__")
            .and_then(|i| frame.cells.get(i))
            .and_then(|cell| match &cell.payload {
                Payload::Cell(t) => tx.read(t).ok().cloned(),
                _ => None,
            });
        // A captured first argument lives in its cell.
        let mut first_arg = frame.fast.first().cloned().flatten();
        if let Some(name) = c.varnames.first()
            && let Some(i) = c.cellvars.iter().position(|n| n == name)
            && let Some(Payload::Cell(t)) = frame.cells.get(i).map(|c| &c.payload)
        {
            let v = tx.view(t, |v| v.clone())?;
            if !crate::vm::is_marker(&v) {
                first_arg = Some(v);
            }
        }
        Ok(CallerInfo {
            globals: frame.globals.clone(),
            locals: frame.locals.clone(),
            fast,
            class_cell,
            first_arg,
            code: frame.code.clone(),
            pc: frame.pc,
        })
    }
}

fn caller(vm: &Vm) -> PyResult<&CallerInfo> {
    vm.caller
        .as_ref()
        .ok_or_else(|| Unwind::new(ExcKind::SystemError, "no calling frame"))
}

fn globals(vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Obj(caller(vm)?.globals.clone()))
}

fn locals(vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = caller(vm)?;
    if let Some(l) = &c.locals {
        return Ok(Value::Obj(l.clone()));
    }
    let mut d = DictData::new();
    for (k, v) in &c.fast {
        let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
        d.insert_str(k.clone(), h, v.clone());
    }
    Ok(Value::dict(d))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`: a code
/// object for `exec`/`eval`. `flags`, `dont_inherit` and `optimize` are accepted and have
/// no effect, except `ast.PyCF_ONLY_AST` (no `ast` module): NotImplementedError.
fn compile(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    const PARAMS: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    if args.len() > PARAMS.len() {
        return Err(type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            args.len()
        )));
    }
    let arg = |i: usize| args.get(i).or_else(|| kwarg(kw, PARAMS[i]));
    let required = |i: usize| {
        arg(i).ok_or_else(|| {
            type_error(format!(
                "compile() missing required argument '{}' (pos {})",
                PARAMS[i],
                i + 1
            ))
        })
    };
    let source = required(0)?;
    let filename = required(1)?;
    let mode = required(2)?;
    let src = match source.payload() {
        Some(Payload::Str(s)) => s.as_str().to_string(),
        Some(Payload::Bytes(b)) => String::from_utf8(b.to_vec())
            .map_err(|_| value_error("source code string cannot contain null bytes"))?,
        _ => {
            return Err(type_error(
                "compile() arg 1 must be a string, bytes or AST object",
            ));
        }
    };
    let Some(filename) = filename.payload_str().map(str::to_string) else {
        return Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(filename)
        )));
    };
    let mode = match mode.payload_str() {
        Some("exec") => crate::compiler::Mode::Module,
        Some("eval") => crate::compiler::Mode::Eval,
        Some("single") => crate::compiler::Mode::Interactive,
        Some(_) => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
        None => {
            return Err(type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                type_name(mode)
            )));
        }
    };
    if let Some(Value::Int(f)) = arg(3)
        && f & 0x400 != 0
    {
        return Err(Unwind::new(
            ExcKind::NotImplementedError,
            "compile() with ast.PyCF_ONLY_AST: there is no ast module",
        ));
    }
    let src = if matches!(mode, crate::compiler::Mode::Eval) {
        src.trim_start_matches([' ', '\t']).to_string()
    } else {
        src
    };
    // The source is not registered for tracebacks: CPython shows lines of `filename`
    // only if that file exists (linecache), whatever was compiled.
    match crate::compiler::compile(&src, &filename, mode) {
        Ok(code) => Ok(crate::vm::code_value(crate::vm::LoadedCode::load(code))),
        Err(info) => Err(Unwind::Exc(crate::syntax_error_object(vm, tx, &info)?)),
    }
}

fn exec(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    exec_source(vm, tx, args, kw, crate::compiler::Mode::Module, "exec")?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    exec_source(vm, tx, args, kw, crate::compiler::Mode::Eval, "eval")
}

/// `exec`/`eval` of a source string in `globals` and `locals` (by default the caller's:
/// its namespace dict, or a snapshot of a function's locals, as CPython).
fn exec_source(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    kw: &[(Value, Value)],
    mode: crate::compiler::Mode,
    name: &str,
) -> PyResult<Value> {
    arg_count(name, args, 1, 3)?;
    let code = crate::vm::as_code(&args[0]).cloned();
    let src = match (&code, args[0].payload_str()) {
        (Some(_), _) => "",
        (None, Some(s)) => s,
        (None, None) => {
            return Err(type_error(format!(
                "{name}() arg 1 must be a string, bytes or code object"
            )));
        }
    };
    let src = if matches!(mode, crate::compiler::Mode::Eval) {
        src.trim_start_matches([' ', '\t'])
    } else {
        src
    };
    let as_dict = |v: &Value, what: &str| -> PyResult<Option<ObjRef>> {
        match v {
            Value::None => Ok(None),
            Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => Ok(Some(o.clone())),
            _ if what == "locals" => match v.obj() {
                Some(o) => Ok(Some(o.clone())),
                None => Err(type_error("locals must be a mapping")),
            },
            _ => Err(type_error(format!(
                "{name}() {what} must be a dict, not {}",
                type_name(v)
            ))),
        }
    };
    let g = args.get(1).or_else(|| kwarg(kw, "globals")).cloned();
    let l = args.get(2).or_else(|| kwarg(kw, "locals")).cloned();
    let globals = match &g {
        Some(v) => as_dict(v, "globals")?,
        None => None,
    };
    let locals = match &l {
        Some(v) => as_dict(v, "locals")?,
        None => None,
    };
    let (globals, locals) = match globals {
        Some(g) => {
            let l = locals.unwrap_or_else(|| g.clone());
            (g, l)
        }
        None => {
            let c = caller(vm)?;
            let g = c.globals.clone();
            let l = match (locals, &c.locals) {
                (Some(l), _) => l,
                (None, Some(l)) => l.clone(),
                (None, None) => {
                    let mut d = DictData::new();
                    for (k, v) in &c.fast {
                        let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
                        d.insert_str(k.clone(), h, v.clone());
                    }
                    match Value::dict(d) {
                        Value::Obj(o) => o,
                        _ => g.clone(),
                    }
                }
            };
            (g, l)
        }
    };
    let has_builtins = super::dict_data(tx, &globals)?
        .get_str("__builtins__", stmpy_core::str::str_hash("__builtins__"))
        .is_some();
    if !has_builtins {
        super::dict_set_str(
            tx,
            &globals,
            Value::str("__builtins__"),
            Value::Obj(vm.shared.builtins.clone()),
        )?;
    }
    let code = match code {
        // A code object from `compile()`.
        Some(code) => code,
        None => {
            if let Ok(mut s) = vm.shared.sources.lock() {
                s.insert("<string>".to_string(), std::sync::Arc::from(src));
            }
            match crate::compiler::compile(src, "<string>", mode) {
                Ok(c) => crate::vm::LoadedCode::load(c),
                Err(info) => return Err(Unwind::Exc(crate::syntax_error_object(vm, tx, &info)?)),
            }
        }
    };
    let frame = Frame::new(code, globals, Some(locals));
    vm.run_nested(tx, frame)
}

fn vars(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() {
        return locals(vm, tx, args, kw);
    }
    match ops::getattr_opt(vm, tx, &args[0], &Value::str("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |d: &DictData| {
        for k in d.keys() {
            if let Some(s) = k.payload_str()
                && !names.iter().any(|n| n == s)
            {
                names.push(s.to_string());
            }
        }
    };
    match args.first() {
        None => {
            let c = caller(vm)?;
            match &c.locals {
                Some(l) => add_dict(&super::dict_data(tx, l)?),
                None => {
                    for (k, _) in &c.fast {
                        if let Some(s) = k.payload_str() {
                            names.push(s.to_string());
                        }
                    }
                }
            }
        }
        Some(v) => {
            match v.payload() {
                Some(Payload::Instance(i)) => add_dict(tx.read(i.dict())?),
                Some(Payload::Module(m)) => add_dict(&super::dict_data(tx, &m.dict)?),
                _ => {}
            }
            let ty = if matches!(v.payload(), Some(Payload::Type(_))) {
                v.obj().cloned()
            } else {
                Some(type_of(v).clone())
            };
            if let Some(ty) = ty
                && !matches!(v.payload(), Some(Payload::Module(_)))
            {
                for t in mro_of(&ty) {
                    add_dict(as_type(t).dict.read(tx)?);
                }
            }
        }
    }
    names.sort();
    Ok(Value::list_from(
        names.into_iter().map(Value::string).collect(),
    ))
}

fn exit(_vm: &mut Vm, _tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(Unwind::with_args(ExcKind::SystemExit, args.to_vec()))
}

fn import(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("__import__", args, 1, 5)?;
    let globals = match args.get(1) {
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => g.clone(),
        _ => vm.shared.main_globals(tx)?,
    };
    let fromlist = args
        .get(3)
        .or_else(|| kwarg(kw, "fromlist"))
        .cloned()
        .unwrap_or_default();
    let level = args
        .get(4)
        .or_else(|| kwarg(kw, "level"))
        .cloned()
        .unwrap_or(Value::Int(0));
    crate::import::import_name(vm, tx, &args[0], &globals, &fromlist, &level)
}

/// `__build_class__(body, name, *bases, **kw)`: runs the class body with a fresh
/// namespace, then creates the class.
fn build_class(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let Some(Payload::Function(func)) = args[0].payload() else {
        return Err(type_error("__build_class__: func must be a function"));
    };
    let name = args[1]
        .payload_str()
        .ok_or_else(|| type_error("__build_class__: name is not a string"))?
        .to_string();
    let mut bases: Vec<ObjRef> = Vec::new();
    // Non-class bases (`Generic[T]`, `List[int]`) give their classes through
    // `__mro_entries__`; the bases as written are kept as `__orig_bases__`.
    let mut orig_bases = None;
    for b in &args[2..] {
        match b.obj() {
            Some(o) if matches!(o.payload, Payload::Type(_)) => bases.push(o.clone()),
            _ => {
                let written = Value::tuple(args[2..].to_vec());
                let Some(r) = ops::call_special(
                    vm,
                    tx,
                    b,
                    "__mro_entries__",
                    std::slice::from_ref(&written),
                )?
                else {
                    return Err(type_error("bases must be types"));
                };
                for e in crate::iter::collect(vm, tx, &r)? {
                    match e.obj() {
                        Some(o) if matches!(o.payload, Payload::Type(_)) => bases.push(o.clone()),
                        _ => return Err(type_error("bases must be types")),
                    }
                }
                orig_bases = Some(written);
            }
        }
    }
    // The metaclass: `metaclass=` or the most derived of the bases' metaclasses.
    let mut meta: Option<ObjRef> = match kwarg(kw, "metaclass") {
        Some(m) => match m.obj() {
            Some(o) if matches!(o.payload, Payload::Type(_)) => Some(o.clone()),
            _ => return Err(type_error("metaclass must be a class")),
        },
        None => None,
    };
    if kwarg(kw, "metaclass").is_none() {
        for b in &bases {
            let bm = type_of_obj(b);
            let better = match &meta {
                None => true,
                Some(m) => is_subtype(bm, m),
            };
            if better {
                meta = Some(bm.clone());
            }
        }
    }
    let meta = meta.filter(|m| !m.is(&types().type_));
    let extra_kw: Vec<(Value, Value)> = kw
        .iter()
        .filter(|(k, _)| k.payload_str() != Some("metaclass"))
        .cloned()
        .collect();
    let ns = ObjRef::new(Payload::Dict(stmpy_core::stm::TVar::new(DictData::new())));
    let code = crate::call::func_code(func);
    let mut frame = Frame::new(code, func.globals.clone(), Some(ns.clone()));
    frame.cells.extend(func.closure.iter().cloned());
    let _ = vm.run_nested(tx, frame)?;
    let mut data = super::dict_data(tx, &ns)?;
    if let Some(orig) = orig_bases {
        data.insert_str(
            Value::str("__orig_bases__"),
            stmpy_core::str::str_hash("__orig_bases__"),
            orig,
        );
    }
    let classcell = data
        .get_str("__classcell__", stmpy_core::str::str_hash("__classcell__"))
        .cloned();
    if classcell.is_some() {
        let mut eqf =
            |a: &Value, _: &Value| Ok::<bool, ()>(a.payload_str() == Some("__classcell__"));
        let _ = data.remove(
            stmpy_core::str::str_hash("__classcell__"),
            &Value::str("__classcell__"),
            &mut eqf,
        );
    }
    let cls = match meta {
        // A user metaclass builds the class: `meta(name, bases, namespace, **kw)`.
        Some(meta) => {
            let ns = Value::Obj(ObjRef::new(Payload::Dict(stmpy_core::stm::TVar::new(data))));
            let bases_t = Value::tuple(bases.iter().cloned().map(Value::Obj).collect());
            let r = vm.call(
                tx,
                &Value::Obj(meta),
                &[args[1].clone(), bases_t, ns],
                &extra_kw,
            )?;
            match r {
                Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => o,
                other => return Ok(other),
            }
        }
        None => {
            let cls = make_class(tx, &name, bases, data)?;
            finish_class(vm, tx, &cls, &extra_kw)?;
            cls
        }
    };
    if let Some(Value::Obj(cell)) = classcell
        && let Payload::Cell(c) = &cell.payload
    {
        tx.write(c, Value::Obj(cls.clone()))?;
    }
    Ok(Value::Obj(cls))
}

/// What `type.__new__` does after creating a class: `__set_name__` on its descriptors,
/// then the parent's `__init_subclass__` with the class keywords.
fn finish_class(vm: &mut Vm, tx: &Tx, cls: &ObjRef, extra_kw: &[(Value, Value)]) -> PyResult<()> {
    let items: Vec<(Value, Value)> = as_type(cls)
        .dict
        .read(tx)?
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    for (k, v) in items {
        if ops::is_user_instance(&v)
            && let Some(f) = ops::lookup_type(tx, type_of(&v), "__set_name__")?
        {
            vm.call_descr(tx, &f, &v, &[v.clone(), Value::Obj(cls.clone()), k])?;
        }
    }
    let t = as_type(cls);
    if let Some(parent) = t.mro.first()
        && let Some(f) = ops::lookup_type(tx, parent, "__init_subclass__")?
        && !matches!(f.payload(), Some(Payload::ClassMethod(inner)) if matches!(inner.payload(), Some(Payload::Native(_))))
    {
        let inner = match f.payload() {
            Some(Payload::ClassMethod(inner)) => inner.clone(),
            _ => f.clone(),
        };
        vm.call(tx, &inner, &[Value::Obj(cls.clone())], extra_kw)?;
    }
    Ok(())
}

/// `type.__new__(meta, name, bases, namespace, **kw)` for a subclass `meta` of `type`
/// (reached as `super().__new__(...)` in a metaclass, or calling such a metaclass).
pub fn new_class_of_meta(
    vm: &mut Vm,
    tx: &Tx,
    meta: &ObjRef,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    }
    let name = args[0]
        .payload_str()
        .ok_or_else(|| type_error("type.__new__() argument 1 must be str"))?
        .to_string();
    let bases: Vec<ObjRef> = args[1]
        .as_tuple()
        .ok_or_else(|| type_error("type.__new__() argument 2 must be tuple"))?
        .iter()
        .filter_map(|b| b.obj().cloned())
        .collect();
    let data = match args[2].obj() {
        Some(o) if matches!(o.payload, Payload::Dict(_)) => super::dict_data(tx, o)?,
        _ => return Err(type_error("type.__new__() argument 3 must be dict")),
    };
    let meta = (!meta.is(&types().type_)).then(|| meta.clone());
    let cls = make_class_meta(tx, &name, bases, data, meta)?;
    finish_class(vm, tx, &cls, kw)?;
    Ok(Value::Obj(cls))
}

/// The attribute names a new class's instances are restricted to: its `__slots__`
/// (a str or a tuple/list of str) plus its bases' when every base restricts too
/// (`object` has no attributes); `None` when instances have a `__dict__`.
fn instance_slots(tx: &Tx, bases: &[ObjRef], data: &DictData) -> PyResult<Option<Vec<String>>> {
    let Some(decl) = data.get_str("__slots__", stmpy_core::str::str_hash("__slots__")) else {
        return Ok(None);
    };
    let items: Vec<Value> = match decl.payload() {
        Some(Payload::Str(_)) => vec![decl.clone()],
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => tx.read(l)?.iter().cloned().collect(),
        _ => return Ok(None),
    };
    let mut names: Vec<String> = Vec::with_capacity(items.len());
    for it in &items {
        let Some(s) = it.payload_str() else {
            return Err(type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(it)
            )));
        };
        if s == "__dict__" {
            return Ok(None);
        }
        names.push(s.to_string());
    }
    for b in bases {
        // `object` and the built-in types give their instances no `__dict__`.
        if b.is(&types().object) || as_type(b).layout == Layout::Builtin {
            continue;
        }
        match &as_type(b).slots {
            Some(inherited) => names.extend(inherited.iter().cloned()),
            None => return Ok(None),
        }
    }
    Ok(Some(names))
}

/// Creates a user class from its namespace.
pub fn make_class(tx: &Tx, name: &str, bases: Vec<ObjRef>, data: DictData) -> PyResult<ObjRef> {
    make_class_meta(tx, name, bases, data, None)
}

/// `make_class` with a metaclass other than `type`.
pub fn make_class_meta(
    tx: &Tx,
    name: &str,
    mut bases: Vec<ObjRef>,
    data: DictData,
    meta: Option<ObjRef>,
) -> PyResult<ObjRef> {
    let t = types();
    if bases.is_empty() {
        bases.push(t.object.clone());
    }
    let mut layout = Layout::Object;
    let mut builtin = None;
    for b in &bases {
        let bt = as_type(b);
        if bt.layout == Layout::Exception {
            layout = Layout::Exception;
            builtin = Some("BaseException");
        }
    }
    let _ = tx;
    let mut data = data;
    // `__init_subclass__` and `__class_getitem__` are implicitly class methods.
    for name in ["__init_subclass__", "__class_getitem__"] {
        let h = stmpy_core::str::str_hash(name);
        if let Some(f) = data.get_str(name, h)
            && matches!(f.payload(), Some(Payload::Function(_)))
        {
            let wrapped = Value::Obj(ObjRef::new(Payload::ClassMethod(f.clone())));
            data.insert_str(Value::str(name), h, wrapped);
        }
    }
    let h_eq = stmpy_core::str::str_hash("__eq__");
    let h_hash = stmpy_core::str::str_hash("__hash__");
    if data.get_str("__eq__", h_eq).is_some() && data.get_str("__hash__", h_hash).is_none() {
        data.insert_str(Value::str("__hash__"), h_hash, Value::None);
    }
    let slots = instance_slots(tx, &bases, &data)?;
    let cls =
        stmpy_core::types::new_type_with_meta(name, bases, data, layout, builtin, meta, slots)
            .map_err(type_error)?;
    Ok(cls)
}

// ---------- constructors ----------

pub fn int_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("int", args, 0, 2)?;
    let base = args.get(1).or_else(|| kwarg(kw, "base")).cloned();
    let Some(v) = args.first() else {
        return Ok(Value::Int(0));
    };
    // A subclass of a built-in type converts as its value (`int(Tag("5"))`).
    let sub;
    let v = match crate::subclass::builtin_self(vm, tx, v, "__int__")? {
        Some(b) if crate::subclass::builtin_self(vm, tx, v, "__index__")?.is_some() => {
            sub = b;
            &sub
        }
        _ => v,
    };
    if let Some(b) = base {
        let b = ops::index_of(&b)?;
        let s = match v.payload() {
            Some(Payload::Str(s)) => s.as_str().to_string(),
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                String::from_utf8_lossy(super::bytes_methods::arg_bytes(tx, v)?).into_owned()
            }
            _ => {
                return Err(type_error(
                    "int() can't convert non-string with explicit base",
                ));
            }
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return Ok(Value::from_bigint(fmt::parse_int(&s, b as u32)?));
    }
    match v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(stmpy_core::error::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            let t = f.trunc();
            if t.abs() < 9.0e18 {
                return Ok(Value::Int(t as i64));
            }
            Ok(Value::from_bigint(fmt::round_float_to_int(t)?))
        }
        _ => match v.payload() {
            Some(Payload::BigInt(_)) => Ok(v.clone()),
            Some(Payload::Str(s)) => Ok(Value::from_bigint(fmt::parse_int(s.as_str(), 10)?)),
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                Ok(Value::from_bigint(fmt::parse_int(
                    &String::from_utf8_lossy(super::bytes_methods::arg_bytes(tx, v)?),
                    10,
                )?))
            }
            _ => {
                for name in ["__int__", "__index__", "__trunc__"] {
                    if let Some(r) = ops::call_special(vm, tx, v, name, &[])? {
                        return Ok(r);
                    }
                }
                Err(type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    type_name(v)
                )))
            }
        },
    }
}

pub fn float_new(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("float", args, 0, 1)?;
    let Some(v) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    let sub;
    let v = match crate::subclass::builtin_self(vm, tx, v, "__float__")? {
        Some(b) => {
            sub = b;
            &sub
        }
        None => v,
    };
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        _ => match v.payload() {
            Some(Payload::BigInt(b)) => Ok(Value::Float(fmt::bigint_to_f64(b)?)),
            Some(Payload::Str(s)) => Ok(Value::Float(fmt::parse_float(s.as_str())?)),
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                let b = super::bytes_methods::arg_bytes(tx, v)?;
                let text = String::from_utf8_lossy(b);
                fmt::parse_float(&text).map(Value::Float).map_err(|_| {
                    value_error(format!(
                        "could not convert string to float: {}",
                        super::bytes_repr(b)
                    ))
                })
            }
            _ => {
                if let Some(r) = ops::call_special(vm, tx, v, "__float__", &[])? {
                    return Ok(r);
                }
                if let Some(r) = ops::call_special(vm, tx, v, "__index__", &[])? {
                    return Ok(Value::Float(int::to_f64(&r)?));
                }
                Err(type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    type_name(v)
                )))
            }
        },
    }
}

pub fn str_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    arg_count("str", args, 0, 3)?;
    let Some(v) = args.first() else {
        return Ok(Value::str(""));
    };
    if args.len() > 1 || !kw.is_empty() {
        let Some(b) = super::bytes_methods::bytes_like(tx, v)? else {
            return Err(type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                type_name(v)
            )));
        };
        let str_arg = super::bytes_methods::str_arg;
        let enc = str_arg(
            args.get(1).or_else(|| kwarg(kw, "encoding")),
            "utf-8",
            "str",
        )?;
        let errors = str_arg(args.get(2).or_else(|| kwarg(kw, "errors")), "strict", "str")?;
        return Ok(Value::string(super::codecs::decode(b, enc, errors)?));
    }
    if v.as_str().is_some() {
        return Ok(v.clone());
    }
    Ok(Value::string(ops::str_of(vm, tx, v)?))
}

pub fn bytes_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if let [v] = args
        && kw.is_empty()
        && matches!(v.payload(), Some(Payload::Bytes(_)))
    {
        return Ok(v.clone());
    }
    if let [v] = args
        && kw.is_empty()
        && !matches!(v, Value::Int(_) | Value::Bool(_))
        && v.payload_str().is_none()
        && let Some(r) = ops::call_special(vm, tx, v, "__bytes__", &[])?
    {
        return match r.payload() {
            Some(Payload::Bytes(_)) => Ok(r),
            _ => Err(type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(&r)
            ))),
        };
    }
    Ok(Value::bytes(bytes_init(vm, tx, "bytes", args, kw)?))
}

pub fn bytearray_new(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    Ok(Value::bytearray(bytes_init(vm, tx, "bytearray", args, kw)?))
}

/// The contents of `bytes(...)`/`bytearray(...)`: nothing, a count of zero bytes, a str
/// with an encoding, a bytes-like object or an iterable of ints in range(256).
fn bytes_init(
    vm: &mut Vm,
    tx: &Tx,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Vec<u8>> {
    arg_count(name, args, 0, 3)?;
    let encoding = args.get(1).or_else(|| kwarg(kw, "encoding"));
    let errors = args.get(2).or_else(|| kwarg(kw, "errors"));
    let Some(v) = args.first().or_else(|| kwarg(kw, "source")) else {
        if encoding.is_some() || errors.is_some() {
            return Err(type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(vec![]);
    };
    if let Some(s) = v.payload_str() {
        let Some(enc) = encoding else {
            return Err(type_error("string argument without an encoding"));
        };
        let str_arg = super::bytes_methods::str_arg;
        let enc = str_arg(Some(enc), "utf-8", name)?;
        let errors = str_arg(errors, "strict", name)?;
        return super::codecs::encode(s, enc, errors);
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    match v {
        Value::Int(n) => {
            if *n < 0 {
                return Err(value_error("negative count"));
            }
            Ok(vec![0; *n as usize])
        }
        Value::Bool(b) => Ok(vec![0; *b as usize]),
        _ => {
            if let Some(b) = super::bytes_methods::bytes_like(tx, v)? {
                return Ok(b.to_vec());
            }
            if matches!(v.payload(), Some(Payload::BigInt(_))) {
                return Err(stmpy_core::error::overflow_error(
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            let it = crate::iter::iter(vm, tx, v).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    type_error(format!(
                        "cannot convert '{}' object to {name}",
                        type_name(v)
                    ))
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = crate::iter::next(vm, tx, &it)? {
                let i = ops::index_of(&x)?;
                if !(0..256).contains(&i) {
                    return Err(value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            Ok(out)
        }
    }
}

pub fn range_new(vm: &mut Vm, tx: &Tx, args: &[Value]) -> PyResult<Value> {
    arg_count("range", args, 1, 3)?;
    let args: Vec<Value> = args
        .iter()
        .map(|a| ops::index_value(vm, tx, a))
        .collect::<PyResult<_>>()?;
    let get = |v: &Value| -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))),
        }
    };
    let (a, b, c) = match args.len() {
        1 => (0, get(&args[0])?, 1),
        2 => (get(&args[0])?, get(&args[1])?, 1),
        _ => (get(&args[0])?, get(&args[1])?, get(&args[2])?),
    };
    if c == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(ObjRef::new(Payload::Range(a, b, c))))
}

pub fn type_new(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() == 1 {
        return Ok(Value::Obj(type_of(&args[0]).clone()));
    }
    if args.len() != 3 {
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let name = args[0]
        .payload_str()
        .ok_or_else(|| type_error("type.__new__() argument 1 must be str"))?
        .to_string();
    let bases: Vec<ObjRef> = args[1]
        .as_tuple()
        .unwrap_or(&[])
        .iter()
        .filter_map(|b| b.obj().cloned())
        .collect();
    let data = match args[2].obj() {
        Some(o) => super::dict_data(tx, o)?,
        None => DictData::new(),
    };
    let cls = make_class(tx, &name, bases, data)?;
    finish_class(vm, tx, &cls, kw)?;
    Ok(Value::Obj(cls))
}

pub fn super_new(vm: &mut Vm, tx: &Tx, args: &[Value]) -> PyResult<Value> {
    let (cls, obj) = match args.len() {
        2 => (args[0].clone(), args[1].clone()),
        0 => {
            let c = caller(vm)?;
            let cls = c.class_cell.clone().ok_or_else(|| {
                Unwind::new(ExcKind::RuntimeError, "super(): __class__ cell not found")
            })?;
            let obj = c
                .first_arg
                .clone()
                .ok_or_else(|| Unwind::new(ExcKind::RuntimeError, "super(): no arguments"))?;
            (cls, obj)
        }
        _ => return Err(type_error("super() takes 0 or 2 arguments")),
    };
    let Some(c) = cls
        .obj()
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_name(&cls)
        )));
    };
    let _ = tx;
    Ok(Value::Obj(ObjRef::new(Payload::Super(c, obj))))
}

pub fn no_kw_check(name: &str, kw: &[(Value, Value)]) -> PyResult<()> {
    no_kw(name, kw)
}

/// The big-int value of an int-like, for methods.
pub fn bigint_of(v: &Value) -> Option<BigInt> {
    int::to_bigint(v)
}

pub fn to_i64(b: &BigInt) -> Option<i64> {
    b.to_i64()
}
