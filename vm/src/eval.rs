//! The evaluation loop: one `match` over the instruction, arms delegating to handler
//! methods (in `eval_ops.rs`) except for the few hottest, which are inline.
//!
//! Python→Python calls push the caller on `Vm::frames` and switch `frame` to the callee
//! (no Rust recursion); returns pop it back. `execute` stops at a transaction boundary
//! (back-edges, calls, returns — once the bytecode budget is spent, and only when the
//! caller allows it, i.e. at native depth 0), leaving the frames ready to resume.

use stmpy_core::error::{PyResult, Unwind};
use stmpy_core::stm::Tx;
use stmpy_core::types::ExcKind;
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::bytecode::{BinOp, Instruction};
use crate::ops;
use crate::vm::{Frame, PrivIterKind, Vm};

/// Why `execute` returned.
pub enum Exit {
    /// The base frame returned this value.
    Return(Value),
    /// The base frame (a generator) yielded this value; the frame is ready to resume.
    Yield(Value),
    /// The transaction budget is spent: commit, begin a new transaction, call again.
    Boundary,
}

/// Budget cost of one call or return (a loop back-edge costs its body length).
const CALL_COST: i64 = 8;

impl Vm {
    /// Runs `frame` (and everything it calls) until the frame at depth `base` returns or
    /// yields, an exception leaves it, or — when `boundaries` — a transaction boundary.
    pub fn execute(
        &mut self,
        tx: &Tx,
        frame: &mut Box<Frame>,
        base: usize,
        boundaries: bool,
    ) -> PyResult<Exit> {
        loop {
            match self.run(tx, frame, base, boundaries) {
                Ok(exit) => return Ok(exit),
                Err(Unwind::Exc(exc)) => self.unwind(tx, frame, base, exc)?,
                Err(stm) => return Err(stm),
            }
        }
    }

    /// Finds a handler for `exc`, raised by the instruction before `frame.pc`, popping
    /// frames above `base` that have none. `Ok` means a handler is ready to run.
    pub fn unwind(
        &mut self,
        tx: &Tx,
        frame: &mut Box<Frame>,
        base: usize,
        exc: ObjRef,
    ) -> PyResult<()> {
        let reraise = std::mem::take(&mut self.reraising);
        if !reraise {
            crate::exceptions::set_context(tx, &exc, &self.handled)?;
        }
        let mut add_entry = !reraise;
        loop {
            if add_entry {
                crate::exceptions::add_traceback(tx, &exc, frame)?;
            }
            add_entry = true;
            let offset = frame.pc.saturating_sub(1) as u32;
            if let Some(h) = frame.code.code.handler_for(offset).copied() {
                frame.stack.truncate(h.depth as usize);
                let depth = frame.stack.len();
                frame.iters.retain(|it| it.depth < depth);
                frame.push(Value::Obj(exc));
                frame.pc = h.target as usize;
                return Ok(());
            }
            if self.frames.len() <= base {
                return Err(Unwind::Exc(exc));
            }
            let done =
                std::mem::replace(frame, self.frames.pop().unwrap_or_else(unreachable_frame));
            self.recycle(done);
            self.depth -= 1;
        }
    }

