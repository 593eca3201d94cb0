//! Iterators that Python code can reach (heap objects whose position lives in an STM
//! cell) and generators (a suspended frame in an STM cell).

use std::collections::HashMap;
use std::sync::OnceLock;

use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, type_name, type_of};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::eval::Exit;
use crate::ops;
use crate::vm::{Frame, Vm};

/// The position of an iterator.
#[derive(Clone)]
pub enum IterState {
    /// list, tuple, str, bytes: by index (lists re-read at each step).
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// dict/set views: by slot; `kind` 0 keys, 1 values, 2 items.
    Dict {
        dict: ObjRef,
        slot: usize,
        kind: u8,
        len: usize,
    },
    /// The old `__getitem__` protocol.
    GetItem {
        obj: Value,
        index: i64,
    },
    Reversed {
        seq: Value,
        index: i64,
    },
    Enumerate {
        it: Value,
        count: i64,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    CallIter {
        f: Value,
        sentinel: Value,
    },
    Done,
}

pub struct IterObj(pub TVar<IterState>);

fn iter_types() -> &'static HashMap<&'static str, ObjRef> {
    static T: OnceLock<HashMap<&'static str, ObjRef>> = OnceLock::new();
    T.get_or_init(|| {
        [
            "list_iterator",
            "tuple_iterator",
            "str_ascii_iterator",
            "bytes_iterator",
            "bytearray_iterator",
            "range_iterator",
            "dict_keyiterator",
            "dict_valueiterator",
            "dict_itemiterator",
            "set_iterator",
            "iterator",
            "list_reverseiterator",
            "enumerate",
            "zip",
            "map",
            "filter",
            "callable_iterator",
            "generator",
        ]
        .into_iter()
        .map(|n| (n, crate::builtins::make_builtin_type(n)))
        .collect()
    })
}

pub fn iter_type(name: &str) -> ObjRef {
    iter_types()
        .get(name)
        .cloned()
        .unwrap_or_else(|| stmpy_core::types::types().object.clone())
}

/// All iterator type objects (for installing their methods).
pub fn all_iter_types() -> Vec<(&'static str, ObjRef)> {
    iter_types().iter().map(|(k, v)| (*k, v.clone())).collect()
}

pub fn new_iter(type_name: &str, st: IterState) -> Value {
    Value::Obj(ObjRef::new(Payload::Opaque(
        iter_type(type_name),
        Box::new(IterObj(TVar::new(st))),
    )))
}

fn as_iter(v: &Value) -> Option<&IterObj> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d.downcast_ref::<IterObj>(),
        _ => None,
    }
}

/// `iter(v)`.
pub fn iter(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = v {
        let st = match &o.payload {
            Payload::List(_) => Some((
                "list_iterator",
                IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
            )),
            Payload::Tuple(_) => Some((
                "tuple_iterator",
                IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
            )),
            Payload::Str(_) => Some((
                "str_ascii_iterator",
                IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
            )),
            Payload::Bytes(_) => Some((
                "bytes_iterator",
                IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
            )),
            Payload::ByteArray(_) => Some((
                "bytearray_iterator",
                IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
            )),
            Payload::Range(a, b, c) => Some((
                "range_iterator",
                IterState::Range {
                    next: *a,
                    stop: *b,
                    step: *c,
                },
            )),
            Payload::Dict(d) => {
                let len = tx.view(d, |v| v.len())?;
                Some((
                    "dict_keyiterator",
                    IterState::Dict {
                        dict: o.clone(),
                        slot: 0,
                        kind: 0,
                        len,
                    },
                ))
            }
            Payload::Set(d) => {
                let len = tx.view(d, |v| v.len())?;
                Some((
                    "set_iterator",
                    IterState::Dict {
                        dict: o.clone(),
                        slot: 0,
                        kind: 0,
                        len,
                    },
                ))
            }
            Payload::FrozenSet(d) => Some((
                "set_iterator",
                IterState::Dict {
                    dict: o.clone(),
                    slot: 0,
                    kind: 0,
                    len: d.len(),
                },
            )),
            _ => None,
        };
        if let Some((name, st)) = st {
            return Ok(new_iter(name, st));
        }
        if let Payload::Opaque(_, d) = &o.payload {
            if d.is::<IterObj>() || d.is::<GenObj>() {
                return Ok(v.clone());
            }
            if let Some(view) = d.downcast_ref::<crate::builtins::DictView>() {
                let len = crate::builtins::dict_data(tx, &view.dict)?.len();
                let name = [
                    "dict_keyiterator",
                    "dict_valueiterator",
                    "dict_itemiterator",
                ][view.kind as usize];
                return Ok(new_iter(
                    name,
                    IterState::Dict {
                        dict: view.dict.clone(),
                        slot: 0,
                        kind: view.kind,
                        len,
                    },
                ));
            }
        }
        if let Some(m) = crate::builtins::memoryview::as_view(v) {
            // Over a copy of its bytes, as ints.
            let items: Vec<Value> = m
                .bytes(tx)?
                .iter()
                .map(|&x| Value::Int(i64::from(x)))
                .collect();
            return iter(vm, tx, &Value::list_from(items));
        }
        if let Some(b) = crate::subclass::builtin_self(vm, tx, v, "__iter__")? {
            return iter(vm, tx, &b);
        }
        if let Some(r) = ops::call_special(vm, tx, v, "__iter__", &[])? {
            if !is_iterator(tx, &r)? {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    type_name(&r)
                )));
            }
            return Ok(r);
        }
        if ops::lookup_type(tx, type_of(v), "__getitem__")?.is_some() {
            return Ok(new_iter(
                "iterator",
                IterState::GetItem {
                    obj: v.clone(),
                    index: 0,
                },
            ));
        }
    }
    Err(type_error(format!(
        "'{}' object is not iterable",
        type_name(v)
    )))
}

