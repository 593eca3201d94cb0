//! Handlers of the less hot instructions, called from the dispatch `match` in `eval.rs`.

use std::sync::Arc;

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, type_name, type_of, types};
use stmpy_core::value::{Function, ObjRef, Payload, Value};

use crate::bytecode::{BinOp, CmpOp, Conversion, Instruction, MakeFunctionFlags, NO_LOCAL, Target};
use crate::call::StrValue;
use crate::eval::name_error;
use crate::ops;
use crate::vm::{Frame, PrivIter, PrivIterKind, Vm, as_code, is_marker, unbound_marker};

/// Integers up to this magnitude convert to `f64` exactly.
const EXACT_F64: u64 = 1 << 53;

/// `lst.append(x)`: `CallMethod(1)` whose method (found by `LoadMethod`) is `list.append`
/// and whose self is a list: the push without the general call (argument checks, the
/// native's downcast, the result's round trip). False: anything else, call as usual.
#[inline(always)]
pub fn list_append_fast(tx: &Tx, frame: &mut Frame, self_slot: usize) -> PyResult<bool> {
    let (Some(Value::Obj(m)), Some(Payload::List(_))) = (
        self_slot.checked_sub(1).and_then(|i| frame.stack.get(i)),
        frame.stack.get(self_slot).and_then(Value::payload),
    ) else {
        return Ok(false);
    };
    if !m.is(crate::builtins::list_methods::append_method()) {
        return Ok(false);
    }
    let x = frame.pop();
    let list = frame.pop();
    frame.pop();
    if let Some(Payload::List(cell)) = list.payload() {
        tx.modify(cell, |l| l.push_back(x))?;
    }
    frame.push(Value::None);
    Ok(true)
}

/// A list, tuple or range (exactly; not a subclass instance): what a frame-private
/// iterator can iterate, and whose `iter()` cannot fail or run Python code.
fn is_private_iterable(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range(..))
    )
}

/// `container[key]` for a list or tuple and an int in range, the common case of
/// `BinarySubscr` (no call into the general `getitem`); `None` sends it down the
/// general path, which gives the same answer or raises.
#[inline(never)]
pub fn fast_subscr(tx: &Tx, container: &Value, key: &Value) -> PyResult<Option<Value>> {
    let (Value::Obj(o), Value::Int(i)) = (container, key) else {
        return Ok(None);
    };
    Ok(match &o.payload {
        // `view`, not `read`: a later store to the list stays in place.
        Payload::List(l) => tx.view(l, |l| ops::in_range(*i, l.len()).map(|j| l[j].clone()))?,
        Payload::Tuple(t) => ops::in_range(*i, t.len()).map(|j| t[j].clone()),
        _ => None,
    })
}

/// `container[key] = v` for a list and an int in range (the common case of
/// `StoreSubscr`); gives `v` back when the general path (`setitem`) must decide.
#[inline(never)]
pub fn fast_store_subscr(
    tx: &Tx,
    container: &Value,
    key: &Value,
    v: Value,
) -> PyResult<Result<(), Value>> {
    let (Some(Payload::List(cell)), Value::Int(i)) = (container.payload(), key) else {
        return Ok(Err(v));
    };
    Ok(tx.modify(cell, |l| match ops::in_range(*i, l.len()) {
        Some(j) => {
            l.set(j, v);
            Ok(())
        }
        None => Err(v),
    })?)
}

/// The arithmetic of small ints and floats, where Python's result needs no Python code,
/// no big int and no exception; `None` sends the operation down the general path.
#[inline(always)]
pub fn fast_binary(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            Value::Int(match op.base() {
                BinOp::Add => x.checked_add(y)?,
                BinOp::Sub => x.checked_sub(y)?,
                BinOp::Mul => x.checked_mul(y)?,
                BinOp::FloorDiv => {
                    let q = x.checked_div(y)?;
                    if x % y != 0 && (x < 0) != (y < 0) {
                        q - 1
                    } else {
                        q
                    }
                }
                BinOp::Remainder => {
                    let r = x.checked_rem(y)?;
                    if r != 0 && (r < 0) != (y < 0) {
                        r + y
                    } else {
                        r
                    }
                }
                BinOp::And => x & y,
                BinOp::Or => x | y,
                BinOp::Xor => x ^ y,
                BinOp::TrueDiv
                    if y != 0 && x.unsigned_abs() < EXACT_F64 && y.unsigned_abs() < EXACT_F64 =>
                {
                    return Some(Value::Float(x as f64 / y as f64));
                }
                _ => return None,
            })
        }
        (Value::Float(x), Value::Float(y)) => Value::Float(float_arith(op, *x, *y)?),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < EXACT_F64 => {
            Value::Float(float_arith(op, *x as f64, *y)?)
        }
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < EXACT_F64 => {
            Value::Float(float_arith(op, *x, *y as f64)?)
        }
        _ => return None,
    })
}