    /// The dispatch loop proper; returns on exit, boundary or exception.
    fn run(
        &mut self,
        tx: &Tx,
        frame: &mut Box<Frame>,
        base: usize,
        boundaries: bool,
    ) -> PyResult<Exit> {
        // The outer loop re-fetches the running code object after a frame switch (call,
        // return); the inner loop indexes its instructions directly.
        'frames: loop {
            let code = frame.code.clone();
            let instrs: &[Instruction] = &code.code.instructions;
            loop {
                let ins = match instrs.get(frame.pc) {
                    Some(i) => *i,
                    None => {
                        return Err(Unwind::new(
                            ExcKind::SystemError,
                            "fell off the end of the code",
                        ));
                    }
                };
                frame.pc += 1;
                match ins {
                    Instruction::Nop => {}
                    Instruction::PopTop => {
                        frame.stack.pop();
                    }
                    Instruction::Copy(i) => {
                        let v = frame.stack[frame.stack.len() - i as usize].clone();
                        frame.push(v);
                    }
                    Instruction::Swap(i) => {
                        let n = frame.stack.len();
                        frame.stack.swap(n - 1, n - i as usize);
                    }
                    Instruction::LoadConst(i) => {
                        let v = code.consts[i as usize].clone();
                        frame.push(v);
                    }
                    Instruction::LoadFast(i) => match &frame.fast[i as usize] {
                        Some(v) => {
                            let v = v.clone();
                            frame.push(v);
                        }
                        None => return Err(self.unbound_local(frame, i)),
                    },
                    Instruction::StoreFast(i) => {
                        let v = frame.pop();
                        frame.fast[i as usize] = Some(v);
                    }
                    Instruction::DeleteFast(i) => {
                        if frame.fast[i as usize].take().is_none() {
                            return Err(self.unbound_local(frame, i));
                        }
                    }
                    Instruction::LoadDeref(i) => self.op_load_deref(tx, frame, i)?,
                    Instruction::StoreDeref(i) => {
                        let v = frame.pop();
                        if let Payload::Cell(c) = &frame.cells[i as usize].payload {
                            tx.write(c, v)?;
                        }
                    }
                    Instruction::DeleteDeref(i) => self.op_delete_deref(tx, frame, i)?,
                    Instruction::LoadClosure(i) => {
                        let c = frame.cells[i as usize].clone();
                        frame.push(Value::Obj(c));
                    }
                    Instruction::LoadClassDeref(i) => self.op_load_class_deref(tx, frame, i)?,
                    Instruction::LoadGlobal(i) => {
                        let name = &code.names[i as usize];
                        match self.load_global(tx, &frame.globals, name)? {
                            Some(v) => frame.push(v),
                            None => return Err(name_error(name)),
                        }
                    }
                    Instruction::StoreGlobal(i) => {
                        let v = frame.pop();
                        let name = frame.code.names[i as usize].clone();
                        crate::builtins::dict_set_str(tx, &frame.globals, name, v)?;
                    }
                    Instruction::DeleteGlobal(i) => self.op_delete_global(tx, frame, i)?,
                    Instruction::LoadName(i) => self.op_load_name(tx, frame, i)?,
                    Instruction::StoreName(i) => {
                        let v = frame.pop();
                        let name = frame.code.names[i as usize].clone();
                        let target = frame
                            .locals
                            .clone()
                            .unwrap_or_else(|| frame.globals.clone());
                        crate::builtins::mapping_set(self, tx, &target, name, v)?;
                    }
                    Instruction::DeleteName(i) => self.op_delete_name(tx, frame, i)?,
                    Instruction::LoadAttr(i) => {
                        let obj = frame.pop();
                        let name = &code.names[i as usize];
                        let v = match ops::instance_attr_fast(self, tx, &obj, name)? {
                            Some(v) => v,
                            None => ops::getattr(self, tx, &obj, name)?,
                        };
                        frame.push(v);
                    }
                    Instruction::StoreAttr(i) => {
                        let obj = frame.pop();
                        let v = frame.pop();
                        let name = &code.names[i as usize];
                        if let Err(v) = ops::instance_setattr_fast(self, tx, &obj, name, v)? {
                            ops::setattr(self, tx, &obj, name, v)?;
                        }
                    }
                    Instruction::DeleteAttr(i) => {
                        let obj = frame.pop();
                        let name = frame.code.names[i as usize].clone();
                        ops::delattr(self, tx, &obj, &name)?;
                    }
                    Instruction::LoadMethod(i) => self.op_load_method(tx, frame, i)?,
                    Instruction::GlobalSubscrStart { name, a, b } => {
                        self.op_global_subscr_start(tx, frame, name, [a, b])?
                    }
                    Instruction::GlobalSubscrEnd(name) => {
                        self.op_global_subscr_end(tx, frame, name)?
                    }
                    Instruction::BinarySubscr => {
                        let key = frame.pop();
                        let container = frame.pop();
                        let v = match crate::eval_ops::fast_subscr(tx, &container, &key)? {
                            Some(v) => v,
                            None => crate::builtins::getitem(self, tx, &container, &key)?,
                        };
                        frame.push(v);
                    }
                    Instruction::StoreSubscr => {
                        let key = frame.pop();
                        let container = frame.pop();
                        let v = frame.pop();
                        if let Err(v) = crate::eval_ops::fast_store_subscr(tx, &container, &key, v)?
                        {
                            crate::builtins::setitem(self, tx, &container, key, v)?;
                        }
                    }
                    Instruction::DeleteSubscr => {
                        let key = frame.pop();
                        let container = frame.pop();
                        crate::builtins::delitem(self, tx, &container, &key)?;
                    }
                    Instruction::UnaryOp(op) => {
                        let v = frame.pop();
                        let r = ops::unary(self, tx, op, &v)?;
                        frame.push(r);
                    }
                    Instruction::BinaryOp(op) => {
                        let b = frame.pop();
                        let a = frame.pop();
                        if let Some(r) = crate::eval_ops::fast_binary(op, &a, &b) {
                            frame.push(r);
                            continue;
                        }
                        let r = match (&a, &b, op) {
                            (Value::Obj(_), Value::Obj(_), BinOp::InplaceAdd) => {
                                match crate::eval_ops::concat_in_place(frame, a, &b) {
                                    Ok(r) => r,
                                    Err(a) => ops::binary(self, tx, op, &a, &b)?,
                                }
                            }
                            _ => ops::binary(self, tx, op, &a, &b)?,
                        };
                        frame.push(r);
                    }
                    Instruction::CompareOp(op) => {
                        let b = frame.pop();
                        let a = frame.pop();
                        let r = match crate::eval_ops::fast_compare(op, &a, &b) {
                            Some(r) => Value::Bool(r),
                            None => ops::compare(self, tx, op, &a, &b)?,
                        };
                        frame.push(r);
                    }
                    Instruction::IsOp(invert) => {
                        let b = frame.pop();
                        let a = frame.pop();
                        frame.push(Value::Bool(a.is(&b) != invert));
                    }
                    Instruction::ContainsOp(invert) => {
                        let b = frame.pop();
                        let a = frame.pop();
                        let r = ops::contains(self, tx, &b, &a)?;
                        frame.push(Value::Bool(r != invert));
                    }
                    Instruction::BuildTuple(n) => {
                        let items = frame.stack.split_off(frame.stack.len() - n as usize);
                        frame.push(Value::tuple(items));
                    }
                    Instruction::BuildList(n) => {
                        let items = frame.stack.split_off(frame.stack.len() - n as usize);
                        frame.push(Value::list_from(items));
                    }
                    Instruction::BuildSet(n) => self.op_build_set(tx, frame, n)?,
                    Instruction::BuildMap(n) => self.op_build_map(tx, frame, n)?,
                    Instruction::BuildString(n) => {
                        let items = frame.stack.split_off(frame.stack.len() - n as usize);
                        let mut s = String::new();
                        for it in &items {
                            if let Some(p) = it.as_str() {
                                s.push_str(p.as_str());
                            }
                        }
                        frame.push(Value::string(s));
                    }
                    Instruction::BuildSlice(n) => {
                        let step = if n == 3 { frame.pop() } else { Value::None };
                        let stop = frame.pop();
                        let start = frame.pop();
                        frame.push(Value::slice(start, stop, step));
                    }
                    Instruction::ListAppend(i) => {
                        let v = frame.pop();
                        let target = &frame.stack[frame.stack.len() - i as usize];
                        if let Some(Payload::List(l)) = target.payload() {
                            tx.modify(l, |l| l.push_back(v))?;
                        }
                    }
                    Instruction::SetAdd(i) => {
                        let v = frame.pop();
                        let target = frame.stack[frame.stack.len() - i as usize].clone();
                        crate::builtins::set_add(self, tx, &target, v)?;
                    }
                    Instruction::MapAdd(i) => {
                        let v = frame.pop();
                        let k = frame.pop();
                        let target = frame.stack[frame.stack.len() - i as usize].clone();
                        crate::builtins::dict_set(self, tx, &target, k, v)?;
                    }
                    Instruction::ListExtend(i) => {
                        let it = frame.pop();
                        let target = frame.stack[frame.stack.len() - i as usize].clone();
                        crate::builtins::list_extend(self, tx, &target, &it)?;
                    }
                    Instruction::SetUpdate(i) => {
                        let it = frame.pop();
                        let target = frame.stack[frame.stack.len() - i as usize].clone();
                        for v in crate::iter::collect(self, tx, &it)? {
                            crate::builtins::set_add(self, tx, &target, v)?;
                        }
                    }
                    Instruction::DictUpdate(i) => self.op_dict_update(tx, frame, i, false)?,
                    Instruction::DictMerge(i) => self.op_dict_update(tx, frame, i, true)?,
                    Instruction::ListToTuple => {
                        let l = frame.pop();
                        let items = crate::iter::collect(self, tx, &l)?;
                        frame.push(Value::tuple(items));
                    }
                    Instruction::UnpackSequence(n) => self.op_unpack(tx, frame, n)?,
                    Instruction::UnpackEx { before, after } => {
                        self.op_unpack_ex(tx, frame, before, after)?
                    }
                    Instruction::FormatValue {
                        conversion,
                        has_spec,
                    } => self.op_format_value(tx, frame, conversion, has_spec)?,
                    Instruction::Jump(t) => {
                        let t = t as usize;
                        if t < frame.pc {
                            self.budget -= (frame.pc - t) as i64;
                            frame.pc = t;
                            if self.budget <= 0 && boundaries {
                                return Ok(Exit::Boundary);
                            }
                        } else {
                            frame.pc = t;
                        }
                    }
                    Instruction::PopJumpIfFalse(t) => {
                        let v = frame.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => ops::truthy(self, tx, &v)?,
                        };
                        if !b {
                            frame.pc = t as usize;
                        }
                    }
                    Instruction::PopJumpIfTrue(t) => {
                        let v = frame.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => ops::truthy(self, tx, &v)?,
                        };
                        if b {
                            frame.pc = t as usize;
                        }
                    }
                    Instruction::PopJumpIfNone(t) => {
                        if frame.pop().is_none() {
                            frame.pc = t as usize;
                        }
                    }
                    Instruction::PopJumpIfNotNone(t) => {
                        if !frame.pop().is_none() {
                            frame.pc = t as usize;
                        }
                    }
                    Instruction::JumpIfFalseOrPop(t) => {
                        let v = frame.top().clone();
                        if !ops::truthy(self, tx, &v)? {
                            frame.pc = t as usize;
                        } else {
                            frame.pop();
                        }
                    }
                    Instruction::JumpIfTrueOrPop(t) => {
                        let v = frame.top().clone();
                        if ops::truthy(self, tx, &v)? {
                            frame.pc = t as usize;
                        } else {
                            frame.pop();
                        }
                    }
                    Instruction::GetIter => self.op_get_iter(tx, frame)?,
                    Instruction::GetIterArg => self.op_get_iter_arg(tx, frame)?,
                    Instruction::IterArg => self.op_iter_arg(tx, frame)?,
                    Instruction::ForIter(t) => self.op_for_iter(tx, frame, t)?,
                    Instruction::Call(argc) => {
                        let start = frame.stack.len() - argc as usize;
                        if self.call_at(tx, frame, start - 1, start, &[])? {
                            self.budget -= CALL_COST;
                            if self.budget <= 0 && boundaries {
                                return Ok(Exit::Boundary);
                            }
                            continue 'frames;
                        } else if self.budget <= 0 && boundaries {
                            // A native asked for a boundary right after it (threads).
                            return Ok(Exit::Boundary);
                        }
                    }
                    Instruction::CallMethod(argc) => {
                        let start = frame.stack.len() - argc as usize;
                        let self_slot = start - 1;
                        if argc == 1 && crate::eval_ops::list_append_fast(tx, frame, self_slot)? {
                            continue;
                        }
                        let args_start = if crate::vm::is_marker(&frame.stack[self_slot]) {
                            start
                        } else {
                            self_slot
                        };
                        if self.call_at(tx, frame, self_slot - 1, args_start, &[])? {
                            self.budget -= CALL_COST;
                            if self.budget <= 0 && boundaries {
                                return Ok(Exit::Boundary);
                            }
                            continue 'frames;
                        } else if self.budget <= 0 && boundaries {
                            // A native asked for a boundary right after it (threads).
                            return Ok(Exit::Boundary);
                        }
                    }
                    Instruction::CallKw(argc) => {
                        let kwnames = frame.pop();
                        let names: Vec<Value> =
                            kwnames.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                        let start = frame.stack.len() - argc as usize;
                        let npos = argc as usize - names.len();
                        let kwvals = frame.stack.split_off(start + npos);
                        let kw: Vec<(Value, Value)> = names.into_iter().zip(kwvals).collect();
                        if self.call_at(tx, frame, start - 1, start, &kw)? {
                            self.budget -= CALL_COST;
                            if self.budget <= 0 && boundaries {
                                return Ok(Exit::Boundary);
                            }
                            continue 'frames;
                        } else if self.budget <= 0 && boundaries {
                            // A native asked for a boundary right after it (threads).
                            return Ok(Exit::Boundary);
                        }
                    }
                    Instruction::CallFunctionEx(has_kw) => {
                        let kwargs = if has_kw { frame.pop() } else { Value::None };
                        let args = frame.pop();
                        let f = frame.pop();
                        let args = crate::iter::collect(self, tx, &args)?;
                        let kw = crate::builtins::kwargs_pairs(tx, &kwargs)?;
                        let start = frame.stack.len();
                        frame.push(f);
                        frame.stack.extend(args);
                        if self.call_at(tx, frame, start, start + 1, &kw)? {
                            self.budget -= CALL_COST;
                            if self.budget <= 0 && boundaries {
                                return Ok(Exit::Boundary);
                            }
                            continue 'frames;
                        } else if self.budget <= 0 && boundaries {
                            // A native asked for a boundary right after it (threads).
                            return Ok(Exit::Boundary);
                        }
                    }
                    Instruction::MakeFunction(flags) => self.op_make_function(tx, frame, flags)?,
                    Instruction::ReturnValue => {
                        let v = frame.pop();
                        if self.frames.len() <= base {
                            return Ok(Exit::Return(v));
                        }
                        let done = std::mem::replace(
                            frame,
                            self.frames.pop().unwrap_or_else(unreachable_frame),
                        );
                        self.recycle(done);
                        self.depth -= 1;
                        frame.push(v);
                        self.budget -= CALL_COST;
                        if self.budget <= 0 && boundaries {
                            return Ok(Exit::Boundary);
                        }
                        continue 'frames;
                    }
                    Instruction::LoadBuildClass => {
                        let v =
                            self.load_global(tx, &frame.globals, &Value::str("__build_class__"))?;
                        frame.push(v.unwrap_or_default());
                    }
                    Instruction::SetupAnnotations => self.op_setup_annotations(tx, frame)?,
                    Instruction::YieldValue => {
                        let v = frame.pop();
                        if self.frames.len() <= base {
                            return Ok(Exit::Yield(v));
                        }
                        return Err(Unwind::new(
                            ExcKind::SystemError,
                            "yield outside a generator frame",
                        ));
                    }
                    Instruction::GetYieldFromIter => {
                        let v = frame.pop();
                        let it = if crate::iter::is_generator(&v) {
                            v
                        } else {
                            crate::iter::iter(self, tx, &v)?
                        };
                        frame.push(it);
                    }
                    Instruction::Send(t) => self.op_send(tx, frame, t)?,
                    Instruction::RaiseVarargs(n) => return Err(self.op_raise(tx, frame, n)?),
                    Instruction::Reraise => {
                        let exc = frame.pop();
                        self.reraising = true;
                        return Err(match exc {
                            Value::Obj(o) => Unwind::Exc(o),
                            _ => Unwind::new(ExcKind::SystemError, "reraise of a non-exception"),
                        });
                    }
                    Instruction::PushExcInfo => {
                        let exc = frame.pop();
                        let prev = std::mem::replace(&mut self.handled, exc.clone());
                        frame.push(prev);
                        frame.push(exc);
                    }
                    Instruction::PopExcept => {
                        self.handled = frame.pop();
                    }
                    Instruction::CheckExcMatch => {
                        let ty = frame.pop();
                        let exc = frame.top().clone();
                        let r = crate::exceptions::exc_matches(tx, &exc, &ty)?;
                        frame.push(Value::Bool(r));
                    }
                    Instruction::LoadAssertionError => {
                        let t = stmpy_core::types::types()
                            .exc(ExcKind::AssertionError)
                            .clone();
                        frame.push(Value::Obj(t));
                    }
                    Instruction::BeforeWith => {
                        if let Some(callee) = self.op_before_with(tx, frame)? {
                            // A Python `__enter__`: called like any Python function.
                            self.enter_frame(frame, callee)?;
                            self.budget -= CALL_COST;
                            continue 'frames;
                        }
                        // `with stm.atomic:` starts its own transaction (a `retry` in
                        // it re-runs the block, not what came before it).
                        if self.budget == crate::threads::ATOMIC_SPLIT && boundaries {
                            return Ok(Exit::Boundary);
                        }
                    }
                    Instruction::WithExceptStart => {
                        let n = frame.stack.len();
                        let exc = frame.stack[n - 1].clone();
                        let exit = frame.stack[n - 3].clone();
                        let ty = Value::Obj(stmpy_core::types::type_of(&exc).clone());
                        let r = self.call(tx, &exit, &[ty, exc, Value::None], &[])?;
                        frame.push(r);
                    }
                    Instruction::ImportName(i) => {
                        let fromlist = frame.pop();
                        let level = frame.pop();
                        let name = frame.code.names[i as usize].clone();
                        let m = crate::import::import_name(
                            self,
                            tx,
                            &name,
                            &frame.globals,
                            &fromlist,
                            &level,
                        )?;
                        frame.push(m);
                    }
                    Instruction::ImportFrom(i) => {
                        let m = frame.top().clone();
                        let name = frame.code.names[i as usize].clone();
                        let v = crate::import::import_from(self, tx, &m, &name)?;
                        frame.push(v);
                    }
                    Instruction::ImportStar => {
                        let m = frame.pop();
                        let target = frame
                            .locals
                            .clone()
                            .unwrap_or_else(|| frame.globals.clone());
                        crate::import::import_star(self, tx, &m, &target)?;
                    }
                    Instruction::MatchClass(n) => self.op_match_class(tx, frame, n)?,
                    Instruction::MatchMapping => {
                        let r = matches!(frame.top().payload(), Some(Payload::Dict(_)));
                        frame.push(Value::Bool(r));
                    }
                    Instruction::MatchSequence => {
                        let r = matches!(
                            frame.top().payload(),
                            Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range(..))
                        );
                        frame.push(Value::Bool(r));
                    }
                    Instruction::MatchKeys => self.op_match_keys(tx, frame)?,
                    Instruction::CopyDictWithoutKeys => {
                        self.op_copy_dict_without_keys(tx, frame)?
                    }
                    Instruction::GetLen => {
                        let v = frame.top().clone();
                        let n = ops::len(self, tx, &v)?;
                        frame.push(Value::Int(n as i64));
                    }
                    Instruction::PrintExpr => {
                        let v = frame.pop();
                        if !v.is_none() {
                            let s = ops::repr(self, tx, &v)?;
                            self.out.stdout.extend_from_slice(s.as_bytes());
                            self.out.stdout.push(b'\n');
                            crate::builtins::dict_set_str(
                                tx,
                                &self.shared.builtins.clone(),
                                Value::str("_"),
                                v,
                            )?;
                        }
                    }
                }
            }
        }
    }

    /// Calls the callable at `stack[fpos]` with positional arguments `stack[args..]` and
    /// `kw`. A Python function gets a new frame that becomes the running one (returns
    /// true); anything else runs now and its result replaces callable and arguments.
    #[inline]
    fn call_at(
        &mut self,
        tx: &Tx,
        frame: &mut Box<Frame>,
        fpos: usize,
        args: usize,
        kw: &[(Value, Value)],
    ) -> PyResult<bool> {
        let f = frame.stack[fpos].clone();
        if let Value::Obj(o) = &f {
            let bound_self;
            let (fobj, func, self_arg) = match &o.payload {
                Payload::Function(func) => (o, func, None),
                Payload::BoundMethod(s, Value::Obj(mo)) => match &mo.payload {
                    Payload::Function(func) => {
                        bound_self = s.clone();
                        (mo, func, Some(&bound_self))
                    }
                    _ => return self.call_native_at(tx, frame, &f, fpos, args, kw),
                },
                _ => return self.call_native_at(tx, frame, &f, fpos, args, kw),
            };
            let callee = match self_arg {
                None => self.bind_frame(tx, fobj, func, &frame.stack[args..], kw)?,
                Some(s) => {
                    let mut full = Vec::with_capacity(frame.stack.len() - args + 1);
                    full.push(s.clone());
                    full.extend_from_slice(&frame.stack[args..]);
                    self.bind_frame(tx, fobj, func, &full, kw)?
                }
            };
            frame.stack.truncate(fpos);
            if callee
                .code
                .code
                .flags
                .has(crate::bytecode::CodeFlags::GENERATOR)
            {
                frame.push(crate::iter::new_generator(callee));
                return Ok(false);
            }
            self.enter_frame(frame, callee)?;
            return Ok(true);
        }
        self.call_native_at(tx, frame, &f, fpos, args, kw)
    }

    /// Makes `callee` the running frame; the caller waits on the frame stack.
    #[inline(always)]
    fn enter_frame(&mut self, frame: &mut Box<Frame>, callee: Box<Frame>) -> PyResult<()> {
        self.check_recursion()?;
        self.depth += 1;
        let caller = std::mem::replace(frame, callee);
        self.frames.push(caller);
        Ok(())
    }

    fn call_native_at(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        f: &Value,
        fpos: usize,
        args: usize,
        kw: &[(Value, Value)],
    ) -> PyResult<bool> {
        let needs_frame = match f.payload() {
            Some(Payload::Native(n)) => n.needs_frame,
            Some(Payload::Type(_)) => f
                .obj()
                .is_some_and(|o| o.is(&stmpy_core::types::types().super_)),
            _ => false,
        };
        if !needs_frame {
            let r = self.call(tx, f, &frame.stack[args..], kw)?;
            frame.stack.truncate(fpos);
            frame.push(r);
            return Ok(false);
        }
        // The caller's snapshot (it holds the frame's locals) lives only for the call:
        // kept afterwards, it would keep those objects alive.
        let prev = self
            .caller
            .replace(crate::builtins::funcs::CallerInfo::of(tx, frame)?);
        let r = self.call(tx, f, &frame.stack[args..], kw);
        self.caller = prev;
        let r = r?;
        frame.stack.truncate(fpos);
        frame.push(r);
        Ok(false)
    }

    fn unbound_local(&self, frame: &Frame, i: u32) -> Unwind {
        let name = frame
            .code
            .code
            .varnames
            .get(i as usize)
            .cloned()
            .unwrap_or_default();
        Unwind::new(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    /// Increments the Python integer in fast slot... (see eval_ops for the rest).
    pub fn priv_iter_kind(v: &Value, tx: &Tx) -> PyResult<Option<PrivIterKind>> {
        let _ = tx;
        Ok(match v.payload() {
            Some(Payload::Range(a, b, c)) => Some(PrivIterKind::Range {
                next: *a,
                stop: *b,
                step: *c,
            }),
            Some(Payload::List(_)) => v.obj().map(|o| PrivIterKind::List {
                list: o.clone(),
                index: 0,
            }),
            Some(Payload::Tuple(_)) => v.obj().map(|o| PrivIterKind::Tuple {
                tuple: o.clone(),
                index: 0,
            }),
            _ => None,
        })
    }
}

pub fn name_error(name: &Value) -> Unwind {
    let n = name.as_str().map(|s| s.as_str()).unwrap_or("?");
    let mut attrs = stmpy_core::dict::DictData::new();
    attrs.insert_str(
        Value::str("name"),
        stmpy_core::str::str_hash("name"),
        name.clone(),
    );
    let err = stmpy_core::error::new_exception_with_attrs(
        stmpy_core::types::types().exc(ExcKind::NameError),
        vec![Value::string(format!("name '{n}' is not defined"))],
        attrs,
    );
    Unwind::Exc(err)
}

#[cold]
fn unreachable_frame() -> Box<Frame> {
    panic!("frame stack underflow")
}