fn is_iterator(tx: &Tx, v: &Value) -> PyResult<bool> {
    if as_iter(v).is_some() || is_generator(v) {
        return Ok(true);
    }
    Ok(ops::lookup_type(tx, type_of(v), "__next__")?.is_some())
}

/// `next(it)`; `None` when exhausted.
pub fn next(vm: &mut Vm, tx: &Tx, it: &Value) -> PyResult<Option<Value>> {
    match next_or_stop(vm, tx, it)? {
        Ok(v) => Ok(Some(v)),
        Err(_) => Ok(None),
    }
}

/// Like [`next`], but gives a generator's return value (for `yield from`).
pub fn next_or_stop(vm: &mut Vm, tx: &Tx, it: &Value) -> PyResult<Result<Value, Value>> {
    if let Some(io) = as_iter(it) {
        return Ok(step(vm, tx, io)?.ok_or(Value::None));
    }
    if is_generator(it) {
        return Ok(match gen_resume(vm, tx, it, Value::None, None)? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(r) => Err(r),
        });
    }
    match ops::lookup_type(tx, type_of(it), "__next__")? {
        Some(f) => match vm.call_descr(tx, &f, it, std::slice::from_ref(it)) {
            Ok(v) => Ok(Ok(v)),
            Err(e) if e.is(ExcKind::StopIteration) => {
                Ok(Err(crate::exceptions::stop_value(tx, &e)?))
            }
            Err(e) => Err(e),
        },
        None => Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(it)
        ))),
    }
}

