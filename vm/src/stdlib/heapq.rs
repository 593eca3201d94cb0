//! `_heapq` and `_bisect`: the hot functions of `heapq` and `bisect`, natively.
//!
//! The algorithms are CPython's, comparison for comparison (`_siftdown`, the bottom-up
//! `_siftup`, `bisect_left`/`bisect_right`), so user `__lt__` methods see the same calls
//! and equal items end in the same order. A heap operation reads the list's persistent
//! vector once, sifts in a local copy (O(log n) per write, structure shared) and stores
//! it back: one transactional read-modify-write of the list cell.
//! `vm/lib/heapq.py` and `vm/lib/bisect.py` import these over their Python versions.

use stmpy_core::error::{PyResult, index_error, type_error, value_error};
use stmpy_core::list::ListData;
use stmpy_core::stm::Tx;
use stmpy_core::types::type_name;
use stmpy_core::value::{ListCell, Payload, Value};

use crate::builtins::{Table, kwarg};
use crate::bytecode::CmpOp;
use crate::ops;
use crate::vm::Vm;

pub const HEAPQ: Table = &[
    ("heappush", heappush),
    ("heappop", heappop),
    ("heapify", heapify),
    ("heapreplace", heapreplace),
    ("heappushpop", heappushpop),
    ("_heappop_max", heappop_max),
    ("_heapify_max", heapify_max),
    ("_heapreplace_max", heapreplace_max),
];

pub const BISECT: Table = &[
    ("bisect_left", bisect_left),
    ("bisect_right", bisect_right),
    ("insort_left", insort_left),
    ("insort_right", insort_right),
];

/// `a < b` as a bool, with the common scalar cases inline.
fn less(vm: &mut Vm, tx: &Tx, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
                return Ok(x.as_str() < y.as_str());
            }
            let r = ops::compare(vm, tx, CmpOp::Lt, a, b)?;
            ops::truthy(vm, tx, &r)
        }
    }
}

fn heap_arg<'a>(name: &str, args: &'a [Value], n: usize) -> PyResult<&'a ListCell> {
    if args.len() != n {
        return Err(type_error(if n == 1 {
            format!(
                "_heapq.{name}() takes exactly one argument ({} given)",
                args.len()
            )
        } else {
            format!("{name} expected {n} arguments, got {}", args.len())
        }));
    }
    match args[0].payload() {
        Some(Payload::List(l)) => Ok(l),
        _ if n == 1 => Err(type_error(format!(
            "{name}() argument must be list, not {}",
            type_name(&args[0])
        ))),
        _ => Err(type_error(format!(
            "{name}() argument 1 must be list, not {}",
            type_name(&args[0])
        ))),
    }
}

/// `less` for a min-heap, or its mirror for the `_max` variants.
fn before(vm: &mut Vm, tx: &Tx, max: bool, a: &Value, b: &Value) -> PyResult<bool> {
    if max {
        less(vm, tx, b, a)
    } else {
        less(vm, tx, a, b)
    }
}

fn siftdown(
    vm: &mut Vm,
    tx: &Tx,
    max: bool,
    h: &mut ListData,
    start: usize,
    mut pos: usize,
) -> PyResult<()> {
    let newitem = h[pos].clone();
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = h[parentpos].clone();
        if before(vm, tx, max, &newitem, &parent)? {
            h.set(pos, parent);
            pos = parentpos;
            continue;
        }
        break;
    }
    h.set(pos, newitem);
    Ok(())
}

fn siftup(vm: &mut Vm, tx: &Tx, max: bool, h: &mut ListData, mut pos: usize) -> PyResult<()> {
    let endpos = h.len();
    let start = pos;
    let newitem = h[pos].clone();
    let mut childpos = 2 * pos + 1;
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos && !before(vm, tx, max, &h[childpos].clone(), &h[rightpos].clone())? {
            childpos = rightpos;
        }
        let c = h[childpos].clone();
        h.set(pos, c);
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    h.set(pos, newitem);
    siftdown(vm, tx, max, h, start, pos)
}

fn heappush(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let cell = heap_arg("heappush", args, 2)?;
    let mut h = tx.view(cell, |v| v.clone())?;
    h.push_back(args[1].clone());
    let n = h.len() - 1;
    siftdown(vm, tx, false, &mut h, 0, n)?;
    tx.write(cell, h)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, tx: &Tx, args: &[Value], name: &str, max: bool) -> PyResult<Value> {
    let cell = heap_arg(name, args, 1)?;
    let mut h = tx.view(cell, |v| v.clone())?;
    let last = h
        .pop_back()
        .ok_or_else(|| index_error("index out of range"))?;
    if h.is_empty() {
        tx.write(cell, h)?;
        return Ok(last);
    }
    let ret = h.set(0, last);
    siftup(vm, tx, max, &mut h, 0)?;
    tx.write(cell, h)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    pop(vm, tx, args, "heappop", false)
}

fn heappop_max(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    pop(vm, tx, args, "_heappop_max", true)
}

