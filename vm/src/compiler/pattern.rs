//! `match` statements (PEP 634), in CPython 3.11's shape.
//!
//! Each case works on a copy of the subject. A pattern consumes the value on top of the
//! stack; on failure it jumps into a "fail ladder" of `PopTop`s that pops exactly what
//! the pattern had pushed (`on_top` counts the values above the case's base, the value
//! being matched included), landing at the next case. Names are bound as soon as their
//! sub-pattern matches (CPython defers this; a failed match may leave some bound, which
//! the language reference allows).

use ruff_python_ast::{self as ast, Pattern};
use ruff_text_size::Ranged;

use super::unit::Label;
use super::{CResult, Compiler, NameOp};
use crate::bytecode::{CmpOp, Constant, Instruction as I};

struct PatternContext {
    /// `fail_pop[n]`: pops n values, then falls into `fail_pop[n-1]` ... `fail_pop[0]`.
    fail_pop: Vec<Label>,
    on_top: u32,
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let end = self.u().new_label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            if i + 1 < n && is_irrefutable(&case.pattern) && case.guard.is_none() {
                let msg = match &case.pattern {
                    Pattern::MatchAs(ast::PatternMatchAs {
                        name: Some(name), ..
                    }) => format!(
                        "name capture '{}' makes remaining patterns unreachable",
                        name.id
                    ),
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.error(msg, case.pattern.range()));
            }
            self.set_loc(case.pattern.range());
            self.emit(I::Copy(1));
            let mut pc = PatternContext {
                fail_pop: Vec::new(),
                on_top: 1,
            };
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            if let Some(guard) = &case.guard {
                let fail = self.fail_label(&mut pc, 0);
                self.jump_if(guard, false, fail)?;
            }
            self.set_loc(case.pattern.range());
            self.emit(I::PopTop);
            self.stmts(&case.body)?;
            self.emit(I::Jump(end.0));
            self.emit_fail_ladder(&mut pc);
        }
        // No case matched: drop the subject.
        self.set_loc(m.range);
        self.emit(I::PopTop);
        self.u().bind(end);
        Ok(())
    }

    fn fail_label(&mut self, pc: &mut PatternContext, pops: u32) -> Label {
        while pc.fail_pop.len() <= pops as usize {
            let l = self.u().new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[pops as usize]
    }

    fn emit_fail_ladder(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.u().bind(pc.fail_pop[i]);
            self.emit(I::PopTop);
        }
        self.u().bind(pc.fail_pop[0]);
    }

    fn store_capture(&mut self, name: Option<&ast::Identifier>) {
        match name {
            Some(n) => self.name_op(n.id.as_str(), NameOp::Store),
            None => self.emit(I::PopTop),
        }
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.set_loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(I::CompareOp(CmpOp::Eq));
                pc.on_top -= 1;
                let fail = self.fail_label(pc, pc.on_top);
                self.emit(I::PopJumpIfFalse(fail.0));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                });
                self.emit(I::IsOp(false));
                pc.on_top -= 1;
                let fail = self.fail_label(pc, pc.on_top);
                self.emit(I::PopJumpIfFalse(fail.0));
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    self.store_capture(a.name.as_ref());
                    pc.on_top -= 1;
                }
                Some(sub) => {
                    self.emit(I::Copy(1));
                    pc.on_top += 1;
                    self.pattern(sub, pc)?;
                    self.store_capture(a.name.as_ref());
                    pc.on_top -= 1;
                }
            },
            Pattern::MatchStar(s) => {
                self.store_capture(s.name.as_ref());
                pc.on_top -= 1;
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(s, pc)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, pc)?,
            Pattern::MatchClass(c) => self.class_pattern(c, pc)?,
            Pattern::MatchOr(o) => self.or_pattern(o, pc)?,
        }
        Ok(())
    }

    /// Checks the subject kind and length, then unpacks it onto the stack.
    fn sequence_pattern(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let star = s
            .patterns
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)));
        if let Some(i) = star
            && s.patterns[i + 1..]
                .iter()
                .any(|p| matches!(p, Pattern::MatchStar(_)))
        {
            return Err(self.error("multiple starred names in sequence pattern", s.range));
        }
        let n = s.patterns.len() as u32;
        self.emit(I::MatchSequence);
        let fail = self.fail_label(pc, pc.on_top);
        self.emit(I::PopJumpIfFalse(fail.0));
        let min = if star.is_some() { n - 1 } else { n };
        if star.is_none() || min > 0 {
            self.emit(I::GetLen);
            self.load_const(Constant::Int(min as i64));
            self.emit(I::CompareOp(if star.is_some() {
                CmpOp::Ge
            } else {
                CmpOp::Eq
            }));
            self.emit(I::PopJumpIfFalse(fail.0));
        }
        match star {
            None => self.emit(I::UnpackSequence(n)),
            Some(i) => self.emit(I::UnpackEx {
                before: i as u16,
                after: (n as usize - i - 1) as u16,
            }),
        }
        pc.on_top += n;
        pc.on_top -= 1;
        for sub in &s.patterns {
            self.pattern(sub, pc)?;
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        self.emit(I::MatchMapping);
        let fail = self.fail_label(pc, pc.on_top);
        self.emit(I::PopJumpIfFalse(fail.0));
        let n = m.keys.len() as u32;
        if n == 0 && m.rest.is_none() {
            self.emit(I::PopTop);
            pc.on_top -= 1;
            return Ok(());
        }
        if n > 0 {
            self.emit(I::GetLen);
            self.load_const(Constant::Int(n as i64));
            self.emit(I::CompareOp(CmpOp::Ge));
            self.emit(I::PopJumpIfFalse(fail.0));
        }
        let mut seen: Vec<Constant> = Vec::new();
        for k in m.keys.iter() {
            if let Some(c) = super::expr::constant_of(k) {
                if seen.iter().any(|s| s.same_as(&c)) {
                    let text =
                        &self.source[k.range().start().to_usize()..k.range().end().to_usize()];
                    return Err(self.error(
                        format!("mapping pattern checks duplicate key ({text})"),
                        k.range(),
                    ));
                }
                seen.push(c);
            }
            self.expr(k)?;
        }
        self.emit(I::BuildTuple(n));
        self.emit(I::MatchKeys);
        self.emit(I::Copy(1));
        let fail = self.fail_label(pc, pc.on_top + 2);
        self.emit(I::PopJumpIfNone(fail.0));
        self.emit(I::UnpackSequence(n));
        // Stack: subject keys v_n .. v_1 (v_1 on top).
        pc.on_top += 1 + n;
        for sub in m.patterns.iter() {
            self.pattern(sub, pc)?;
        }
        match &m.rest {
            Some(rest) => {
                self.emit(I::CopyDictWithoutKeys);
                self.name_op(rest.id.as_str(), NameOp::Store);
                self.emit(I::PopTop);
            }
            None => {
                self.emit(I::PopTop);
                self.emit(I::PopTop);
            }
        }
        pc.on_top -= 2;
        Ok(())
    }

    fn class_pattern(
        &mut self,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let nargs = c.arguments.patterns.len() as u32;
        let kw = &c.arguments.keywords;
        for (i, k) in kw.iter().enumerate() {
            if kw[..i].iter().any(|o| o.attr.id == k.attr.id) {
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {}", k.attr.id),
                    k.attr.range,
                ));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = kw
            .iter()
            .map(|k| Constant::Str(k.attr.id.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()));
        self.set_loc(c.range);
        self.emit(I::MatchClass(nargs));
        // [attrs_or_None] replaces the subject.
        self.emit(I::Copy(1));
        let fail = self.fail_label(pc, pc.on_top);
        self.emit(I::PopJumpIfNone(fail.0));
        let total = nargs + kw.len() as u32;
        self.emit(I::UnpackSequence(total));
        pc.on_top += total;
        pc.on_top -= 1;
        for sub in c.arguments.patterns.iter() {
            self.pattern(sub, pc)?;
        }
        for k in kw {
            self.pattern(&k.pattern, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult<()> {
        let success = self.u().new_label();
        for alt in &o.patterns {
            // Each alternative matches a copy; its own ladder lands back at [.. subject].
            self.emit(I::Copy(1));
            let mut sub = PatternContext {
                fail_pop: Vec::new(),
                on_top: 1,
            };
            self.pattern(alt, &mut sub)?;
            self.emit(I::Jump(success.0));
            self.emit_fail_ladder(&mut sub);
        }
        // Every alternative failed.
        self.emit(I::PopTop);
        pc.on_top -= 1;
        let fail = self.fail_label(pc, pc.on_top);
        self.emit(I::Jump(fail.0));
        self.u().bind(success);
        self.emit(I::PopTop);
        Ok(())
    }
}

fn is_irrefutable(p: &Pattern) -> bool {
    match p {
        Pattern::MatchAs(a) => a.pattern.as_deref().is_none_or(is_irrefutable),
        Pattern::MatchOr(o) => o.patterns.iter().any(is_irrefutable),
        _ => false,
    }
}