#[inline(always)]
fn float_arith(op: BinOp, x: f64, y: f64) -> Option<f64> {
    Some(match op.base() {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        _ => return None,
    })
}

/// Comparisons of small ints and floats (exact: ints beyond 2^53 take the general path,
/// which compares them with floats exactly).
#[inline(always)]
pub fn fast_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    fn cmp<T: PartialOrd>(op: CmpOp, x: T, y: T) -> bool {
        match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        }
    }
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => cmp(op, x, y),
        (Value::Float(x), Value::Float(y)) => cmp(op, x, y),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < EXACT_F64 => cmp(op, *x as f64, *y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < EXACT_F64 => cmp(op, *x, *y as f64),
        _ => return None,
    })
}

/// `s += t` for strs where the next instruction stores the result back into the local
/// that holds `s`, and nothing else holds `s`: `t` is appended in place (CPython's
/// `unicode_concatenate` trick), so building a string in a loop is linear instead of
/// quadratic. `Err(a)` hands `a` back when the trick does not apply.
pub fn concat_in_place(frame: &mut Frame, mut a: Value, b: &Value) -> Result<Value, Value> {
    let (Some(Payload::Str(t)), Some(Payload::Str(_))) = (b.payload(), a.payload()) else {
        return Err(a);
    };
    let Some(Instruction::StoreFast(i)) = frame.code.code.instructions.get(frame.pc) else {
        return Err(a);
    };
    let slot = &mut frame.fast[*i as usize];
    if !matches!(slot, Some(v) if v.is(&a)) {
        return Err(a);
    }
    // The local's reference goes (the store puts the result back); then `a` may be the
    // only one left.
    *slot = None;
    if let Value::Obj(o) = &mut a
        && let Some(obj) = o.get_mut()
        && let Payload::Str(s) = &mut obj.payload
    {
        s.push_str(t);
        return Ok(a);
    }
    *slot = Some(a.clone());
    Err(a)
}

impl Vm {
    pub(crate) fn op_load_deref(&mut self, tx: &Tx, frame: &mut Frame, i: u32) -> PyResult<()> {
        let v = match &frame.cells[i as usize].payload {
            Payload::Cell(c) => tx.view(c, |v| v.clone())?,
            _ => Value::None,
        };
        if is_marker(&v) {
            return Err(deref_error(frame, i));
        }
        frame.push(v);
        Ok(())
    }

    pub(crate) fn op_delete_deref(&mut self, tx: &Tx, frame: &mut Frame, i: u32) -> PyResult<()> {
        if let Payload::Cell(c) = &frame.cells[i as usize].payload {
            if is_marker(tx.read(c)?) {
                return Err(deref_error(frame, i));
            }
            tx.write(c, Value::Obj(unbound_marker().clone()))?;
        }
        Ok(())
    }

    pub(crate) fn op_load_class_deref(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        i: u32,
    ) -> PyResult<()> {
        let name = frame.code.code.deref_name(i).to_string();
        if let Some(locals) = &frame.locals {
            let key = Value::str(&name);
            if let Some(v) = crate::builtins::mapping_get(self, tx, &locals.clone(), &key)? {
                frame.push(v);
                return Ok(());
            }
        }
        self.op_load_deref(tx, frame, i)
    }

