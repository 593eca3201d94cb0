//! Expressions: operators, literals and displays (with star-unpacking), calls, f-strings,
//! comprehensions and generator expressions, lambda, yield, walrus, constant folding of
//! literal tuples and negative numbers.

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::symtable::ScopeKind;
use super::{CResult, Compiler, NameOp};
use crate::bytecode::{
    BinOp, CmpOp, Constant, Conversion, Instruction as I, MakeFunctionFlags, NO_LOCAL, UnaryOp,
};

pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Remainder,
        O::Pow => BinOp::Power,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// The constant value of a literal expression (folding literal tuples and `-number`).
pub(crate) fn constant_of(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NoneLiteral(_) => Constant::None,
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().into()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => match i.as_i64() {
                Some(v) => Constant::Int(v),
                None => Constant::BigInt(parse_big_int(&i.to_string())?),
            },
            ast::Number::Float(f) => Constant::Float(*f),
            ast::Number::Complex { real, imag } => Constant::Complex {
                real: *real,
                imag: *imag,
            },
        },
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match constant_of(&u.operand)? {
            Constant::Int(v) => match v.checked_neg() {
                Some(n) => Constant::Int(n),
                None => Constant::BigInt(-BigInt::from(v)),
            },
            Constant::BigInt(b) => {
                let n = -b;
                match i64::try_from(&n) {
                    Ok(v) => Constant::Int(v),
                    Err(_) => Constant::BigInt(n),
                }
            }
            Constant::Float(f) => Constant::Float(-f),
            Constant::Complex { real, imag } => Constant::Complex {
                real: -real,
                imag: -imag,
            },
            _ => return None,
        },
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let items: Option<Vec<Constant>> = t.elts.iter().map(constant_of).collect();
            Constant::Tuple(items?.into())
        }
        _ => return None,
    })
}

