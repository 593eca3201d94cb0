//! The symbol-table pass: decides, before code generation, where every name lives.
//!
//! Two steps, as CPython's `symtable.c`: (1) a walk records, per scope, how each name is
//! used (bound, a parameter, declared `global`/`nonlocal`, read); (2) `analyze` resolves
//! each name to local / cell / free / global, top-down for what enclosing functions bind
//! and bottom-up for what nested scopes capture (a captured local becomes a cell; a name a
//! nested scope needs from further out passes through as free). Class scopes do not make
//! their names visible to nested functions, except the implicit `__class__` cell.
//! Scopes are found again by the code generator through their node's source range.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives, once resolved.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_LOCAL: u16 = 1;
const DEF_PARAM: u16 = 2;
const DEF_GLOBAL: u16 = 4;
const DEF_NONLOCAL: u16 = 8;
const USE: u16 = 16;
const DEF_COMP_ITER: u16 = 32;
/// Bound in a comprehension by a walrus, resolved in the enclosing function.
const DEF_COMP_WALRUS: u16 = 64;
const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM;

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    flags: u16,
    pub scope: NameScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    /// A class body whose methods use `super()`/`__class__`: it owns a `__class__` cell.
    pub needs_class_cell: bool,
    /// A function nested in another function (or a class inside a function).
    pub nested: bool,
    /// Free names passed through a class body that also binds the same name locally.
    pub extra_free: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: String, parent: Option<usize>) -> Self {
        Scope {
            kind,
            name,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            needs_class_cell: false,
            nested: false,
            extra_free: Vec::new(),
        }
    }

    fn flags(&self, name: &str) -> u16 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].flags)
    }

    fn add(&mut self, name: &str, flag: u16) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].flags |= flag,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: flag,
                    scope: NameScope::GlobalImplicit,
                });
            }
        }
    }

    /// The resolved scope of `name` (an unknown name is an implicit global).
    pub fn lookup(&self, name: &str) -> NameScope {
        self.index
            .get(name)
            .map_or(NameScope::GlobalImplicit, |&i| self.symbols[i].scope)
    }

    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// A symbol-table error: message and where.
#[derive(Clone, Debug)]
pub struct SymbolError {
    pub message: String,
    pub range: TextRange,
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), usize>,
}

impl SymbolTable {
    /// The scope created by the node at `range` (function, lambda, class, comprehension).
    pub fn scope_at(&self, range: TextRange) -> usize {
        self.by_range[&(range.start().into(), range.end().into())]
    }

    pub fn build_module(body: &[Stmt]) -> Result<SymbolTable, SymbolError> {
        let mut b = Builder::new();
        b.stmts(body)?;
        b.finish()
    }

    pub fn build_expression(expr: &Expr) -> Result<SymbolTable, SymbolError> {
        let mut b = Builder::new();
        b.expr(expr)?;
        b.finish()
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), usize>,
    current: usize,
    /// Ranges of `global`/`nonlocal` statements, to report errors at them.
    decl_ranges: HashMap<(usize, String), TextRange>,
    /// The innermost enclosing class name (private-name mangling).
    private: Option<String>,
}

type R = Result<(), SymbolError>;

fn err(message: impl Into<String>, range: TextRange) -> SymbolError {
    SymbolError {
        message: message.into(),
        range,
    }
}