    /// `GlobalSubscrStart` (see the opcode's doc): borrow the global when the index's
    /// locals hold values whose operators are all native.
    pub(crate) fn op_global_subscr_start(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        name: u16,
        locals: [u8; 2],
    ) -> PyResult<()> {
        let native = |v: &Option<Value>| match v {
            Some(Value::Int(_) | Value::Float(_) | Value::Bool(_)) => true,
            Some(Value::Obj(o)) => matches!(o.payload, Payload::Str(_)),
            _ => false,
        };
        let borrow = locals
            .iter()
            .all(|&l| l == NO_LOCAL || frame.fast.get(usize::from(l)).is_some_and(native));
        let name = &frame.code.names[usize::from(name)];
        if borrow {
            if self
                .with_global(tx, &frame.globals, name, |_| ())?
                .is_none()
            {
                return Err(name_error(name));
            }
        } else {
            match self.load_global(tx, &frame.globals, name)? {
                Some(v) => frame.push(v),
                None => return Err(name_error(name)),
            }
        }
        frame.borrowed_global = borrow;
        Ok(())
    }

    /// `GlobalSubscrEnd`: the subscript, on the borrowed global where it needs no
    /// Python code (else on a reference to it, as `BinarySubscr`).
    pub(crate) fn op_global_subscr_end(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        name: u32,
    ) -> PyResult<()> {
        let key = frame.pop();
        let container = if std::mem::take(&mut frame.borrowed_global) {
            let name = &frame.code.names[name as usize];
            match self.with_global(tx, &frame.globals, name, |g| pure_getitem(tx, g, &key))? {
                Some(Some(v)) => {
                    frame.push(v?);
                    return Ok(());
                }
                // Nothing ran since the start, so the name is still bound.
                _ => match self.load_global(tx, &frame.globals, name)? {
                    Some(v) => v,
                    None => return Err(name_error(name)),
                },
            }
        } else {
            frame.pop()
        };
        let v = crate::builtins::getitem(self, tx, &container, &key)?;
        frame.push(v);
        Ok(())
    }

    pub(crate) fn op_delete_global(&mut self, tx: &Tx, frame: &mut Frame, i: u32) -> PyResult<()> {
        let name = frame.code.names[i as usize].clone();
        if !crate::builtins::dict_del_str(tx, &frame.globals, &name)? {
            return Err(name_error(&name));
        }
        Ok(())
    }

    pub(crate) fn op_load_name(&mut self, tx: &Tx, frame: &mut Frame, i: u32) -> PyResult<()> {
        let name = frame.code.names[i as usize].clone();
        if let Some(locals) = frame.locals.clone()
            && !locals.is(&frame.globals)
            && let Some(v) = crate::builtins::mapping_get(self, tx, &locals, &name)?
        {
            frame.push(v);
            return Ok(());
        }
        match self.load_global(tx, &frame.globals, &name)? {
            Some(v) => {
                frame.push(v);
                Ok(())
            }
            None => Err(name_error(&name)),
        }
    }

    pub(crate) fn op_delete_name(&mut self, tx: &Tx, frame: &mut Frame, i: u32) -> PyResult<()> {
        let name = frame.code.names[i as usize].clone();
        let target = frame
            .locals
            .clone()
            .unwrap_or_else(|| frame.globals.clone());
        if !crate::builtins::dict_del_str(tx, &target, &name)? {
            return Err(name_error(&name));
        }
        Ok(())
    }

    pub(crate) fn op_load_method(&mut self, tx: &Tx, frame: &mut Frame, i: u32) -> PyResult<()> {
        let obj = frame.pop();
        let name = &frame.code.names[i as usize];
        let ns = name.as_str().map(|s| (s.as_str(), s.hash()));
        if let Some((n, h)) = ns {
            match obj.payload() {
                Some(Payload::Instance(inst)) => {
                    if !stmpy_core::types::as_type(&inst.class).has_getattribute_hook()
                        && tx.view(inst.dict(), |d| d.get_str(n, h).is_none())?
                        && let Some(f) = ops::lookup_type_cached(self, tx, &inst.class, name, n, h)?
                        && matches!(f.payload(), Some(Payload::Function(_)))
                    {
                        frame.push(f);
                        frame.push(obj);
                        return Ok(());
                    }
                }
                Some(Payload::Type(_))
                | Some(Payload::Module(_))
                | Some(Payload::Function(_))
                | Some(Payload::Super(..)) => {}
                _ => {
                    if let Some(f) = ops::lookup_type_cached(self, tx, type_of(&obj), name, n, h)?
                        && matches!(
                            f.payload(),
                            Some(Payload::Native(_)) | Some(Payload::Function(_))
                        )
                    {
                        frame.push(f);
                        frame.push(obj);
                        return Ok(());
                    }
                }
            }
        }
        let name = name.clone();
        let attr = ops::getattr(self, tx, &obj, &name)?;
        frame.push(attr);
        frame.push(Value::Obj(unbound_marker().clone()));
        Ok(())
    }

