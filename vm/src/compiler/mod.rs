//! The compiler: Python AST (from `frontend`) to `bytecode` code objects.
//!
//! Pipeline: `frontend::parse` -> `symtable` (where every name lives) -> code generation
//! (`stmt.rs`, `expr.rs`, `pattern.rs`) into `unit::Unit`s, one per code object, which
//! pack themselves into `CodeObject`s. The output follows CPython 3.11's code shapes
//! (see `bytecode/opcode.rs` for the instruction contract).

mod expr;
mod pattern;
mod stmt;
pub mod symtable;
mod unit;

use std::borrow::Cow;
use std::sync::Arc;

use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{CodeFlags, CodeObject, Constant, Instruction, Location};
use crate::frontend::{self, LineIndex, Parsed, SyntaxErrorInfo, SyntaxErrorKind};
use symtable::{NameScope, ScopeKind, SymbolTable};
use unit::Unit;

/// What the source is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or script: statements; the code returns None.
    Module,
    /// One REPL input: statements; expression statements print their value (PrintExpr).
    Interactive,
    /// `eval()` input: one expression whose value the code returns.
    Eval,
}

/// Compiles `source` to a module-level code object.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, SyntaxErrorInfo> {
    let index = LineIndex::new(source);
    let parsed = frontend::parse(source, filename, mode == Mode::Eval, &index)?;
    let table = match &parsed {
        Parsed::Module(m) => SymbolTable::build_module(&m.body),
        Parsed::Expression(e) => SymbolTable::build_expression(&e.body),
    }
    .map_err(|e| {
        SyntaxErrorInfo::at(
            SyntaxErrorKind::SyntaxError,
            e.message,
            filename,
            source,
            &index,
            e.range,
        )
    })?;
    let mut c = Compiler {
        source,
        filename: Arc::from(filename),
        index: &index,
        table,
        units: Vec::new(),
        mode,
    };
    let code = match &parsed {
        Parsed::Module(m) => c.compile_module(&m.body)?,
        Parsed::Expression(e) => c.compile_eval(&e.body)?,
    };
    Ok(Arc::new(code))
}

pub(crate) type CResult<T> = Result<T, SyntaxErrorInfo>;

pub(crate) struct Compiler<'a> {
    source: &'a str,
    filename: Arc<str>,
    index: &'a LineIndex,
    table: SymbolTable,
    units: Vec<Unit<'a>>,
    mode: Mode,
}

#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum NameOp {
    Load,
    Store,
    Delete,
}

/// CPython's private-name mangling: `__x` inside class `C` becomes `_C__x`.
pub(crate) fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}