fn step(vm: &mut Vm, tx: &Tx, io: &IterObj) -> PyResult<Option<Value>> {
    // Index and range iterators advance in place with one `modify` (a `read` and then a
    // `write` per step allocated a state per step and kept every old one alive until the
    // transaction ended).
    let fast = tx.modify(
        &io.0,
        |st| -> stmpy_core::stm::StmResult<Option<Option<Value>>> {
            Ok(match st {
                IterState::Done => Some(None),
                IterState::Seq { seq, index } => {
                    let i = *index;
                    let v = match seq.payload() {
                        Some(Payload::List(l)) => tx.view(l, |v| v.get(i).cloned())?,
                        Some(Payload::Tuple(t)) => t.get(i).cloned(),
                        Some(Payload::Str(s)) => s.char_at(i).map(|c| Value::string(c.to_string())),
                        Some(Payload::Bytes(b)) => b.get(i).map(|x| Value::Int(*x as i64)),
                        Some(Payload::ByteArray(b)) => {
                            tx.view(b, |b| b.get(i).map(|x| Value::Int(*x as i64)))?
                        }
                        // Nothing else is iterated by index: treated as exhausted.
                        _ => None,
                    };
                    match v {
                        Some(v) => {
                            *index += 1;
                            Some(Some(v))
                        }
                        None => {
                            *st = IterState::Done;
                            Some(None)
                        }
                    }
                }
                IterState::Range { next, stop, step } => {
                    let (n, stop, stp) = (*next, *stop, *step);
                    if (stp > 0 && n < stop) || (stp < 0 && n > stop) {
                        *next = n.checked_add(stp).unwrap_or(stop);
                        Some(Some(Value::Int(n)))
                    } else {
                        Some(None)
                    }
                }
                _ => None,
            })
        },
    )??;
    if let Some(r) = fast {
        return Ok(r);
    }
    let st = &tx.view(&io.0, IterState::clone)?;
    match st {
        // Never reached: the `modify` above answers for these states.
        IterState::Done | IterState::Seq { .. } | IterState::Range { .. } => Ok(None),
        IterState::Dict {
            dict,
            slot,
            kind,
            len,
        } => {
            let (dict, mut slot, kind, len) = (dict.clone(), *slot, *kind, *len);
            let data = crate::builtins::dict_data(tx, &dict)?;
            if data.len() != len {
                let what = if matches!(dict.payload, Payload::Dict(_)) {
                    "dictionary"
                } else {
                    "Set"
                };
                tx.write(&io.0, IterState::Done)?;
                return Err(Unwind::new(
                    ExcKind::RuntimeError,
                    format!("{what} changed size during iteration"),
                ));
            }
            while slot < data.slots() {
                if let Some(e) = data.slot(slot) {
                    let v = match kind {
                        0 => e.key.clone(),
                        1 => e.value.clone(),
                        _ => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                    };
                    tx.write(
                        &io.0,
                        IterState::Dict {
                            dict,
                            slot: slot + 1,
                            kind,
                            len,
                        },
                    )?;
                    return Ok(Some(v));
                }
                slot += 1;
            }
            tx.write(&io.0, IterState::Done)?;
            Ok(None)
        }
        IterState::GetItem { obj, index } => {
            let (obj, index) = (obj.clone(), *index);
            match crate::builtins::getitem(vm, tx, &obj, &Value::Int(index)) {
                Ok(v) => {
                    tx.write(
                        &io.0,
                        IterState::GetItem {
                            obj,
                            index: index + 1,
                        },
                    )?;
                    Ok(Some(v))
                }
                Err(e) if e.is(ExcKind::IndexError) || e.is(ExcKind::StopIteration) => {
                    tx.write(&io.0, IterState::Done)?;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Reversed { seq, index } => {
            let (seq, index) = (seq.clone(), *index);
            if index < 0 {
                return Ok(None);
            }
            let v = crate::builtins::getitem(vm, tx, &seq, &Value::Int(index));
            match v {
                Ok(v) => {
                    tx.write(
                        &io.0,
                        IterState::Reversed {
                            seq,
                            index: index - 1,
                        },
                    )?;
                    Ok(Some(v))
                }
                Err(e) if e.is(ExcKind::IndexError) => {
                    tx.write(&io.0, IterState::Done)?;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Enumerate { it, count } => {
            let (it, count) = (it.clone(), *count);
            match next(vm, tx, &it)? {
                Some(v) => {
                    tx.write(
                        &io.0,
                        IterState::Enumerate {
                            it,
                            count: count + 1,
                        },
                    )?;
                    Ok(Some(Value::tuple(vec![Value::Int(count), v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { its, strict } => {
            let (its, strict) = (its.clone(), *strict);
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (k, i) in its.iter().enumerate() {
                match next(vm, tx, i)? {
                    Some(v) => out.push(v),
                    None => {
                        tx.write(&io.0, IterState::Done)?;
                        if strict && k > 0 {
                            return Err(value_error(format!(
                                "zip() argument {} is shorter than argument{} 1{}",
                                k + 1,
                                if k > 1 { "s" } else { "" },
                                if k > 1 {
                                    format!("-{k}")
                                } else {
                                    String::new()
                                }
                            )));
                        }
                        if strict && k == 0 {
                            for (j, rest) in its.iter().enumerate().skip(1) {
                                if next(vm, tx, rest)?.is_some() {
                                    return Err(value_error(format!(
                                        "zip() argument {} is longer than argument{} 1{}",
                                        j + 1,
                                        if j > 1 { "s" } else { "" },
                                        if j > 1 {
                                            format!("-{j}")
                                        } else {
                                            String::new()
                                        }
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        IterState::Map { f, its } => {
            let (f, its) = (f.clone(), its.clone());
            let mut args = Vec::with_capacity(its.len());
            for i in &its {
                match next(vm, tx, i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(vm.call(tx, &f, &args, &[])?))
        }
        IterState::Filter { f, it } => {
            let (f, it) = (f.clone(), it.clone());
            while let Some(v) = next(vm, tx, &it)? {
                let keep = if f.is_none() {
                    ops::truthy(vm, tx, &v)?
                } else {
                    let r = vm.call(tx, &f, std::slice::from_ref(&v), &[])?;
                    ops::truthy(vm, tx, &r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        IterState::CallIter { f, sentinel } => {
            let (f, sentinel) = (f.clone(), sentinel.clone());
            let v = vm.call(tx, &f, &[], &[])?;
            if ops::eq(vm, tx, &v, &sentinel)? {
                tx.write(&io.0, IterState::Done)?;
                return Ok(None);
            }
            Ok(Some(v))
        }
    }
}

/// Every item of an iterable.
pub fn collect(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::Tuple(t)) => return Ok(t.to_vec()),
        Some(Payload::List(l)) => return Ok(tx.view(l, |v| v.iter().cloned().collect())?),
        Some(Payload::Range(a, b, c)) => {
            let (a, c) = (*a, *c);
            let n = ops::range_len(a, *b, c);
            return Ok((0..n).map(|i| Value::Int(a + i * c)).collect());
        }
        _ => {}
    }
    let it = iter(vm, tx, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, tx, &it)? {
        out.push(x);
    }
    Ok(out)
}

// ---------- generators ----------

#[derive(Clone)]
pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub started: bool,
    pub running: bool,
}

pub struct GenObj {
    pub state: TVar<GenState>,
    pub name: Value,
    pub qualname: Value,
}

pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

pub fn new_generator(frame: Box<Frame>) -> Value {
    let name = frame.code.name.clone();
    let qualname = frame.code.qualname.clone();
    let g = GenObj {
        state: TVar::new(GenState {
            frame: Some(frame),
            started: false,
            running: false,
        }),
        name,
        qualname,
    };
    Value::Obj(ObjRef::new(Payload::Opaque(
        iter_type("generator"),
        Box::new(g),
    )))
}

pub fn as_gen(v: &Value) -> Option<&GenObj> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d.downcast_ref::<GenObj>(),
        _ => None,
    }
}

pub fn is_generator(v: &Value) -> bool {
    as_gen(v).is_some()
}

/// Resumes a generator with `sent` (or throws `throw` into it).
pub fn gen_resume(
    vm: &mut Vm,
    tx: &Tx,
    genv: &Value,
    sent: Value,
    throw: Option<ObjRef>,
) -> PyResult<GenStep> {
    let Some(g) = as_gen(genv) else {
        return Err(type_error("not a generator"));
    };
    // The frame is taken out of the state and put back after the step, both through
    // `modify`: only a transaction's first step copies the state (and frame), later
    // steps in the same transaction move a pointer.
    enum Start {
        Running,
        Finished,
        SendToFresh,
        Go(Box<Frame>),
    }
    let throwing = throw.is_some();
    let sent_none = sent.is_none();
    let start = tx.modify(&g.state, |st| {
        if st.running {
            return Start::Running;
        }
        if st.frame.is_none() {
            return Start::Finished;
        }
        if !st.started && !sent_none && !throwing {
            return Start::SendToFresh;
        }
        let started = std::mem::replace(&mut st.started, true);
        st.running = true;
        match st.frame.take() {
            Some(mut f) => {
                if started && !throwing {
                    f.push(sent);
                }
                Start::Go(f)
            }
            None => Start::Finished,
        }
    })?;
    let mut frame = match start {
        Start::Go(f) => f,
        Start::Running => return Err(value_error("generator already executing")),
        Start::Finished => {
            if let Some(e) = throw {
                return Err(Unwind::Exc(e));
            }
            return Ok(GenStep::Returned(Value::None));
        }
        Start::SendToFresh => {
            return Err(type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
    };
    vm.check_recursion()?;
    vm.depth += 1;
    vm.native_depth += 1;
    let base = vm.frames.len();
    let r = match throw {
        Some(exc) => match delegate_throw(vm, tx, &mut frame, exc) {
            Ok(Delegated::Yielded(v)) => Ok(Exit::Yield(v)),
            Ok(Delegated::Resume) => vm.execute(tx, &mut frame, base, false),
            Ok(Delegated::Throw(exc)) => {
                frame.pc = frame.pc.max(1);
                match vm.unwind(tx, &mut frame, base, exc) {
                    Ok(()) => vm.execute(tx, &mut frame, base, false),
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        },
        None => vm.execute(tx, &mut frame, base, false),
    };
    vm.native_depth -= 1;
    vm.depth -= 1;
    match r {
        Ok(Exit::Yield(v)) => {
            tx.modify(&g.state, |st| {
                st.frame = Some(frame);
                st.running = false;
            })?;
            Ok(GenStep::Yielded(v))
        }
        Ok(_) | Err(_) => {
            tx.modify(&g.state, |st| {
                st.frame = None;
                st.running = false;
            })?;
            vm.recycle(frame);
            match r {
                Ok(Exit::Return(v)) => Ok(GenStep::Returned(v)),
                Ok(_) => Ok(GenStep::Returned(Value::None)),
                Err(e) if e.is(ExcKind::StopIteration) => {
                    let re = Unwind::new(ExcKind::RuntimeError, "generator raised StopIteration");
                    if let (Unwind::Exc(new), Unwind::Exc(old)) = (&re, &e) {
                        crate::exceptions::set_cause(tx, new, Value::Obj(old.clone()))?;
                    }
                    Err(re)
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// What `throw()` into a generator does once its `yield from` receiver had its turn.
enum Delegated {
    /// The receiver yielded: the generator stays suspended in its `yield from`.
    Yielded(Value),
    /// The receiver returned: the frame continues after the `yield from` with its value.
    Resume,
    /// The exception (the thrown one, or the receiver's) is raised in the frame.
    Throw(ObjRef),
}

/// `throw(exc)` into a generator suspended in `yield from` (at the `YieldValue` after a
/// `Send`) goes to the receiver first, as CPython's `gen_throw`: `GeneratorExit` closes the
/// receiver and then stops this generator.
fn delegate_throw(vm: &mut Vm, tx: &Tx, frame: &mut Frame, exc: ObjRef) -> PyResult<Delegated> {
    use crate::bytecode::Instruction;
    let pc = frame.pc;
    let code = &frame.code.code.instructions;
    let target = match (
        pc.checked_sub(2).and_then(|i| code.get(i)),
        code.get(pc.wrapping_sub(1)),
    ) {
        (Some(Instruction::Send(t)), Some(Instruction::YieldValue)) => *t,
        _ => return Ok(Delegated::Throw(exc)),
    };
    let receiver = frame.top().clone();
    let types = stmpy_core::types::types();
    if stmpy_core::types::is_subtype(
        stmpy_core::types::type_of_obj(&exc),
        types.exc(ExcKind::GeneratorExit),
    ) {
        if is_generator(&receiver) {
            gen_close(vm, tx, &receiver)?;
        } else if let Some(close) = ops::getattr_opt(vm, tx, &receiver, &Value::str("close"))? {
            vm.call(tx, &close, &[], &[])?;
        }
        return Ok(Delegated::Throw(exc));
    }
    let step = if is_generator(&receiver) {
        gen_resume(vm, tx, &receiver, Value::None, Some(exc))
    } else {
        match ops::getattr_opt(vm, tx, &receiver, &Value::str("throw"))? {
            None => return Ok(Delegated::Throw(exc)),
            Some(f) => match vm.call(tx, &f, &[Value::Obj(exc)], &[]) {
                Ok(y) => Ok(GenStep::Yielded(y)),
                Err(e) if e.is(ExcKind::StopIteration) => {
                    Ok(GenStep::Returned(crate::exceptions::stop_value(tx, &e)?))
                }
                Err(e) => Err(e),
            },
        }
    };
    match step {
        Ok(GenStep::Yielded(v)) => Ok(Delegated::Yielded(v)),
        Ok(GenStep::Returned(v)) => {
            frame.pop();
            frame.push(v);
            frame.pc = target as usize;
            Ok(Delegated::Resume)
        }
        Err(Unwind::Exc(e)) => Ok(Delegated::Throw(e)),
        Err(e) => Err(e),
    }
}

/// `gen.close()`.
pub fn gen_close(vm: &mut Vm, tx: &Tx, genv: &Value) -> PyResult<Value> {
    let Some(g) = as_gen(genv) else {
        return Err(type_error("not a generator"));
    };
    let st = tx.read(&g.state)?;
    if st.frame.is_none() || !st.started {
        tx.write(
            &g.state,
            GenState {
                frame: None,
                started: true,
                running: false,
            },
        )?;
        return Ok(Value::None);
    }
    let exc = stmpy_core::error::new_exception(
        stmpy_core::types::types().exc(ExcKind::GeneratorExit),
        vec![],
    );
    match gen_resume(vm, tx, genv, Value::None, Some(exc)) {
        Ok(GenStep::Yielded(_)) => Err(Unwind::new(
            ExcKind::RuntimeError,
            "generator ignored GeneratorExit",
        )),
        Ok(GenStep::Returned(_)) => Ok(Value::None),
        Err(e) if e.is(ExcKind::GeneratorExit) || e.is(ExcKind::StopIteration) => Ok(Value::None),
        Err(e) => Err(e),
    }
}