    pub(crate) fn op_build_set(&mut self, tx: &Tx, frame: &mut Frame, n: u32) -> PyResult<()> {
        let items = frame.stack.split_off(frame.stack.len() - n as usize);
        let set = crate::builtins::new_set(self, tx, items)?;
        frame.push(set);
        Ok(())
    }

    pub(crate) fn op_build_map(&mut self, tx: &Tx, frame: &mut Frame, n: u32) -> PyResult<()> {
        let items = frame.stack.split_off(frame.stack.len() - 2 * n as usize);
        let d = Value::dict(DictData::new());
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            crate::builtins::dict_set(self, tx, &d, k, v)?;
        }
        frame.push(d);
        Ok(())
    }

    pub(crate) fn op_dict_update(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        i: u32,
        merge: bool,
    ) -> PyResult<()> {
        let m = frame.pop();
        let target = frame.stack[frame.stack.len() - i as usize].clone();
        if merge {
            let f = frame.stack[frame.stack.len() - i as usize - 2].clone();
            if !matches!(m.payload(), Some(Payload::Dict(_)))
                && ops::getattr_opt(self, tx, &m, &Value::str("keys"))?.is_none()
            {
                return Err(type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    crate::builtins::callable_name(&f),
                    type_name(&m)
                )));
            }
            let pairs = crate::builtins::mapping_pairs(self, tx, &m)?;
            for (k, v) in pairs {
                if let Some(Payload::Dict(d)) = target.payload()
                    && ops::dict_lookup(self, tx, &tx.view(d, |v| v.clone())?, &k, None)?.is_some()
                {
                    return Err(type_error(format!(
                        "{} got multiple values for keyword argument '{}'",
                        crate::builtins::callable_name(&f),
                        k.payload_str().unwrap_or("?")
                    )));
                }
                crate::builtins::dict_set(self, tx, &target, k, v)?;
            }
            return Ok(());
        }
        if !matches!(m.payload(), Some(Payload::Dict(_)))
            && ops::getattr_opt(self, tx, &m, &Value::str("keys"))?.is_none()
        {
            return Err(type_error(format!(
                "'{}' object is not a mapping",
                type_name(&m)
            )));
        }
        let pairs = crate::builtins::mapping_pairs(self, tx, &m)?;
        for (k, v) in pairs {
            crate::builtins::dict_set(self, tx, &target, k, v)?;
        }
        Ok(())
    }

    pub(crate) fn op_unpack(&mut self, tx: &Tx, frame: &mut Frame, n: u32) -> PyResult<()> {
        let seq = frame.pop();
        let n = n as usize;
        // Tuples and small lists of the right length go straight onto the stack (no
        // intermediate vector: nbody unpacks two nested triples per inner iteration).
        let wrong_len = match seq.payload() {
            Some(Payload::Tuple(t)) if t.len() == n => {
                frame.stack.extend(t.iter().rev().cloned());
                return Ok(());
            }
            Some(Payload::Tuple(t)) => Some(t.len()),
            Some(Payload::List(l)) => {
                let pushed = tx.view(l, |v| match v.as_slice() {
                    Some(items) if items.len() == n => {
                        frame.stack.extend(items.iter().rev().cloned());
                        Ok(())
                    }
                    _ => Err(v.len()),
                })?;
                match pushed {
                    Ok(()) => return Ok(()),
                    Err(len) if len != n => Some(len),
                    Err(_) => None,
                }
            }
            _ => None,
        };
        if let Some(len) = wrong_len {
            return Err(if len > n {
                value_error(format!("too many values to unpack (expected {n})"))
            } else {
                value_error(format!(
                    "not enough values to unpack (expected {n}, got {len})"
                ))
            });
        }
        let items: Vec<Value> = match seq.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            Some(Payload::List(l)) => tx.view(l, |v| v.iter().cloned().collect())?,
            _ => {
                let it = crate::iter::iter(self, tx, &seq).map_err(|e| {
                    if e.is(ExcKind::TypeError) {
                        type_error(format!(
                            "cannot unpack non-iterable {} object",
                            type_name(&seq)
                        ))
                    } else {
                        e
                    }
                })?;
                let mut out = Vec::with_capacity(n);
                while let Some(v) = crate::iter::next(self, tx, &it)? {
                    out.push(v);
                    if out.len() > n {
                        return Err(value_error(format!(
                            "too many values to unpack (expected {n})"
                        )));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        if items.len() < n {
            return Err(value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        frame.stack.extend(items.into_iter().rev());
        Ok(())
    }

    pub(crate) fn op_unpack_ex(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        before: u16,
        after: u16,
    ) -> PyResult<()> {
        let seq = frame.pop();
        let items = crate::iter::collect(self, tx, &seq).map_err(|e| {
            if e.is(ExcKind::TypeError) {
                type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(&seq)
                ))
            } else {
                e
            }
        })?;
        let (b, a) = (before as usize, after as usize);
        if items.len() < b + a {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                b + a,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(b + a + 1);
        out.extend_from_slice(&items[..b]);
        out.push(Value::list_from(items[b..items.len() - a].to_vec()));
        out.extend_from_slice(&items[items.len() - a..]);
        frame.stack.extend(out.into_iter().rev());
        Ok(())
    }

    pub(crate) fn op_format_value(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        conv: Conversion,
        has_spec: bool,
    ) -> PyResult<()> {
        let spec = if has_spec { frame.pop() } else { Value::None };
        let v = frame.pop();
        let v = match conv {
            Conversion::None => v,
            Conversion::Str => Value::string(ops::str_of(self, tx, &v)?),
            Conversion::Repr => Value::string(ops::repr(self, tx, &v)?),
            Conversion::Ascii => Value::string(ops::ascii(self, tx, &v)?),
        };
        let spec_s = spec.payload_str().unwrap_or("");
        if spec_s.is_empty() && v.as_str().is_some() {
            frame.push(v);
            return Ok(());
        }
        let s = crate::builtins::format_value(self, tx, &v, spec_s)?;
        frame.push(Value::string(s));
        Ok(())
    }

    pub(crate) fn op_get_iter(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<()> {
        if self.private_iter(tx, frame)? {
            return Ok(());
        }
        self.tos_to_iter(tx, frame)
    }

    /// Replaces TOS with `iter(TOS)`.
    fn tos_to_iter(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<()> {
        let v = frame.pop();
        let it = crate::iter::iter(self, tx, &v)?;
        frame.push(it);
        Ok(())
    }

    /// A `for` loop's own iterator over a list/tuple/range (TOS) lives privately on the
    /// frame (no heap object, no STM cell): only when the very next instruction is the
    /// ForIter that consumes it, so it can never escape. Replaces TOS with the marker
    /// that ForIter recognises; false when TOS is not such a loop's iterable.
    fn private_iter(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<bool> {
        if !matches!(
            frame.code.code.instructions.get(frame.pc),
            Some(crate::bytecode::Instruction::ForIter(_))
        ) {
            return Ok(false);
        }
        let Some(kind) = Vm::priv_iter_kind(frame.top(), tx)? else {
            return Ok(false);
        };
        frame.pop();
        let depth = frame.stack.len();
        frame.iters.retain(|it| it.depth < depth);
        frame.iters.push(PrivIter { depth, kind });
        frame.push(Value::Obj(unbound_marker().clone()));
        Ok(true)
    }

    /// `GetIterArg` (see the opcode): a list, tuple or range is passed on as it is.
    pub(crate) fn op_get_iter_arg(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<()> {
        if is_private_iterable(frame.top()) {
            return Ok(());
        }
        self.tos_to_iter(tx, frame)
    }

    /// `IterArg` (see the opcode): a comprehension's `.0`.
    pub(crate) fn op_iter_arg(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<()> {
        if self.private_iter(tx, frame)? || !is_private_iterable(frame.top()) {
            return Ok(());
        }
        // Not followed by ForIter (never compiled so): an ordinary iterator then.
        self.tos_to_iter(tx, frame)
    }

    pub(crate) fn op_for_iter(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        target: Target,
    ) -> PyResult<()> {
        let depth = frame.stack.len() - 1;
        // Iterators of loops left by `break` are stale: they sit above this one.
        while frame.iters.last().is_some_and(|it| it.depth > depth) {
            frame.iters.pop();
        }
        if is_marker(&frame.stack[depth])
            && let Some(it) = frame.iters.last_mut()
            && it.depth == depth
        {
            let next = match &mut it.kind {
                PrivIterKind::Range { next, stop, step } => {
                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                        let v = *next;
                        *next = next.saturating_add(*step);
                        if (*step > 0 && *next < v) || (*step < 0 && *next > v) {
                            *next = *stop;
                        }
                        Some(Value::Int(v))
                    } else {
                        None
                    }
                }
                PrivIterKind::List { list, index } => match &list.payload {
                    Payload::List(l) => {
                        let v = tx.view(l, |v| v.get(*index).cloned())?;
                        *index += 1;
                        v
                    }
                    _ => None,
                },
                PrivIterKind::Tuple { tuple, index } => match &tuple.payload {
                    Payload::Tuple(t) => {
                        let v = t.get(*index).cloned();
                        *index += 1;
                        v
                    }
                    _ => None,
                },
            };
            match next {
                Some(v) => frame.push(v),
                None => {
                    frame.iters.pop();
                    frame.stack.pop();
                    frame.pc = target as usize;
                }
            }
            return Ok(());
        }
        let it = frame.top().clone();
        match crate::iter::next(self, tx, &it)? {
            Some(v) => frame.push(v),
            None => {
                frame.stack.pop();
                frame.pc = target as usize;
            }
        }
        Ok(())
    }

    pub(crate) fn op_make_function(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        flags: MakeFunctionFlags,
    ) -> PyResult<()> {
        let code_v = frame.pop();
        let Some(code) = as_code(&code_v).cloned() else {
            return Err(Unwind::new(
                ExcKind::SystemError,
                "MakeFunction without a code object",
            ));
        };
        let closure: Vec<ObjRef> = if flags.has(MakeFunctionFlags::CLOSURE) {
            let t = frame.pop();
            t.as_tuple()
                .map(|t| t.iter().filter_map(|c| c.obj().cloned()).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let mut fdict = DictData::new();
        if flags.has(MakeFunctionFlags::ANNOTATIONS) {
            let ann = frame.pop();
            fdict.insert_str(
                Value::str("__annotations__"),
                stmpy_core::str::str_hash("__annotations__"),
                ann,
            );
        }
        let kwdefaults: Vec<(ObjRef, Value)> = if flags.has(MakeFunctionFlags::KW_DEFAULTS) {
            let d = frame.pop();
            crate::builtins::mapping_pairs(self, tx, &d)?
                .into_iter()
                .filter_map(|(k, v)| k.obj().cloned().map(|k| (k, v)))
                .collect()
        } else {
            Vec::new()
        };
        let defaults = if flags.has(MakeFunctionFlags::DEFAULTS) {
            let d = frame.pop();
            d.as_tuple().map(|t| t.to_vec()).unwrap_or_default()
        } else {
            Vec::new()
        };
        let module = self
            .load_global(tx, &frame.globals, &Value::str("__name__"))?
            .unwrap_or_default();
        let name = code.name.clone();
        let qualname = code.qualname.clone();
        let f = Function {
            code: Arc::new(code.clone()) as Arc<dyn std::any::Any + Send + Sync>,
            name,
            qualname,
            globals: frame.globals.clone(),
            defaults,
            kwdefaults,
            closure,
            dict: TVar::new(fdict),
            module,
        };
        let f = ObjRef::new(Payload::Function(Box::new(f)));
        // A function defined by a module or class body is as long-lived as its module or
        // (immortal) class in nearly every program, and every thread loads it on each
        // call: immortal, so those loads write no shared memory (see `ObjRef::new`).
        if frame.locals.is_some() {
            f.make_immortal();
            code.make_immortal();
        }
        frame.push(Value::Obj(f));
        Ok(())
    }

    pub(crate) fn op_setup_annotations(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<()> {
        let target = frame
            .locals
            .clone()
            .unwrap_or_else(|| frame.globals.clone());
        let key = Value::str("__annotations__");
        if crate::builtins::mapping_get(self, tx, &target, &key)?.is_none() {
            crate::builtins::mapping_set(self, tx, &target, key, Value::dict(DictData::new()))?;
        }
        Ok(())
    }

    pub(crate) fn op_send(&mut self, tx: &Tx, frame: &mut Frame, target: Target) -> PyResult<()> {
        let v = frame.pop();
        let receiver = frame.top().clone();
        let r = if crate::iter::is_generator(&receiver) {
            crate::iter::gen_resume(self, tx, &receiver, v, None)?
        } else if v.is_none() {
            match crate::iter::next_or_stop(self, tx, &receiver)? {
                Ok(y) => crate::iter::GenStep::Yielded(y),
                Err(ret) => crate::iter::GenStep::Returned(ret),
            }
        } else {
            let send = ops::getattr(self, tx, &receiver, &Value::str("send"))?;
            match self.call(tx, &send, &[v], &[]) {
                Ok(y) => crate::iter::GenStep::Yielded(y),
                Err(e) if e.is(ExcKind::StopIteration) => {
                    crate::iter::GenStep::Returned(crate::exceptions::stop_value(tx, &e)?)
                }
                Err(e) => return Err(e),
            }
        };
        match r {
            crate::iter::GenStep::Yielded(y) => frame.push(y),
            crate::iter::GenStep::Returned(ret) => {
                frame.pop();
                frame.push(ret);
                frame.pc = target as usize;
            }
        }
        Ok(())
    }

    /// Builds the exception `RaiseVarargs(n)` raises.
    pub(crate) fn op_raise(&mut self, tx: &Tx, frame: &mut Frame, n: u32) -> PyResult<Unwind> {
        if n == 0 {
            return match &self.handled {
                Value::Obj(o) => {
                    self.reraising = true;
                    Ok(Unwind::Exc(o.clone()))
                }
                _ => Ok(Unwind::new(
                    ExcKind::RuntimeError,
                    "No active exception to reraise",
                )),
            };
        }
        let cause = if n == 2 { Some(frame.pop()) } else { None };
        let exc = frame.pop();
        let exc = crate::exceptions::instantiate(self, tx, &exc)?;
        if let Some(cause) = cause {
            let cause = if cause.is_none() {
                Value::None
            } else {
                Value::Obj(
                    crate::exceptions::instantiate(self, tx, &cause).map_err(|_| {
                        type_error("exception causes must derive from BaseException")
                    })?,
                )
            };
            crate::exceptions::set_cause(tx, &exc, cause)?;
        }
        Ok(Unwind::Exc(exc))
    }

    /// `with mgr:`: pushes the bound `__exit__`, then calls `__enter__`. A Python
    /// `__enter__` is returned as a frame for the eval loop to switch to, like any
    /// Python-to-Python call: run nested it could not end the transaction, and a lock's
    /// `acquire` that must wait needs to (see `threading.Lock.acquire`).
    pub(crate) fn op_before_with(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
    ) -> PyResult<Option<Box<Frame>>> {
        let mgr = frame.pop();
        let ty = type_of(&mgr).clone();
        let enter = ops::lookup_type(tx, &ty, "__enter__")?;
        let exit = ops::lookup_type(tx, &ty, "__exit__")?;
        let (Some(enter), Some(exit)) = (enter, exit) else {
            return Err(type_error(format!(
                "'{}' object does not support the context manager protocol",
                type_name(&mgr)
            )));
        };
        let exit_b = ops::bind_descriptor(self, tx, &exit, &mgr, &ty)?;
        frame.push(exit_b);
        if let Value::Obj(fobj) = &enter
            && let Payload::Function(func) = &fobj.payload
        {
            let callee = self.bind_frame(tx, fobj, func, std::slice::from_ref(&mgr), &[])?;
            if !callee
                .code
                .code
                .flags
                .has(crate::bytecode::CodeFlags::GENERATOR)
            {
                return Ok(Some(callee));
            }
            frame.push(crate::iter::new_generator(callee));
            return Ok(None);
        }
        let r = self.call_descr(tx, &enter, &mgr, std::slice::from_ref(&mgr))?;
        frame.push(r);
        Ok(None)
    }

    pub(crate) fn op_match_class(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        count: u32,
    ) -> PyResult<()> {
        let kwnames = frame.pop();
        let cls = frame.pop();
        let subject = frame.pop();
        let Some(c) = cls
            .obj()
            .filter(|c| matches!(c.payload, Payload::Type(_)))
            .cloned()
        else {
            return Err(type_error("called match pattern must be a class"));
        };
        if !ops::isinstance(&subject, &c) {
            frame.push(Value::None);
            return Ok(());
        }
        let mut out = Vec::new();
        if count > 0 {
            let match_args = ops::lookup_type(tx, &c, "__match_args__")?;
            let builtin_self = matches!(&c.payload, Payload::Type(t) if t.layout == stmpy_core::types::Layout::Builtin);
            match match_args {
                Some(ma) => {
                    let names = crate::iter::collect(self, tx, &ma)?;
                    if names.len() < count as usize {
                        return Err(type_error(format!(
                            "{}() accepts {} positional sub-pattern{} ({} given)",
                            stmpy_core::types::as_type(&c).name,
                            names.len(),
                            if names.len() == 1 { "" } else { "s" },
                            count
                        )));
                    }
                    for n in names.iter().take(count as usize) {
                        match ops::getattr_opt(self, tx, &subject, n)? {
                            Some(v) => out.push(v),
                            None => {
                                frame.push(Value::None);
                                return Ok(());
                            }
                        }
                    }
                }
                None if builtin_self && count == 1 => out.push(subject.clone()),
                None => {
                    return Err(type_error(format!(
                        "{}() accepts 0 positional sub-patterns ({} given)",
                        stmpy_core::types::as_type(&c).name,
                        count
                    )));
                }
            }
        }
        for n in kwnames.as_tuple().unwrap_or(&[]) {
            match ops::getattr_opt(self, tx, &subject, n)? {
                Some(v) => out.push(v),
                None => {
                    frame.push(Value::None);
                    return Ok(());
                }
            }
        }
        frame.push(Value::tuple(out));
        Ok(())
    }

    pub(crate) fn op_match_keys(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<()> {
        let n = frame.stack.len();
        let keys = frame.stack[n - 1].clone();
        let subject = frame.stack[n - 2].clone();
        let mut vals = Vec::new();
        for k in keys.as_tuple().unwrap_or(&[]) {
            match crate::builtins::mapping_get(
                self,
                tx,
                subject.obj().unwrap_or(unbound_marker()),
                k,
            )? {
                Some(v) => vals.push(v),
                None => {
                    frame.push(Value::None);
                    return Ok(());
                }
            }
        }
        frame.push(Value::tuple(vals));
        Ok(())
    }

    pub(crate) fn op_copy_dict_without_keys(&mut self, tx: &Tx, frame: &mut Frame) -> PyResult<()> {
        let keys = frame.pop();
        let subject = frame.top().clone();
        let rest = Value::dict(DictData::new());
        for (k, v) in crate::builtins::mapping_pairs(self, tx, &subject)? {
            let mut skip = false;
            for key in keys.as_tuple().unwrap_or(&[]) {
                if ops::eq(self, tx, &k, key)? {
                    skip = true;
                }
            }
            if !skip {
                crate::builtins::dict_set(self, tx, &rest, k, v)?;
            }
        }
        frame.push(rest);
        let _ = types();
        Ok(())
    }
}

fn deref_error(frame: &Frame, i: u32) -> Unwind {
    let c = &frame.code.code;
    let name = c.deref_name(i);
    if (i as usize) < c.cellvars.len() {
        Unwind::new(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    } else {
        Unwind::new(
            ExcKind::NameError,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    }
}

/// `container[key]` where it cannot run Python code nor fail: an in-range int index of
/// a list or tuple, a str key present in a dict (keys compared by identity or as
/// strs). `None`: not decided here (the caller takes the general path).
fn pure_getitem(
    tx: &Tx,
    container: &Value,
    key: &Value,
) -> Option<stmpy_core::stm::StmResult<Value>> {
    let Value::Obj(o) = container else {
        return None;
    };
    let at = |n: usize, i: i64| {
        let j = if i < 0 { i + n as i64 } else { i };
        (0..n as i64).contains(&j).then_some(j as usize)
    };
    match (&o.payload, key) {
        (Payload::List(cell), Value::Int(i)) => {
            match tx.view(cell, |l| at(l.len(), *i).and_then(|j| l.get(j).cloned())) {
                Ok(Some(v)) => Some(Ok(v)),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            }
        }
        (Payload::Tuple(items), Value::Int(i)) => at(items.len(), *i).map(|j| Ok(items[j].clone())),
        (Payload::Dict(cell), Value::Obj(k)) => {
            let Payload::Str(s) = &k.payload else {
                return None;
            };
            match tx.view(cell, |d| d.get_str(s.as_str(), s.hash()).cloned()) {
                Ok(Some(v)) => Some(Ok(v)),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            }
        }
        _ => None,
    }
}