impl<'a> Compiler<'a> {
    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no code unit")
    }

    fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("no code unit")
    }

    fn emit(&mut self, i: Instruction) {
        self.u().emit(i);
    }

    fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.index.line_col(range.start());
        let (end_line, end_col) = self.index.line_col(range.end());
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    fn set_loc(&mut self, range: TextRange) {
        let loc = self.location(range);
        self.u().loc = loc;
    }

    fn error(&self, message: impl Into<String>, range: TextRange) -> SyntaxErrorInfo {
        SyntaxErrorInfo::at(
            SyntaxErrorKind::SyntaxError,
            message,
            &self.filename,
            self.source,
            self.index,
            range,
        )
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.u().add_const(c);
        self.emit(Instruction::LoadConst(i));
    }

    fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let private = self.ur().private.clone();
        let name = mangle(private.as_deref(), name).into_owned();
        self.u().add_name(&name)
    }

    /// Whether loading `name` here compiles to `LoadGlobal`.
    fn resolves_to_global(&self, name: &str) -> bool {
        if name == "__debug__" {
            return false;
        }
        let name = mangle(self.ur().private.as_deref(), name);
        let scope = &self.table.scopes[self.ur().scope];
        match scope.lookup(&name) {
            NameScope::GlobalExplicit => true,
            NameScope::GlobalImplicit => scope.is_function_like(),
            _ => false,
        }
    }

    /// Whether loading `name` here compiles to `LoadFast`.
    fn resolves_to_fast(&self, name: &str) -> bool {
        let name = mangle(self.ur().private.as_deref(), name);
        let scope = &self.table.scopes[self.ur().scope];
        scope.lookup(&name) == NameScope::Local && scope.is_function_like()
    }

    /// Loads, stores or deletes a variable according to its resolved scope.
    fn name_op(&mut self, name: &str, op: NameOp) {
        if name == "__debug__" && op == NameOp::Load {
            self.load_const(Constant::Bool(true));
            return;
        }
        let private = self.ur().private.clone();
        let name = mangle(private.as_deref(), name).into_owned();
        let scope = &self.table.scopes[self.ur().scope];
        let ns = scope.lookup(&name);
        let optimized = scope.is_function_like();
        let is_class = scope.kind == ScopeKind::Class;
        use Instruction as I;
        match ns {
            NameScope::Local if optimized => {
                let i = self.u().add_varname(&name);
                self.emit(match op {
                    NameOp::Load => I::LoadFast(i),
                    NameOp::Store => I::StoreFast(i),
                    NameOp::Delete => I::DeleteFast(i),
                });
            }
            NameScope::Cell | NameScope::Free => {
                let slot = self
                    .ur()
                    .deref_slot(&name)
                    .expect("deref slot for cell/free name");
                self.emit(match op {
                    NameOp::Load if is_class => I::LoadClassDeref(slot),
                    NameOp::Load => I::LoadDeref(slot),
                    NameOp::Store => I::StoreDeref(slot),
                    NameOp::Delete => I::DeleteDeref(slot),
                });
            }
            NameScope::GlobalExplicit => {
                let i = self.u().add_name(&name);
                self.emit(match op {
                    NameOp::Load => I::LoadGlobal(i),
                    NameOp::Store => I::StoreGlobal(i),
                    NameOp::Delete => I::DeleteGlobal(i),
                });
            }
            NameScope::GlobalImplicit if optimized => {
                let i = self.u().add_name(&name);
                self.emit(match op {
                    NameOp::Load => I::LoadGlobal(i),
                    NameOp::Store => I::StoreGlobal(i),
                    NameOp::Delete => I::DeleteGlobal(i),
                });
            }
            NameScope::Local | NameScope::GlobalImplicit => {
                let i = self.u().add_name(&name);
                self.emit(match op {
                    NameOp::Load => I::LoadName(i),
                    NameOp::Store => I::StoreName(i),
                    NameOp::Delete => I::DeleteName(i),
                });
            }
        }
    }

    /// Starts a code unit for scope `scope`.
    fn enter_unit(&mut self, scope: usize, name: &str, range: TextRange, first_line: u32) {
        let kind = self.table.scopes[scope].kind;
        let qualname = match self.units.last() {
            None => name.to_string(),
            Some(parent) => {
                let parent_scope = &self.table.scopes[parent.scope];
                // A function declared global in its parent keeps a bare qualname.
                let global_decl = parent_scope.lookup(name) == NameScope::GlobalExplicit;
                match parent.kind {
                    ScopeKind::Module => name.to_string(),
                    _ if global_decl => name.to_string(),
                    ScopeKind::Class => format!("{}.{}", parent.qualname, name),
                    _ => format!("{}.<locals>.{}", parent.qualname, name),
                }
            }
        };
        let private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|p| p.private.clone()),
        };
        let mut unit = Unit::new(scope, kind, name.to_string(), qualname, first_line);
        unit.private = private;
        let sc = &self.table.scopes[scope];
        let mut flags = CodeFlags::default();
        if sc.is_function_like() {
            flags.set(CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS);
            for p in &sc.params {
                unit.add_varname(p);
            }
            for s in &sc.symbols {
                if s.scope == NameScope::Local {
                    unit.add_varname(&s.name);
                }
            }
        }
        if kind == ScopeKind::Class {
            flags.set(CodeFlags::NEWLOCALS | CodeFlags::CLASS_BODY);
        }
        if kind == ScopeKind::Comprehension {
            flags.set(CodeFlags::COMPREHENSION);
        }
        if sc.is_generator {
            flags.set(CodeFlags::GENERATOR);
        }
        if sc.nested {
            flags.set(CodeFlags::NESTED);
        }
        for s in &sc.symbols {
            match s.scope {
                NameScope::Cell => unit.cellvars.push(s.name.clone()),
                NameScope::Free => unit.freevars.push(s.name.clone()),
                _ => {}
            }
        }
        unit.freevars.extend(sc.extra_free.iter().cloned());
        if sc.needs_class_cell {
            unit.cellvars.push("__class__".to_string());
        }
        unit.flags = flags;
        unit.loc = self.location(TextRange::new(range.start(), range.start()));
        unit.loc.line = first_line;
        unit.loc.end_line = first_line;
        self.units.push(unit);
    }

    fn leave_unit(&mut self) -> CodeObject {
        let unit = self.units.pop().expect("no code unit");
        unit.finish(self.filename.clone())
    }

    fn compile_module(&mut self, body: &'a [Stmt]) -> CResult<CodeObject> {
        self.enter_unit(0, "<module>", TextRange::default(), 1);
        let mut body = body;
        if self.mode == Mode::Module
            && let Some(doc) = docstring(body)
        {
            self.set_loc(body[0].range());
            self.load_const(Constant::Str(doc.into()));
            self.name_op("__doc__", NameOp::Store);
            body = &body[1..];
        }
        if find_annotations(body) {
            self.emit(Instruction::SetupAnnotations);
        }
        self.stmts(body)?;
        if self.ur().reachable() {
            self.load_none();
            self.emit(Instruction::ReturnValue);
        }
        Ok(self.leave_unit())
    }

    fn compile_eval(&mut self, body: &'a ast::Expr) -> CResult<CodeObject> {
        self.enter_unit(0, "<module>", TextRange::default(), 1);
        self.expr(body)?;
        self.emit(Instruction::ReturnValue);
        Ok(self.leave_unit())
    }
}

/// The docstring of a body: its first statement, if a plain string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            ast::Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a module or class body has annotated simple names (needs SetupAnnotations);
/// looks into compound statements but not into nested scopes, as CPython.
pub(crate) fn find_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_annotations(&f.body) || find_annotations(&f.orelse),
        Stmt::While(w) => find_annotations(&w.body) || find_annotations(&w.orelse),
        Stmt::If(i) => {
            find_annotations(&i.body)
                || i.elif_else_clauses
                    .iter()
                    .any(|c| find_annotations(&c.body))
        }
        Stmt::With(w) => find_annotations(&w.body),
        Stmt::Try(t) => {
            find_annotations(&t.body)
                || find_annotations(&t.orelse)
                || find_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_annotations(&c.body)),
        _ => false,
    })
}