fn parse_big_int(token: &str) -> Option<BigInt> {
    let t: String = token.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

impl<'a> Compiler<'a> {
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.ur().loc;
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.u().loc = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(c) = constant_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.u().new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit(if b.op == ast::BoolOp::And {
                            I::JumpIfFalseOrPop(end.0)
                        } else {
                            I::JumpIfTrueOrPop(end.0)
                        });
                    }
                }
                self.u().bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(I::Copy(1));
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(I::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(I::UnaryOp(match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Positive,
                    ast::UnaryOp::USub => UnaryOp::Negative,
                }));
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let orelse = self.u().new_label();
                let end = self.u().new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit(I::Jump(end.0));
                self.u().bind(orelse);
                self.expr(&i.orelse)?;
                self.u().bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => self.sequence_display(&s.elts, Display::Set)?,
            Expr::List(l) => {
                self.check_load(l.ctx, e.range())?;
                self.sequence_display(&l.elts, Display::List)?
            }
            Expr::Tuple(t) => {
                self.check_load(t.ctx, e.range())?;
                self.sequence_display(&t.elts, Display::Tuple)?
            }
            Expr::ListComp(c) => {
                self.comprehension(e.range(), CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.comprehension(e.range(), CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let key = c.key.as_deref().ok_or_else(|| {
                    self.error(
                        "dict unpacking cannot be used in dict comprehension",
                        e.range(),
                    )
                })?;
                self.comprehension(
                    e.range(),
                    CompKind::Dict,
                    &c.generators,
                    key,
                    Some(&c.value),
                )?
            }
            Expr::Generator(g) => {
                self.comprehension(e.range(), CompKind::Gen, &g.generators, &g.elt, None)?
            }
            Expr::Await(a) => return Err(self.error("'await' outside function", a.range)),
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.emit(I::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if self.ur().kind == ScopeKind::Comprehension {
                    return Err(self.error("'yield' inside generator expression", y.range));
                }
                self.expr(&y.value)?;
                self.emit(I::GetYieldFromIter);
                self.load_none();
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(&f.value)?,
            Expr::TString(t) => return Err(self.error("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => unreachable!("literals are constants"),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(e.range());
                let i = self.name_idx(a.attr.id.as_str());
                self.emit(I::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                if let Some((name, locals)) = self.global_subscript(s) {
                    let [a, b] = locals;
                    self.emit(I::GlobalSubscrStart { name, a, b });
                    self.expr(&s.slice)?;
                    self.set_loc(e.range());
                    self.emit(I::GlobalSubscrEnd(u32::from(name)));
                    return Ok(());
                }
                self.expr(&s.value)?;
                self.slice_or_expr(&s.slice)?;
                self.set_loc(e.range());
                self.emit(I::BinarySubscr);
            }
            Expr::Starred(s) => {
                return Err(self.error("can't use starred expression here", s.range));
            }
            Expr::Name(n) => self.name_op(n.id.as_str(), NameOp::Load),
            Expr::Slice(s) => {
                self.slice(s)?;
            }
            Expr::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
        }
        Ok(())
    }

    /// `G[index]` in a function, where `G` is a global and `index` is built of at most
    /// two locals, int/str/float constants and arithmetic: the name index and the
    /// locals' slots (`NO_LOCAL` for none) for `GlobalSubscrStart`, which borrows `G`
    /// instead of pushing it when the locals hold ints, strs or floats (then nothing in
    /// the index can run Python code, so `G` cannot be rebound before the subscript).
    fn global_subscript(&mut self, s: &'a ast::ExprSubscript) -> Option<(u16, [u8; 2])> {
        let Expr::Name(g) = &*s.value else {
            return None;
        };
        if !self.resolves_to_global(g.id.as_str()) {
            return None;
        }
        let mut locals: Vec<&str> = Vec::new();
        if !self.pure_index(&s.slice, &mut locals) {
            return None;
        }
        let mut slots = [NO_LOCAL; 2];
        for (slot, name) in slots.iter_mut().zip(&locals) {
            let i = self.u().add_varname(name);
            *slot = u8::try_from(i).ok().filter(|&i| i != NO_LOCAL)?;
        }
        let name = u16::try_from(self.name_idx(g.id.as_str())).ok()?;
        Some((name, slots))
    }

    /// Whether `e` is made of int/str/float constants, locals (at most two distinct,
    /// collected into `locals`) and unary/binary operators.
    fn pure_index(&self, e: &'a Expr, locals: &mut Vec<&'a str>) -> bool {
        match e {
            Expr::NumberLiteral(n) => !matches!(n.value, ast::Number::Complex { .. }),
            Expr::StringLiteral(_) => true,
            Expr::Name(n) => {
                let name = n.id.as_str();
                if !self.resolves_to_fast(name) {
                    return false;
                }
                if !locals.contains(&name) {
                    locals.push(name);
                }
                locals.len() <= 2
            }
            Expr::BinOp(b) => self.pure_index(&b.left, locals) && self.pure_index(&b.right, locals),
            Expr::UnaryOp(u) => u.op != ast::UnaryOp::Not && self.pure_index(&u.operand, locals),
            _ => false,
        }
    }

    fn check_load(&self, ctx: ast::ExprContext, range: TextRange) -> CResult<()> {
        if ctx == ast::ExprContext::Load {
            Ok(())
        } else {
            Err(self.error("invalid syntax", range))
        }
    }

    /// `receiver v` on the stack: the `yield from` / SEND loop; leaves the result.
    fn yield_from_loop(&mut self) {
        let head = self.u().new_label();
        let exit = self.u().new_label();
        self.u().bind(head);
        self.emit(I::Send(exit.0));
        self.emit(I::YieldValue);
        self.emit(I::Jump(head.0));
        self.u().bind(exit);
    }

    pub(crate) fn slice_or_expr(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::Slice(s) => self.slice(s),
            _ => self.expr(e),
        }
    }

    fn slice(&mut self, s: &'a ast::ExprSlice) -> CResult<()> {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(p) => self.expr(p)?,
                None => self.load_none(),
            }
        }
        match &s.step {
            Some(step) => {
                self.expr(step)?;
                self.emit(I::BuildSlice(3));
            }
            None => self.emit(I::BuildSlice(2)),
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        let cleanup = self.u().new_label();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(I::Swap(2));
                self.emit(I::Copy(2));
            }
            self.emit(compare_instr(*op));
            if i + 1 < n {
                self.emit(I::JumpIfFalseOrPop(cleanup.0));
            }
        }
        if n > 1 {
            let end = self.u().new_label();
            self.emit(I::Jump(end.0));
            self.u().bind(cleanup);
            self.emit(I::Swap(2));
            self.emit(I::PopTop);
            self.u().bind(end);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        let args = &c.arguments;
        let simple =
            !args.args.iter().any(|a| matches!(a, Expr::Starred(_))) && args.keywords.is_empty();
        if let Expr::Attribute(a) = &*c.func
            && simple
            && a.ctx == ast::ExprContext::Load
        {
            self.expr(&a.value)?;
            self.set_loc(a.range);
            let i = self.name_idx(a.attr.id.as_str());
            self.emit(I::LoadMethod(i));
            for arg in args.args.iter() {
                self.expr(arg)?;
            }
            self.set_loc(c.range());
            self.emit(I::CallMethod(args.args.len() as u32));
            return Ok(());
        }
        self.expr(&c.func)?;
        self.call_args(0, &args.args, &args.keywords)?;
        Ok(())
    }

    /// Pushes arguments and emits the call; `pushed` positional arguments are already on
    /// the stack above the callable (class creation passes the body function and name).
    pub(crate) fn call_args(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult<()> {
        let call_loc = self.ur().loc;
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg
                && keywords[..i]
                    .iter()
                    .any(|o| o.arg.as_ref().is_some_and(|n| n.id == name.id))
            {
                return Err(self.error(format!("keyword argument repeated: {}", name.id), k.range));
            }
        }
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            let n = pushed + args.len() as u32;
            if keywords.is_empty() {
                self.u().loc = call_loc;
                self.emit(I::Call(n));
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    let name = k.arg.as_ref().expect("keyword").id.as_str();
                    names.push(Constant::Str(name.into()));
                }
                let nk = names.len() as u32;
                self.load_const(Constant::Tuple(names.into()));
                self.u().loc = call_loc;
                self.emit(I::CallKw(n + nk));
            }
            return Ok(());
        }
        // General form: a positional tuple and a keyword dict, then CallFunctionEx.
        if has_star {
            let lead = args
                .iter()
                .take_while(|a| !matches!(a, Expr::Starred(_)))
                .count();
            for a in &args[..lead] {
                self.expr(a)?;
            }
            self.emit(I::BuildList(pushed + lead as u32));
            for a in &args[lead..] {
                match a {
                    Expr::Starred(s) => {
                        self.expr(&s.value)?;
                        self.emit(I::ListExtend(1));
                    }
                    _ => {
                        self.expr(a)?;
                        self.emit(I::ListAppend(1));
                    }
                }
            }
            self.emit(I::ListToTuple);
        } else {
            for a in args {
                self.expr(a)?;
            }
            self.emit(I::BuildTuple(pushed + args.len() as u32));
        }
        if keywords.is_empty() {
            self.u().loc = call_loc;
            self.emit(I::CallFunctionEx(false));
            return Ok(());
        }
        let mut have_dict = false;
        let mut run = 0;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Constant::Str(name.id.as_str().into()));
                    self.expr(&k.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 {
                        self.emit(I::BuildMap(run));
                        if have_dict {
                            self.emit(I::DictMerge(1));
                        }
                        have_dict = true;
                        run = 0;
                    }
                    if !have_dict {
                        self.emit(I::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(I::DictMerge(1));
                }
            }
        }
        if run > 0 {
            self.emit(I::BuildMap(run));
            if have_dict {
                self.emit(I::DictMerge(1));
            }
        }
        self.u().loc = call_loc;
        self.emit(I::CallFunctionEx(true));
        Ok(())
    }

    fn sequence_display(&mut self, elts: &'a [Expr], kind: Display) -> CResult<()> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        let Some(lead) = star else {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Display::List => I::BuildList(n),
                Display::Tuple => I::BuildTuple(n),
                Display::Set => I::BuildSet(n),
            });
            return Ok(());
        };
        for e in &elts[..lead] {
            self.expr(e)?;
        }
        let n = lead as u32;
        self.emit(match kind {
            Display::Set => I::BuildSet(n),
            _ => I::BuildList(n),
        });
        for e in &elts[lead..] {
            match (e, kind) {
                (Expr::Starred(s), Display::Set) => {
                    self.expr(&s.value)?;
                    self.emit(I::SetUpdate(1));
                }
                (Expr::Starred(s), _) => {
                    self.expr(&s.value)?;
                    self.emit(I::ListExtend(1));
                }
                (_, Display::Set) => {
                    self.expr(e)?;
                    self.emit(I::SetAdd(1));
                }
                _ => {
                    self.expr(e)?;
                    self.emit(I::ListAppend(1));
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(I::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let mut have_dict = false;
        let mut run = 0;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 || !have_dict {
                        self.emit(I::BuildMap(run));
                        if have_dict {
                            self.emit(I::DictUpdate(1));
                        }
                        have_dict = true;
                        run = 0;
                    }
                    self.expr(&item.value)?;
                    self.emit(I::DictUpdate(1));
                }
            }
        }
        if run > 0 || !have_dict {
            self.emit(I::BuildMap(run));
            if have_dict {
                self.emit(I::DictUpdate(1));
            }
        }
        Ok(())
    }

    // ---- f-strings ----

    fn fstring(&mut self, value: &'a ast::FStringValue) -> CResult<()> {
        let mut pending = String::new();
        let mut n = 0u32;
        for part in value.iter() {
            match part {
                ast::FStringPart::Literal(s) => pending.push_str(&s.value),
                ast::FStringPart::FString(f) => {
                    self.fstring_elements(&f.elements, &mut pending, &mut n)?;
                }
            }
        }
        let force = n == 0;
        self.flush_literal(&mut pending, &mut n, force);
        if n > 1 {
            self.emit(I::BuildString(n));
        }
        Ok(())
    }

    fn flush_literal(&mut self, pending: &mut String, n: &mut u32, force: bool) {
        if !pending.is_empty() || force {
            let s = std::mem::take(pending);
            self.load_const(Constant::Str(s.into()));
            *n += 1;
        }
    }

    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        pending: &mut String,
        n: &mut u32,
    ) -> CResult<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => pending.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(debug) = &i.debug_text {
                        pending.push_str(debug.as_str());
                    }
                    self.flush_literal(pending, n, false);
                    self.expr(&i.expression)?;
                    let mut conversion = match i.conversion {
                        ast::ConversionFlag::None => Conversion::None,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    // `f"{x=}"` shows repr unless a conversion or format spec is given.
                    if i.debug_text.is_some()
                        && conversion == Conversion::None
                        && i.format_spec.is_none()
                    {
                        conversion = Conversion::Repr;
                    }
                    let has_spec = match &i.format_spec {
                        Some(spec) => {
                            let mut p = String::new();
                            let mut m = 0;
                            self.fstring_elements(&spec.elements, &mut p, &mut m)?;
                            let force = m == 0;
                            self.flush_literal(&mut p, &mut m, force);
                            if m > 1 {
                                self.emit(I::BuildString(m));
                            }
                            true
                        }
                        None => false,
                    };
                    self.emit(I::FormatValue {
                        conversion,
                        has_spec,
                    });
                    *n += 1;
                }
            }
        }
        Ok(())
    }

    // ---- nested code: lambda and comprehensions ----

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let flags = self.function_parts(l.parameters.as_deref(), None, false)?;
        let scope = self.table.scope_at(l.range);
        let line = self.index.line_col(l.range.start()).0;
        self.enter_unit(scope, "<lambda>", l.range, line);
        self.function_prologue(l.parameters.as_deref());
        self.expr(&l.body)?;
        self.emit(I::ReturnValue);
        let code = self.leave_unit();
        self.set_loc(l.range);
        self.make_function(code, flags);
        Ok(())
    }

    fn comprehension(
        &mut self,
        range: TextRange,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult<()> {
        let scope = self.table.scope_at(range);
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let line = self.index.line_col(range.start()).0;
        self.enter_unit(scope, name, range, line);
        self.set_loc(range);
        self.u().argcount = 1;
        match kind {
            CompKind::List => self.emit(I::BuildList(0)),
            CompKind::Set => self.emit(I::BuildSet(0)),
            CompKind::Dict => self.emit(I::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_generator(generators, 0, kind, elt, value)?;
        self.set_loc(range);
        if kind == CompKind::Gen {
            self.load_none();
        }
        self.emit(I::ReturnValue);
        let code = self.leave_unit();
        self.set_loc(range);
        self.make_function(code, MakeFunctionFlags(0));
        self.expr(&generators[0].iter)?;
        self.emit(I::GetIterArg);
        self.set_loc(range);
        self.emit(I::Call(1));
        Ok(())
    }

    fn comp_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        i: usize,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult<()> {
        let g = &generators[i];
        if i == 0 {
            self.emit(I::LoadFast(0));
            self.emit(I::IterArg);
        } else {
            self.expr(&g.iter)?;
            self.emit(I::GetIter);
        }
        let head = self.u().new_label();
        let end = self.u().new_label();
        self.u().bind(head);
        self.set_loc(g.range);
        self.emit(I::ForIter(end.0));
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, head)?;
        }
        if i + 1 < generators.len() {
            self.comp_generator(generators, i + 1, kind, elt, value)?;
        } else {
            let depth = generators.len() as u32 + 1;
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(I::YieldValue);
                    self.emit(I::PopTop);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(I::ListAppend(depth));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(I::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.expect("dict comprehension value"))?;
                    self.emit(I::MapAdd(depth));
                }
            }
        }
        self.set_loc(g.range);
        self.emit(I::Jump(head.0));
        self.u().bind(end);
        Ok(())
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Display {
    List,
    Tuple,
    Set,
}

fn compare_instr(op: ast::CmpOp) -> I {
    use ast::CmpOp as C;
    match op {
        C::Eq => I::CompareOp(CmpOp::Eq),
        C::NotEq => I::CompareOp(CmpOp::Ne),
        C::Lt => I::CompareOp(CmpOp::Lt),
        C::LtE => I::CompareOp(CmpOp::Le),
        C::Gt => I::CompareOp(CmpOp::Gt),
        C::GtE => I::CompareOp(CmpOp::Ge),
        C::Is => I::IsOp(false),
        C::IsNot => I::IsOp(true),
        C::In => I::ContainsOp(false),
        C::NotIn => I::ContainsOp(true),
    }
}
