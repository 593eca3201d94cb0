//! Statements: assignments, control flow, exception handling, `with`, definitions,
//! imports. Exception handling follows CPython 3.11's table-driven shapes (documented in
//! `bytecode/code.rs` and `bytecode/opcode.rs`).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::symtable::NameScope;
use super::unit::{FBlock, FBlockKind, Label};
use super::{CResult, Compiler, Mode, NameOp, docstring, find_annotations};
use crate::bytecode::{CodeFlags, Constant, Instruction as I, MakeFunctionFlags};

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Return(r) => self.return_stmt(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(I::Copy(1));
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::With(w) => {
                if w.is_async {
                    return Err(self.error("'async with' outside async function", w.range));
                }
                self.with_stmt(w, 0)?
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.set_loc(s.range());
                self.emit(I::RaiseVarargs(n));
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(self.error("except* is not supported", t.range));
                }
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::Assert(a) => {
                let end = self.u().new_label();
                self.jump_if(&a.test, true, end)?;
                self.set_loc(s.range());
                self.emit(I::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(I::Call(1));
                }
                self.set_loc(s.range());
                self.emit(I::RaiseVarargs(1));
                self.u().bind(end);
            }
            Stmt::Import(i) => self.import(i)?,
            Stmt::ImportFrom(i) => self.import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Expr(e) => {
                if self.mode == Mode::Interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(I::PrintExpr);
                } else if is_constant_expr(&e.value) {
                    // A bare constant (docstring-like) has no effect, as in CPython.
                    self.emit(I::Nop);
                } else {
                    self.expr(&e.value)?;
                    self.emit(I::PopTop);
                }
            }
            Stmt::Pass(_) => self.emit(I::Nop),
            Stmt::Break(b) => self.break_continue(b.range, true)?,
            Stmt::Continue(c) => self.break_continue(c.range, false)?,
            Stmt::TypeAlias(t) => return Err(self.error("invalid syntax", t.range)),
            Stmt::IpyEscapeCommand(e) => return Err(self.error("invalid syntax", e.range)),
        }
        Ok(())
    }

    // ---- assignment ----

    pub(crate) fn store_target(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), NameOp::Store),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(t.range());
                let i = self.name_idx(a.attr.id.as_str());
                self.emit(I::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.slice_or_expr(&s.slice)?;
                self.set_loc(t.range());
                self.emit(I::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(elts, t.range())?;
            }
            Expr::Starred(s) => {
                return Err(self.error(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                ));
            }
            _ => return Err(self.error("cannot assign to expression", t.range())),
        }
        Ok(())
    }

    fn unpack_into(&mut self, elts: &'a [Expr], range: TextRange) -> CResult<()> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        match star {
            None => self.emit(I::UnpackSequence(elts.len() as u32)),
            Some(i) => {
                if elts[i + 1..].iter().any(|e| matches!(e, Expr::Starred(_))) {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                let before = i;
                let after = elts.len() - i - 1;
                if before > u16::MAX as usize || after > u16::MAX as usize {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", range)
                    );
                }
                self.emit(I::UnpackEx {
                    before: before as u16,
                    after: after as u16,
                });
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), NameOp::Delete),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_idx(a.attr.id.as_str());
                self.emit(I::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.slice_or_expr(&s.slice)?;
                self.set_loc(t.range());
                self.emit(I::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(self.error("cannot delete expression", t.range())),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = super::expr::binop(a.op).inplace();
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), NameOp::Load);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(I::BinaryOp(op));
                self.name_op(n.id.as_str(), NameOp::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(I::Copy(1));
                let i = self.name_idx(at.attr.id.as_str());
                self.set_loc(at.range);
                self.emit(I::LoadAttr(i));
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(I::BinaryOp(op));
                self.emit(I::Swap(2));
                self.emit(I::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.slice_or_expr(&s.slice)?;
                self.emit(I::Copy(2));
                self.emit(I::Copy(2));
                self.set_loc(s.range);
                self.emit(I::BinarySubscr);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(I::BinaryOp(op));
                self.emit(I::Swap(3));
                self.emit(I::Swap(2));
                self.emit(I::StoreSubscr);
            }
            _ => {
                return Err(self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    a.target.range(),
                ));
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        let in_function = self.table.scopes[self.ur().scope].is_function_like();
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        if in_function {
            return Ok(());
        }
        match &*a.target {
            Expr::Name(n) if a.simple => {
                // __annotations__[name] = annotation (CPython 3.11, no PEP 563).
                self.expr(&a.annotation)?;
                self.set_loc(a.range);
                self.name_op("__annotations__", NameOp::Load);
                let private = self.ur().private.clone();
                let name = super::mangle(private.as_deref(), n.id.as_str()).into_owned();
                self.load_const(Constant::Str(name.into()));
                self.emit(I::StoreSubscr);
            }
            target => {
                if a.value.is_none() {
                    // The target's object parts are still evaluated.
                    match target {
                        Expr::Attribute(at) => {
                            self.expr(&at.value)?;
                            self.emit(I::PopTop);
                        }
                        Expr::Subscript(s) => {
                            self.expr(&s.value)?;
                            self.emit(I::PopTop);
                            self.slice_or_expr(&s.slice)?;
                            self.emit(I::PopTop);
                        }
                        _ => {}
                    }
                }
                self.expr(&a.annotation)?;
                self.emit(I::PopTop);
            }
        }
        Ok(())
    }

    // ---- control flow ----

    fn if_stmt(&mut self, s: &'a ast::StmtIf) -> CResult<()> {
        let end = self.u().new_label();
        let mut next = self.u().new_label();
        self.jump_if(&s.test, false, next)?;
        self.stmts(&s.body)?;
        for clause in &s.elif_else_clauses {
            self.emit(I::Jump(end.0));
            self.u().bind(next);
            next = self.u().new_label();
            self.set_loc(clause.range);
            if let Some(test) = &clause.test {
                self.jump_if(test, false, next)?;
            }
            self.stmts(&clause.body)?;
        }
        self.u().bind(next);
        self.u().bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let head = self.u().new_label();
        let orelse = self.u().new_label();
        let exit = self.u().new_label();
        self.u().bind(head);
        if !is_true_constant(&w.test) {
            self.jump_if(&w.test, false, orelse)?;
        }
        self.push_fblock(FBlockKind::While { head, exit });
        self.stmts(&w.body)?;
        self.pop_fblock();
        self.set_loc(w.test.range());
        self.emit(I::Jump(head.0));
        self.u().bind(orelse);
        self.stmts(&w.orelse)?;
        self.u().bind(exit);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let head = self.u().new_label();
        let orelse = self.u().new_label();
        let exit = self.u().new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(I::GetIter);
        self.u().bind(head);
        self.emit(I::ForIter(orelse.0));
        self.store_target(&f.target)?;
        self.push_fblock(FBlockKind::For { head, exit });
        self.stmts(&f.body)?;
        self.pop_fblock();
        self.set_loc(f.iter.range());
        self.emit(I::Jump(head.0));
        self.u().bind(orelse);
        self.stmts(&f.orelse)?;
        self.u().bind(exit);
        Ok(())
    }

    fn break_continue(&mut self, range: TextRange, is_break: bool) -> CResult<()> {
        let loop_idx =
            self.ur().fblocks.iter().rposition(|fb| {
                matches!(fb.kind, FBlockKind::While { .. } | FBlockKind::For { .. })
            });
        let Some(idx) = loop_idx else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.error(msg, range));
        };
        let (head, exit) = match self.ur().fblocks[idx].kind {
            FBlockKind::While { head, exit } | FBlockKind::For { head, exit } => (head, exit),
            _ => unreachable!("loop fblock"),
        };
        if is_break {
            self.unwind_then(idx, false, |c| c.emit(I::Jump(exit.0)))?;
        } else {
            self.unwind_then(idx + 1, false, |c| c.emit(I::Jump(head.0)))?;
        }
        Ok(())
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        if !self.table.scopes[self.ur().scope].is_function_like() {
            return Err(self.error("'return' outside function", r.range));
        }
        let preserve = match &r.value {
            Some(v) => {
                self.expr(v)?;
                true
            }
            None => false,
        };
        self.set_loc(r.range);
        self.unwind_then(0, preserve, |c| {
            if !preserve {
                c.load_none();
            }
            c.emit(I::ReturnValue);
        })
    }

    pub(crate) fn push_fblock(&mut self, kind: FBlockKind<'a>) {
        let outer_handler = self.ur().cur_handler;
        self.u().fblocks.push(FBlock {
            kind,
            outer_handler,
        });
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Undoes the blocks above `stop` (innermost first) for a jump out of them, runs
    /// `then` (the jump or return itself), and restores the compile-time block state.
    fn unwind_then(
        &mut self,
        stop: usize,
        preserve_tos: bool,
        then: impl FnOnce(&mut Self),
    ) -> CResult<()> {
        let saved_handler = self.ur().cur_handler;
        let saved_loc = self.ur().loc;
        let mut popped = Vec::new();
        while self.ur().fblocks.len() > stop {
            let fb = self.u().fblocks.pop().expect("fblock");
            self.u().cur_handler = fb.outer_handler;
            self.unwind_one(&fb, preserve_tos)?;
            self.u().loc = saved_loc;
            popped.push(fb);
        }
        then(self);
        let u = self.u();
        while let Some(fb) = popped.pop() {
            u.fblocks.push(fb);
        }
        u.cur_handler = saved_handler;
        Ok(())
    }

    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match &fb.kind {
            FBlockKind::While { .. } | FBlockKind::TryExcept => {}
            FBlockKind::For { .. } | FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(I::Swap(2));
                }
                self.emit(I::PopTop);
            }
            FBlockKind::FinallyTry(body) => {
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd(after) => {
                if preserve_tos {
                    self.emit(I::Swap(2));
                }
                self.emit(I::PopTop);
                if preserve_tos {
                    self.emit(I::Swap(2));
                }
                self.emit(I::PopExcept);
                self.u().cur_handler = *after;
            }
            FBlockKind::With => {
                if preserve_tos {
                    self.emit(I::Swap(2));
                }
                self.call_exit_with_nones();
            }
            FBlockKind::HandlerCleanup(name, after) => {
                if preserve_tos {
                    self.emit(I::Swap(2));
                }
                self.emit(I::PopExcept);
                self.u().cur_handler = *after;
                if let Some(name) = name {
                    self.clear_name(name);
                }
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(I::Call(3));
        self.emit(I::PopTop);
    }

    /// `name = None; del name` (the except-as cleanup).
    fn clear_name(&mut self, name: &str) {
        self.load_none();
        self.name_op(name, NameOp::Store);
        self.name_op(name, NameOp::Delete);
    }

    // ---- exceptions ----

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let d = self.ur().cur_depth();
        let handler = self.u().new_label();
        let cleanup = self.u().new_label();
        let end = self.u().new_label();
        let outer = self.ur().cur_handler;

        self.push_fblock(FBlockKind::TryExcept);
        self.u().cur_handler = Some((handler, d));
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.u().cur_handler = outer;
        self.stmts(&t.orelse)?;
        self.emit(I::Jump(end.0));

        // The handler: [prev exc] with the cleanup handler restoring `prev` on escape.
        self.u().bind_handler(handler, d + 1);
        self.u().cur_handler = Some((cleanup, d + 1));
        self.emit(I::PushExcInfo);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.u().new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(I::CheckExcMatch);
                    self.emit(I::PopJumpIfFalse(next.0));
                }
                None if i + 1 < n => {
                    let start = h.range.start();
                    let header = TextRange::new(start, start + ruff_text_size::TextSize::new(7));
                    return Err(self.error("default 'except:' must be last", header));
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    let name = name.id.as_str();
                    self.name_op(name, NameOp::Store);
                    let body_cleanup = self.u().new_label();
                    self.u().cur_handler = Some((body_cleanup, d + 1));
                    self.push_fblock(FBlockKind::HandlerCleanup(Some(name.to_string()), outer));
                    // The fblock's outer handler must be the generic cleanup.
                    self.u().fblocks.last_mut().expect("fblock").outer_handler =
                        Some((cleanup, d + 1));
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.u().cur_handler = Some((cleanup, d + 1));
                    self.emit(I::PopExcept);
                    self.u().cur_handler = outer;
                    self.clear_name(name);
                    self.emit(I::Jump(end.0));
                    self.u().cur_handler = Some((cleanup, d + 1));
                    // An exception escaping the body: clear the name, re-raise.
                    self.u().bind_handler(body_cleanup, d + 2);
                    self.clear_name(name);
                    self.emit(I::Reraise);
                }
                None => {
                    self.emit(I::PopTop);
                    self.push_fblock(FBlockKind::HandlerCleanup(None, outer));
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.emit(I::PopExcept);
                    self.u().cur_handler = outer;
                    self.emit(I::Jump(end.0));
                    self.u().cur_handler = Some((cleanup, d + 1));
                }
            }
            self.u().bind(next);
        }
        // No clause matched: re-raise (through the cleanup handler).
        self.emit(I::Reraise);
        self.u().cur_handler = outer;
        self.u().bind_handler(cleanup, d + 2);
        self.emit(I::Swap(2));
        self.emit(I::PopExcept);
        self.emit(I::Reraise);
        self.u().bind(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let d = self.ur().cur_depth();
        let handler = self.u().new_label();
        let cleanup = self.u().new_label();
        let end = self.u().new_label();
        let outer = self.ur().cur_handler;

        self.push_fblock(FBlockKind::FinallyTry(&t.finalbody));
        self.u().cur_handler = Some((handler, d));
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.u().cur_handler = outer;
        self.stmts(&t.finalbody)?;
        self.emit(I::Jump(end.0));

        self.u().bind_handler(handler, d + 1);
        self.u().cur_handler = Some((cleanup, d + 1));
        self.emit(I::PushExcInfo);
        self.push_fblock(FBlockKind::FinallyEnd(outer));
        self.u().fblocks.last_mut().expect("fblock").outer_handler = Some((cleanup, d + 1));
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(I::Reraise);
        self.u().cur_handler = outer;
        self.u().bind_handler(cleanup, d + 2);
        self.emit(I::Swap(2));
        self.emit(I::PopExcept);
        self.emit(I::Reraise);
        self.u().bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult<()> {
        let it = &w.items[item];
        let d = self.ur().cur_depth();
        let handler = self.u().new_label();
        let cleanup = self.u().new_label();
        let suppress = self.u().new_label();
        let end = self.u().new_label();
        let outer = self.ur().cur_handler;

        self.expr(&it.context_expr)?;
        self.set_loc(it.range);
        self.emit(I::BeforeWith);
        self.push_fblock(FBlockKind::With);
        self.u().cur_handler = Some((handler, d + 1));
        match &it.optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(I::PopTop),
        }
        if item + 1 < w.items.len() {
            self.with_stmt(w, item + 1)?;
        } else {
            self.stmts(&w.body)?;
        }
        self.pop_fblock();
        self.u().cur_handler = outer;
        self.set_loc(it.range);
        self.call_exit_with_nones();
        self.emit(I::Jump(end.0));

        // [exit exc] -> [exit prev exc]; __exit__ decides whether to suppress.
        self.u().bind_handler(handler, d + 2);
        self.u().cur_handler = Some((cleanup, d + 2));
        self.emit(I::PushExcInfo);
        self.emit(I::WithExceptStart);
        self.emit(I::PopJumpIfTrue(suppress.0));
        self.emit(I::Reraise);
        self.u().bind(suppress);
        self.u().cur_handler = outer;
        self.emit(I::PopTop);
        self.emit(I::PopExcept);
        self.emit(I::PopTop);
        self.emit(I::Jump(end.0));
        self.u().bind_handler(cleanup, d + 3);
        self.emit(I::Swap(2));
        self.emit(I::PopExcept);
        self.emit(I::Reraise);
        self.u().bind(end);
        Ok(())
    }

    // ---- definitions ----

    /// Pushes defaults / kw-defaults / annotations for a function; returns the flags.
    pub(crate) fn function_parts(
        &mut self,
        params: Option<&'a ast::Parameters>,
        returns: Option<&'a Expr>,
        annotations: bool,
    ) -> CResult<MakeFunctionFlags> {
        let mut flags = 0u8;
        if let Some(p) = params {
            let defaults: Vec<&Expr> = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .collect();
            if !defaults.is_empty() {
                for d in &defaults {
                    self.expr(d)?;
                }
                self.emit(I::BuildTuple(defaults.len() as u32));
                flags |= MakeFunctionFlags::DEFAULTS;
            }
            let mut n = 0;
            for a in p.kwonlyargs.iter() {
                if let Some(d) = &a.default {
                    let private = self.ur().private.clone();
                    let name = super::mangle(private.as_deref(), a.parameter.name.id.as_str())
                        .into_owned();
                    self.load_const(Constant::Str(name.into()));
                    self.expr(d)?;
                    n += 1;
                }
            }
            if n > 0 {
                self.emit(I::BuildMap(n));
                flags |= MakeFunctionFlags::KW_DEFAULTS;
            }
        }
        if annotations {
            let mut n = 0;
            if let Some(p) = params {
                for a in p.iter() {
                    if let Some(ann) = a.annotation() {
                        let private = self.ur().private.clone();
                        let name =
                            super::mangle(private.as_deref(), a.name().id.as_str()).into_owned();
                        self.load_const(Constant::Str(name.into()));
                        self.expr(ann)?;
                        n += 1;
                    }
                }
            }
            if let Some(r) = returns {
                self.load_const(Constant::Str("return".into()));
                self.expr(r)?;
                n += 1;
            }
            if n > 0 {
                self.emit(I::BuildMap(n));
                flags |= MakeFunctionFlags::ANNOTATIONS;
            }
        }
        Ok(MakeFunctionFlags(flags))
    }

    /// Loads the closure (if the code has free variables) and the code, then MakeFunction.
    pub(crate) fn make_function(
        &mut self,
        code: crate::bytecode::CodeObject,
        mut flags: MakeFunctionFlags,
    ) {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let slot = self
                    .ur()
                    .deref_slot(name)
                    .expect("free variable of a nested scope is a cell or free here");
                self.emit(I::LoadClosure(slot));
            }
            self.emit(I::BuildTuple(code.freevars.len() as u32));
            flags.0 |= MakeFunctionFlags::CLOSURE;
        }
        self.load_const(Constant::Code(std::sync::Arc::new(code)));
        self.emit(I::MakeFunction(flags));
    }

    /// Sets argument counts and copies captured arguments into their cells.
    pub(crate) fn function_prologue(&mut self, params: Option<&ast::Parameters>) {
        if let Some(p) = params {
            let u = self.u();
            u.posonly_argcount = p.posonlyargs.len() as u32;
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.kwonly_argcount = p.kwonlyargs.len() as u32;
            if p.vararg.is_some() {
                u.flags.set(CodeFlags::VARARGS);
            }
            if p.kwarg.is_some() {
                u.flags.set(CodeFlags::VARKEYWORDS);
            }
        }
        let scope = self.ur().scope;
        let params: Vec<String> = self.table.scopes[scope].params.clone();
        for (i, name) in params.iter().enumerate() {
            if self.table.scopes[scope].lookup(name) == NameScope::Cell {
                let slot = self.ur().deref_slot(name).expect("cell slot");
                self.emit(I::LoadFast(i as u32));
                self.emit(I::StoreDeref(slot));
            }
        }
    }

    fn first_line(&self, decorators: &[ast::Decorator], range: TextRange) -> u32 {
        let start = decorators
            .first()
            .map_or(range.start(), |d| d.range.start());
        self.index.line_col(start).0
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        if f.is_async {
            return Err(self.error("async functions are not supported", f.range));
        }
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_loc(f.range);
        let flags = self.function_parts(Some(&f.parameters), f.returns.as_deref(), true)?;
        let scope = self.table.scope_at(f.range);
        let first_line = self.first_line(&f.decorator_list, f.range);
        self.enter_unit(scope, f.name.id.as_str(), f.range, first_line);
        self.function_prologue(Some(&f.parameters));
        let mut body: &'a [Stmt] = &f.body;
        if let Some(doc) = docstring(body) {
            self.u().docstring = Some(doc);
            body = &body[1..];
        }
        self.stmts(body)?;
        if self.ur().reachable() {
            self.load_none();
            self.emit(I::ReturnValue);
        }
        let code = self.leave_unit();
        self.set_loc(f.range);
        self.make_function(code, flags);
        for _ in &f.decorator_list {
            self.emit(I::Call(1));
        }
        self.name_op(f.name.id.as_str(), NameOp::Store);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_loc(c.range);
        self.emit(I::LoadBuildClass);
        let scope = self.table.scope_at(c.range);
        let first_line = self.first_line(&c.decorator_list, c.range);
        let name = c.name.id.as_str();
        self.enter_unit(scope, name, c.range, first_line);
        self.name_op("__name__", NameOp::Load);
        self.name_op("__module__", NameOp::Store);
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::Str(qualname.into()));
        self.name_op("__qualname__", NameOp::Store);
        let mut body: &'a [Stmt] = &c.body;
        if let Some(doc) = docstring(body) {
            self.set_loc(body[0].range());
            self.load_const(Constant::Str(doc.into()));
            self.name_op("__doc__", NameOp::Store);
            body = &body[1..];
        }
        if find_annotations(body) {
            self.emit(I::SetupAnnotations);
        }
        self.stmts(body)?;
        if self.ur().reachable() {
            if self.table.scopes[scope].needs_class_cell {
                let slot = self.ur().deref_slot("__class__").expect("class cell");
                self.emit(I::LoadClosure(slot));
                self.emit(I::Copy(1));
                let i = self.u().add_name("__classcell__");
                self.emit(I::StoreName(i));
            } else {
                self.load_none();
            }
            self.emit(I::ReturnValue);
        }
        let code = self.leave_unit();
        self.set_loc(c.range);
        self.make_function(code, MakeFunctionFlags(0));
        self.load_const(Constant::Str(name.into()));
        match &c.arguments {
            Some(args) => self.call_args(2, &args.args, &args.keywords)?,
            None => self.emit(I::Call(2)),
        }
        for _ in &c.decorator_list {
            self.emit(I::Call(1));
        }
        self.name_op(name, NameOp::Store);
        Ok(())
    }

    // ---- imports ----

    fn import(&mut self, i: &'a ast::StmtImport) -> CResult<()> {
        for alias in &i.names {
            self.set_loc(alias.range);
            let full = alias.name.id.as_str();
            self.load_const(Constant::Int(0));
            self.load_none();
            let ni = self.u().add_name(full);
            self.emit(I::ImportName(ni));
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = full.split('.').collect();
                    if parts.len() > 1 {
                        // `import a.b.c as d` binds the submodule: walk down from `a`.
                        for (k, part) in parts[1..].iter().enumerate() {
                            let pi = self.u().add_name(part);
                            self.emit(I::ImportFrom(pi));
                            if k + 2 < parts.len() {
                                self.emit(I::Swap(2));
                                self.emit(I::PopTop);
                            }
                        }
                        self.name_op(asname.id.as_str(), NameOp::Store);
                        self.emit(I::PopTop);
                    } else {
                        self.name_op(asname.id.as_str(), NameOp::Store);
                    }
                }
                None => {
                    let top = full.split('.').next().unwrap_or(full);
                    self.name_op(top, NameOp::Store);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.id.as_str().into()))
            .collect();
        self.load_const(Constant::Int(i.level as i64));
        self.load_const(Constant::Tuple(names.into()));
        let module = i.module.as_ref().map_or("", |m| m.id.as_str());
        let mi = self.u().add_name(module);
        self.emit(I::ImportName(mi));
        for alias in &i.names {
            self.set_loc(alias.range);
            if alias.name.id.as_str() == "*" {
                self.emit(I::ImportStar);
                return Ok(());
            }
            let ni = self.u().add_name(alias.name.id.as_str());
            self.emit(I::ImportFrom(ni));
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store.id.as_str(), NameOp::Store);
        }
        self.emit(I::PopTop);
        Ok(())
    }

    /// `jump_if(e, cond, label)`: jumps to label when bool(e) == cond, consuming e.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, cond: bool, label: Label) -> CResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => self.jump_if(&u.operand, !cond, label),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                // `a and b` jumps on false as soon as one part is false; on true only if
                // the last part is true (symmetrically for `or`).
                if is_and != cond {
                    for v in &b.values {
                        self.jump_if(v, cond, label)?;
                    }
                } else {
                    let skip = self.u().new_label();
                    for v in &b.values[..n - 1] {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(&b.values[n - 1], cond, label)?;
                    self.u().bind(skip);
                }
                Ok(())
            }
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                // `x is None` as a condition: no comparison result is materialized.
                self.expr(&c.left)?;
                self.set_loc(c.range);
                let jump_when_none = (c.ops[0] == ast::CmpOp::Is) == cond;
                self.emit(if jump_when_none {
                    I::PopJumpIfNone(label.0)
                } else {
                    I::PopJumpIfNotNone(label.0)
                });
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.emit(if cond {
                    I::PopJumpIfTrue(label.0)
                } else {
                    I::PopJumpIfFalse(label.0)
                });
                Ok(())
            }
        }
    }
}

fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::BytesLiteral(_)
    )
}

fn is_true_constant(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_i64() != Some(0),
            ast::Number::Float(f) => *f != 0.0,
            ast::Number::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        },
        _ => false,
    }
}