fn replace(vm: &mut Vm, tx: &Tx, args: &[Value], name: &str, max: bool) -> PyResult<Value> {
    let cell = heap_arg(name, args, 2)?;
    let mut h = tx.view(cell, |v| v.clone())?;
    if h.is_empty() {
        return Err(index_error("index out of range"));
    }
    let ret = h.set(0, args[1].clone());
    siftup(vm, tx, max, &mut h, 0)?;
    tx.write(cell, h)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    replace(vm, tx, args, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    replace(vm, tx, args, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    let cell = heap_arg("heappushpop", args, 2)?;
    let mut h = tx.view(cell, |v| v.clone())?;
    let item = args[1].clone();
    if h.is_empty() || !less(vm, tx, &h[0].clone(), &item)? {
        return Ok(item);
    }
    let ret = h.set(0, item);
    siftup(vm, tx, false, &mut h, 0)?;
    tx.write(cell, h)?;
    Ok(ret)
}

fn heapify_impl(vm: &mut Vm, tx: &Tx, args: &[Value], name: &str, max: bool) -> PyResult<Value> {
    let cell = heap_arg(name, args, 1)?;
    let mut h = tx.view(cell, |v| v.clone())?;
    for i in (0..h.len() / 2).rev() {
        siftup(vm, tx, max, &mut h, i)?;
    }
    tx.write(cell, h)?;
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    heapify_impl(vm, tx, args, "heapify", false)
}

fn heapify_max(vm: &mut Vm, tx: &Tx, args: &[Value], _k: &[(Value, Value)]) -> PyResult<Value> {
    heapify_impl(vm, tx, args, "_heapify_max", true)
}

// ---------- bisect ----------

/// The bound arguments of a bisect/insort call: `(a, x, lo, hi, key)`.
struct BisectArgs {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<Value>,
}

fn bisect_args(name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<BisectArgs> {
    const NAMES: [&str; 4] = ["a", "x", "lo", "hi"];
    if args.len() > 4 {
        return Err(type_error(format!(
            "{name}() takes at most 4 positional arguments ({} given)",
            args.len()
        )));
    }
    for (k, _) in kw {
        let k = k.as_str().map(|s| s.as_str()).unwrap_or("");
        if !NAMES.contains(&k) && k != "key" {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {name}()"
            )));
        }
        if let Some(i) = NAMES.iter().position(|n| *n == k)
            && i < args.len()
        {
            return Err(type_error(format!(
                "argument for {name}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
    }
    let get = |i: usize| args.get(i).or_else(|| kwarg(kw, NAMES[i])).cloned();
    let a = get(0)
        .ok_or_else(|| type_error(format!("{name}() missing required argument 'a' (pos 1)")))?;
    let x = get(1)
        .ok_or_else(|| type_error(format!("{name}() missing required argument 'x' (pos 2)")))?;
    let int = |v: Value| -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(i64::from(b)),
            other => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&other)
            ))),
        }
    };
    let lo = match get(2) {
        Some(v) => int(v)?,
        None => 0,
    };
    let hi = match get(3) {
        None | Some(Value::None) => None,
        Some(v) => Some(int(v)?),
    };
    let key = kwarg(kw, "key").filter(|k| !k.is_none()).cloned();
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    Ok(BisectArgs { a, x, lo, hi, key })
}

/// The insertion point of `x` (already keyed) in `a[lo:hi]`; `right` for bisect_right.
fn search(vm: &mut Vm, tx: &Tx, b: &BisectArgs, x: &Value, right: bool) -> PyResult<i64> {
    let mut lo = b.lo;
    let mut hi = match b.hi {
        Some(h) => h,
        None => ops::len(vm, tx, &b.a)? as i64,
    };
    // A list is read once; other sequences go through __getitem__ as in CPython.
    let snapshot = match b.a.payload() {
        Some(Payload::List(l)) => Some(tx.view(l, |v| v.clone())?),
        _ => None,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = match &snapshot {
            Some(v) => match v.get(mid as usize) {
                Some(it) => it.clone(),
                None => return Err(index_error("list index out of range")),
            },
            None => crate::builtins::getitem(vm, tx, &b.a, &Value::Int(mid))?,
        };
        if let Some(k) = &b.key {
            item = vm.call(tx, k, &[item], &[])?;
        }
        let go_right = if right {
            !less(vm, tx, x, &item)?
        } else {
            less(vm, tx, &item, x)?
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_left(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = bisect_args("bisect_left", args, kw)?;
    Ok(Value::Int(search(vm, tx, &b, &b.x, false)?))
}

fn bisect_right(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = bisect_args("bisect_right", args, kw)?;
    Ok(Value::Int(search(vm, tx, &b, &b.x, true)?))
}

fn insort(vm: &mut Vm, tx: &Tx, b: BisectArgs, right: bool) -> PyResult<Value> {
    let kx = match &b.key {
        Some(k) => vm.call(tx, k, std::slice::from_ref(&b.x), &[])?,
        None => b.x.clone(),
    };
    let i = search(vm, tx, &b, &kx, right)?;
    match b.a.payload() {
        Some(Payload::List(l)) => {
            let len = tx.view(l, |v| v.len())? as i64;
            let at = i.clamp(0, len) as usize;
            tx.modify(l, |v| v.insert(at, b.x.clone()))?;
        }
        _ => {
            let ins = ops::getattr(vm, tx, &b.a, &Value::str("insert"))?;
            vm.call(tx, &ins, &[Value::Int(i), b.x.clone()], &[])?;
        }
    }
    Ok(Value::None)
}

fn insort_left(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = bisect_args("insort_left", args, kw)?;
    insort(vm, tx, b, false)
}

fn insort_right(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let b = bisect_args("insort_right", args, kw)?;
    insort(vm, tx, b, true)
}