impl Builder {
    fn new() -> Self {
        Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "top".into(), None)],
            by_range: HashMap::new(),
            current: 0,
            decl_ranges: HashMap::new(),
            private: None,
        }
    }

    fn finish(mut self) -> Result<SymbolTable, SymbolError> {
        let mut free = HashSet::new();
        self.analyze(0, &HashSet::new(), &mut free)?;
        Ok(SymbolTable {
            scopes: self.scopes,
            by_range: self.by_range,
        })
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> usize {
        let parent = self.current;
        let mut scope = Scope::new(kind, name.to_string(), Some(parent));
        let parent_scope = &self.scopes[parent];
        scope.nested = parent_scope.is_function_like() || parent_scope.nested;
        let id = self.scopes.len();
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.by_range
            .insert((range.start().into(), range.end().into()), id);
        self.current = id;
        id
    }

    fn leave(&mut self) {
        self.current = self.scopes[self.current].parent.unwrap_or(0);
    }

    fn mangled(&self, name: &str) -> String {
        super::mangle(self.private.as_deref(), name).into_owned()
    }

    fn bind(&mut self, name: &str, _range: TextRange) -> R {
        let name = self.mangled(name);
        self.scope().add(&name, DEF_LOCAL);
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        let mangled = self.mangled(name);
        self.scope().add(&mangled, USE);
        // Zero-argument super() needs the class cell.
        if name == "super" && self.scope().is_function_like() {
            self.scope().add("__class__", USE);
        }
    }

    fn param(&mut self, p: &ast::Parameter) -> R {
        let name = &self.mangled(p.name.id.as_str());
        if self.scope().flags(name) & DEF_PARAM != 0 {
            return Err(err(
                format!("duplicate argument '{name}' in function definition"),
                p.name.range,
            ));
        }
        self.scope().add(name, DEF_PARAM);
        self.scope().params.push(name.to_string());
        Ok(())
    }

    fn parameters(&mut self, params: &ast::Parameters) -> R {
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            self.param(&p.parameter)?;
        }
        for p in params.kwonlyargs.iter() {
            self.param(&p.parameter)?;
        }
        if let Some(v) = &params.vararg {
            self.param(v)?;
        }
        if let Some(k) = &params.kwarg {
            self.param(k)?;
        }
        Ok(())
    }

    /// Defaults and annotations are evaluated in the enclosing scope.
    fn parameter_outer_parts(&mut self, params: &ast::Parameters, annotations: bool) -> R {
        for p in params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
        {
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
        }
        if annotations {
            for p in params.iter() {
                if let Some(a) = p.annotation() {
                    self.expr(a)?;
                }
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                if f.type_params.is_some() {
                    return Err(err("invalid syntax", f.range));
                }
                self.parameter_outer_parts(&f.parameters, true)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(f.name.id.as_str(), f.name.range)?;
                self.enter(ScopeKind::Function, f.name.id.as_str(), f.range);
                self.parameters(&f.parameters)?;
                self.stmts(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if c.type_params.is_some() {
                    return Err(err("invalid syntax", c.range));
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(c.name.id.as_str(), c.name.range)?;
                self.enter(ScopeKind::Class, c.name.id.as_str(), c.range);
                let outer_private = self.private.replace(c.name.id.to_string());
                self.stmts(&c.body)?;
                self.private = outer_private;
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(err("invalid syntax", t.range)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                self.expr(&a.target)?;
                if let Expr::Name(n) = &*a.target {
                    self.use_name(n.id.as_str());
                }
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let name = n.id.as_str();
                    let flags = self.scope().flags(name);
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        let what = if flags & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(err(
                            format!("annotated name '{name}' can't be {what}"),
                            n.range,
                        ));
                    }
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if !self.scope().is_function_like() {
                    self.expr(&a.annotation)?;
                }
                self.expr(&a.target)?;
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n.id.as_str(), n.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = match &alias.asname {
                        Some(a) => a.id.to_string(),
                        None => alias.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&name, alias.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.id.as_str() == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level", alias.range));
                        }
                        continue;
                    }
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.bind(name.id.as_str(), alias.range)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.declare(n, g.range, true)?;
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scope().kind == ScopeKind::Module {
                    return Err(err(
                        "nonlocal declaration not allowed at module level",
                        g.range,
                    ));
                }
                for n in &g.names {
                    self.declare(n, g.range, false)?;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(e) => return Err(err("invalid syntax", e.range)),
        }
        Ok(())
    }

    fn declare(&mut self, n: &ast::Identifier, range: TextRange, global: bool) -> R {
        let name = &self.mangled(n.id.as_str());
        let flags = self.scope().flags(name);
        let what = if global { "global" } else { "nonlocal" };
        if flags & DEF_PARAM != 0 {
            return Err(err(format!("name '{name}' is parameter and {what}"), range));
        }
        if global && flags & DEF_NONLOCAL != 0 {
            return Err(err(format!("name '{name}' is nonlocal and global"), range));
        }
        if !global && flags & DEF_GLOBAL != 0 {
            return Err(err(format!("name '{name}' is nonlocal and global"), range));
        }
        if flags & DEF_LOCAL != 0 {
            return Err(err(
                format!("name '{name}' is assigned to before {what} declaration"),
                range,
            ));
        }
        if flags & USE != 0 {
            return Err(err(
                format!("name '{name}' is used prior to {what} declaration"),
                range,
            ));
        }
        self.scope()
            .add(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL });
        let cur = self.current;
        self.decl_ranges.insert((cur, name.to_string()), range);
        Ok(())
    }

    fn exprs<'a>(&mut self, es: impl IntoIterator<Item = &'a Expr>) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::Named(n) => {
                self.expr(&n.value)?;
                if let Expr::Name(name) = &*n.target {
                    self.walrus_target(name)?;
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameter_outer_parts(p, false)?;
                }
                self.enter(ScopeKind::Lambda, "<lambda>", l.range);
                if let Some(p) = &l.parameters {
                    self.parameters(p)?;
                }
                self.expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::ListComp(c) => {
                self.comprehension(e.range(), "<listcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::SetComp(c) => {
                self.comprehension(e.range(), "<setcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::DictComp(c) => {
                let key = c.key.as_deref();
                let mut parts: Vec<&Expr> = Vec::new();
                if let Some(k) = key {
                    parts.push(k);
                }
                parts.push(&c.value);
                self.comprehension(e.range(), "<dictcomp>", &c.generators, &parts, false)?
            }
            Expr::Generator(g) => {
                self.comprehension(e.range(), "<genexpr>", &g.generators, &[&g.elt], true)?
            }
            Expr::Await(a) => {
                let msg = if self.scope().is_function_like() {
                    "'await' outside async function"
                } else {
                    "'await' outside function"
                };
                return Err(err(msg, a.range));
            }
            Expr::Yield(y) => {
                self.yield_here(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_here(y.range)?;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(c.comparators.iter())?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(c.arguments.args.iter())?;
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.fstring_element(el)?;
                }
            }
            Expr::TString(t) => return Err(err("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => self.use_name(n.id.as_str()),
                _ => self.bind(n.id.as_str(), n.range)?,
            },
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            Expr::IpyEscapeCommand(e) => return Err(err("invalid syntax", e.range)),
        }
        Ok(())
    }

    fn fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> R {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.fstring_element(el)?;
                }
            }
        }
        Ok(())
    }

    fn yield_here(&mut self, range: TextRange) -> R {
        let scope = &mut self.scopes[self.current];
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => Err(err("'yield' outside function", range)),
            ScopeKind::Comprehension if !scope.is_generator => {
                let what = &scope.name[1..scope.name.len() - 1];
                let what = match what {
                    "listcomp" => "list comprehension",
                    "setcomp" => "set comprehension",
                    "dictcomp" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(err(format!("'yield' inside {what}"), range))
            }
            ScopeKind::Comprehension => Err(err("'yield' inside generator expression", range)),
            _ => {
                scope.is_generator = true;
                Ok(())
            }
        }
    }

    fn walrus_target(&mut self, name: &ast::ExprName) -> R {
        let id = name.id.as_str();
        if self.scope().kind != ScopeKind::Comprehension {
            return self.bind(id, name.range);
        }
        // PEP 572: a walrus in a comprehension binds in the nearest enclosing
        // non-comprehension scope.
        let mut s = self.current;
        let mut comps = Vec::new();
        while self.scopes[s].kind == ScopeKind::Comprehension {
            if self.scopes[s].flags(id) & DEF_COMP_ITER != 0 {
                return Err(err(
                    format!(
                        "assignment expression cannot rebind comprehension iteration variable '{id}'"
                    ),
                    name.range,
                ));
            }
            comps.push(s);
            s = self.scopes[s].parent.unwrap_or(0);
        }
        match self.scopes[s].kind {
            ScopeKind::Class => Err(err(
                "assignment expression within a comprehension cannot be used in a class body",
                name.range,
            )),
            ScopeKind::Module => {
                for c in comps {
                    self.scopes[c].add(id, DEF_GLOBAL);
                }
                Ok(())
            }
            _ => {
                let global = self.scopes[s].flags(id) & DEF_GLOBAL != 0;
                if !global {
                    self.scopes[s].add(id, DEF_LOCAL);
                }
                for c in comps {
                    self.scopes[c].add(id, if global { DEF_GLOBAL } else { DEF_COMP_WALRUS });
                }
                Ok(())
            }
        }
    }

    fn comprehension(
        &mut self,
        range: TextRange,
        name: &str,
        generators: &[ast::Comprehension],
        parts: &[&Expr],
        is_generator: bool,
    ) -> R {
        // The outermost iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.enter(ScopeKind::Comprehension, name, range);
        self.scope().is_generator = is_generator;
        self.scope().add(".0", DEF_PARAM);
        self.scope().params.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                return Err(err(
                    "asynchronous comprehension outside of an asynchronous function",
                    g.range,
                ));
            }
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.comp_target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        for p in parts {
            self.expr(p)?;
        }
        self.leave();
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> R {
        match t {
            Expr::Name(n) => {
                self.scope().add(n.id.as_str(), DEF_LOCAL | DEF_COMP_ITER);
                Ok(())
            }
            Expr::Tuple(tu) => tu.elts.iter().try_for_each(|e| self.comp_target(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.comp_target(e)),
            Expr::Starred(s) => self.comp_target(&s.value),
            other => self.expr(other),
        }
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            Pattern::MatchMapping(m) => {
                self.exprs(m.keys.iter())?;
                for p in m.patterns.iter() {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.bind(r.id.as_str(), r.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in c.arguments.patterns.iter() {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n.id.as_str(), n.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.bind(n.id.as_str(), n.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    /// Resolves scope `id`. `bound`: names bound by enclosing function scopes (visible
    /// to closures). Adds this scope's free names to `free_out`.
    fn analyze(&mut self, id: usize, bound: &HashSet<String>, free_out: &mut HashSet<String>) -> R {
        let kind = self.scopes[id].kind;
        let mut locals = HashSet::new();
        for i in 0..self.scopes[id].symbols.len() {
            let sym = &self.scopes[id].symbols[i];
            let (name, flags) = (sym.name.clone(), sym.flags);
            let scope = if flags & DEF_GLOBAL != 0 {
                NameScope::GlobalExplicit
            } else if flags & (DEF_NONLOCAL | DEF_COMP_WALRUS) != 0 {
                if !bound.contains(&name) {
                    let range = self
                        .decl_ranges
                        .get(&(id, name.clone()))
                        .copied()
                        .unwrap_or_default();
                    return Err(err(
                        format!("no binding for nonlocal '{name}' found"),
                        range,
                    ));
                }
                NameScope::Free
            } else if flags & DEF_BOUND != 0 {
                locals.insert(name.clone());
                NameScope::Local
            } else if kind != ScopeKind::Module && bound.contains(&name) {
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
            self.scopes[id].symbols[i].scope = scope;
        }
        // What nested scopes see as bound by enclosing functions.
        let mut child_bound = bound.clone();
        match kind {
            ScopeKind::Module => child_bound.clear(),
            ScopeKind::Class => {
                child_bound.insert("__class__".to_string());
            }
            _ => {
                for s in &self.scopes[id].symbols {
                    match s.scope {
                        NameScope::Local => {
                            child_bound.insert(s.name.clone());
                        }
                        NameScope::GlobalExplicit => {
                            child_bound.remove(&s.name);
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut child_free = HashSet::new();
        for c in self.scopes[id].children.clone() {
            self.analyze(c, &child_bound, &mut child_free)?;
        }
        let mut child_free: Vec<String> = child_free.into_iter().collect();
        child_free.sort();
        for name in child_free {
            if kind == ScopeKind::Class && name == "__class__" {
                self.scopes[id].needs_class_cell = true;
                continue;
            }
            if locals.contains(&name) && kind != ScopeKind::Class {
                let i = self.scopes[id].index[&name];
                self.scopes[id].symbols[i].scope = NameScope::Cell;
                continue;
            }
            if kind == ScopeKind::Module {
                continue;
            }
            // Passes through: free here too (a class keeps its own local binding and
            // also gets the free variable, as CPython's DEF_FREE_CLASS).
            let scope = &mut self.scopes[id];
            match scope.index.get(&name) {
                Some(&i) if scope.symbols[i].scope != NameScope::Local => {
                    scope.symbols[i].scope = NameScope::Free;
                }
                Some(_) => {
                    // A class-local name with the same spelling: keep both; the class
                    // body uses the local one, the closure the free one.
                    scope.pass_through_free(&name);
                }
                None => {
                    scope.add(&name, 0);
                    let i = scope.index[&name];
                    scope.symbols[i].scope = NameScope::Free;
                }
            }
        }
        for s in &self.scopes[id].symbols {
            if s.scope == NameScope::Free {
                free_out.insert(s.name.clone());
            }
        }
        for name in &self.scopes[id].extra_free {
            free_out.insert(name.clone());
        }
        Ok(())
    }
}

impl Scope {
    fn pass_through_free(&mut self, name: &str) {
        if !self.extra_free.iter().any(|n| n == name) {
            self.extra_free.push(name.to_string());
        }
    }
}
