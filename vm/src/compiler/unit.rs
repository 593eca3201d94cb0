//! A code unit under construction: instruction emission with labels, static stack-depth
//! tracking, the current exception handler per instruction, and the final packing into
//! a [`CodeObject`] (label resolution, exception table, run-length line table).
//!
//! Depth tracking: `depth` is the static value-stack depth at the next instruction, or
//! `None` when that point is unreachable (after a jump, return or raise). Instructions
//! emitted at an unreachable point are dropped (dead code elimination for free); binding a
//! label makes the point reachable again with the depth recorded by the jumps to it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::bytecode::{
    CodeFlags, CodeObject, Constant, ExceptionTableEntry, Instruction, Location, LocationRun,
};

use super::symtable::ScopeKind;

/// A forward or backward jump target inside one unit (resolved when the unit finishes).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);

/// The exception handler covering emitted code: where it starts and the stack depth the
/// VM unwinds to before pushing the exception.
pub type Handler = Option<(Label, u32)>;

/// What a `break`/`continue`/`return` must undo when it leaves a block.
#[derive(Clone, Debug)]
pub enum FBlockKind<'a> {
    While {
        head: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    For {
        head: Label,
        exit: Label,
    },
    TryExcept,
    /// The `try` body of a `try/finally`: leaving it runs the finally body.
    FinallyTry(&'a [ruff_python_ast::Stmt]),
    /// The finally body on the exception path: `prev_exc exc` are on the stack; the
    /// handler outside the whole `try` applies once `PopExcept` ran.
    FinallyEnd(Handler),
    /// A `with` body: the `__exit__` bound method is on the stack.
    With,
    /// An except body (`prev_exc` on the stack), with the `as` name to clear and the
    /// handler outside the whole `try` (active once `PopExcept` ran).
    HandlerCleanup(Option<String>, super::unit::Handler),
    /// A value kept on the stack (a return value while a finally body runs).
    PopValue,
}

#[derive(Clone, Debug)]
pub struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// The handler active outside this block (restored while unwinding it).
    pub outer_handler: Handler,
}

pub struct Unit<'a> {
    pub scope: usize,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub flags: CodeFlags,
    pub argcount: u32,
    pub posonly_argcount: u32,
    pub kwonly_argcount: u32,
    pub docstring: Option<String>,

    pub instructions: Vec<Instruction>,
    locs: Vec<Location>,
    handlers: Vec<Handler>,
    labels: Vec<Option<u32>>,
    label_depth: Vec<Option<u32>>,
    pub depth: Option<u32>,
    max_depth: u32,

    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    name_idx: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_idx: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,

    pub cur_handler: Handler,
    pub fblocks: Vec<FBlock<'a>>,
    pub loc: Location,
    /// The innermost enclosing class name, for private-name mangling.
    pub private: Option<String>,
}

impl<'a> Unit<'a> {
    pub fn new(scope: usize, kind: ScopeKind, name: String, qualname: String, line: u32) -> Self {
        Unit {
            scope,
            kind,
            name,
            qualname,
            first_line: line,
            flags: CodeFlags::default(),
            argcount: 0,
            posonly_argcount: 0,
            kwonly_argcount: 0,
            docstring: None,
            instructions: Vec::new(),
            locs: Vec::new(),
            handlers: Vec::new(),
            labels: Vec::new(),
            label_depth: Vec::new(),
            depth: Some(0),
            max_depth: 0,
            consts: Vec::new(),
            names: Vec::new(),
            name_idx: HashMap::new(),
            varnames: Vec::new(),
            var_idx: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            cur_handler: None,
            fblocks: Vec::new(),
            loc: Location {
                line,
                end_line: line,
                col: 0,
                end_col: 0,
            },
            private: None,
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.label_depth.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// True when the next instruction is reachable.
    pub fn reachable(&self) -> bool {
        self.depth.is_some()
    }

    pub fn cur_depth(&self) -> u32 {
        self.depth.unwrap_or(0)
    }

    fn note_label_depth(&mut self, label: Label, depth: u32) {
        let slot = &mut self.label_depth[label.0 as usize];
        debug_assert!(
            slot.is_none() || *slot == Some(depth),
            "inconsistent stack depth at label {label:?}: {slot:?} vs {depth} in {}",
            self.qualname
        );
        if slot.is_none() {
            *slot = Some(depth);
        }
    }

    /// Emits `instr` (dropped when unreachable). Jump instructions carry a label id in
    /// their target until `finish` resolves it.
    pub fn emit(&mut self, instr: Instruction) {
        let Some(depth) = self.depth else {
            return;
        };
        if let Some(t) = instr.target() {
            let taken = depth as i32 + instr.stack_effect(true);
            debug_assert!(taken >= 0, "negative stack depth in {}", self.qualname);
            self.max_depth = self.max_depth.max(taken.max(0) as u32);
            self.note_label_depth(Label(t), taken.max(0) as u32);
        }
        let next = depth as i32 + instr.stack_effect(false);
        debug_assert!(
            next >= 0,
            "negative stack depth after {instr:?} in {}",
            self.qualname
        );
        let next = next.max(0) as u32;
        // Instructions that push transiently before popping (calls) never exceed the
        // larger of before/after, so the running maximum of both is exact.
        self.max_depth = self.max_depth.max(next).max(depth);
        self.instructions.push(instr);
        self.locs.push(self.loc);
        self.handlers.push(self.cur_handler);
        self.depth = if instr.is_terminator() {
            None
        } else {
            Some(next)
        };
    }

    /// Places `label` here. Reachability: falling through keeps the current depth;
    /// otherwise the depth recorded by jumps to the label (if any) applies.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instructions.len() as u32);
        match self.depth {
            Some(d) => self.note_label_depth(label, d),
            None => self.depth = self.label_depth[label.0 as usize],
        }
    }

    /// Places an exception handler's label: reached only by unwinding, with `depth` values.
    pub fn bind_handler(&mut self, label: Label, depth: u32) {
        self.label_depth[label.0 as usize] = Some(depth);
        self.max_depth = self.max_depth.max(depth);
        self.depth = None;
        self.bind(label);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        if let Some(i) = self.consts.iter().position(|k| k.same_as(&c)) {
            return i as u32;
        }
        self.consts.push(c);
        self.consts.len() as u32 - 1
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_idx.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.name_idx.insert(name.to_string(), i);
        i
    }

    pub fn add_varname(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.var_idx.get(name) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(name.to_string());
        self.var_idx.insert(name.to_string(), i);
        i
    }

    /// The deref slot of `name` (cells first, then free variables).
    pub fn deref_slot(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        self.freevars
            .iter()
            .position(|n| n == name)
            .map(|i| (i + self.cellvars.len()) as u32)
    }

    pub fn finish(self, filename: Arc<str>) -> CodeObject {
        let Unit {
            name,
            qualname,
            first_line,
            flags,
            argcount,
            posonly_argcount,
            kwonly_argcount,
            docstring,
            mut instructions,
            locs,
            handlers,
            labels,
            max_depth,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            ..
        } = self;
        let resolve = |l: u32| labels[l as usize].expect("jump to a label that was never bound");
        for instr in instructions.iter_mut() {
            if let Some(t) = instr.target() {
                instr.set_target(resolve(t));
            }
        }
        let handlers: Vec<Option<(u32, u32)>> = handlers
            .iter()
            .map(|h| h.map(|(label, depth)| (resolve(label.0), depth)))
            .collect();
        let (instructions, locs, handlers) = peephole(instructions, locs, handlers);
        let mut exception_table: Vec<ExceptionTableEntry> = Vec::new();
        for (i, h) in handlers.iter().enumerate() {
            let Some((target, depth)) = *h else {
                continue;
            };
            let i = i as u32;
            match exception_table.last_mut() {
                Some(e) if e.end == i && e.target == target && e.depth == depth => e.end = i + 1,
                _ => exception_table.push(ExceptionTableEntry {
                    start: i,
                    end: i + 1,
                    target,
                    depth,
                }),
            }
        }
        let mut locations: Vec<LocationRun> = Vec::new();
        for (i, loc) in locs.iter().enumerate() {
            if locations.last().is_none_or(|r| r.location != *loc) {
                locations.push(LocationRun {
                    start: i as u32,
                    location: *loc,
                });
            }
        }
        CodeObject {
            name,
            qualname,
            filename,
            first_line,
            argcount,
            posonly_argcount,
            kwonly_argcount,
            flags,
            varnames,
            cellvars,
            freevars,
            names,
            constants: consts,
            instructions,
            locations,
            exception_table,
            max_stack_depth: max_depth,
            docstring,
        }
    }
}

/// Per-instruction exception handler after label resolution: (target offset, depth).
type ResolvedHandler = Option<(u32, u32)>;

/// The peephole pass on resolved code (the parts of CPython's that pay without a CFG):
/// jumps to an unconditional `Jump` go straight to its target; `JumpIf*OrPop` chains
/// collapse; `PopJumpIfX` over a lone `Jump` becomes the inverted jump; a jump to the next
/// instruction, `Nop`s and unreachable instructions disappear.
fn peephole(
    mut instrs: Vec<Instruction>,
    mut locs: Vec<Location>,
    mut handlers: Vec<ResolvedHandler>,
) -> (Vec<Instruction>, Vec<Location>, Vec<ResolvedHandler>) {
    use Instruction as I;
    for _round in 0..4 {
        let n = instrs.len();
        thread_jumps(&mut instrs);
        // Which offsets are jump or handler targets (an inverted jump must not skip one).
        let mut is_target = vec![false; n + 1];
        for (instr, h) in instrs.iter().zip(&handlers) {
            if let Some(t) = instr.target() {
                is_target[t as usize] = true;
            }
            if let Some((t, _)) = h {
                is_target[*t as usize] = true;
            }
        }
        for i in 0..n {
            let inverted = match (instrs[i], instrs.get(i + 1)) {
                (I::PopJumpIfFalse(t), Some(&I::Jump(u))) if t as usize == i + 2 => {
                    Some(I::PopJumpIfTrue(u))
                }
                (I::PopJumpIfTrue(t), Some(&I::Jump(u))) if t as usize == i + 2 => {
                    Some(I::PopJumpIfFalse(u))
                }
                (I::PopJumpIfNone(t), Some(&I::Jump(u))) if t as usize == i + 2 => {
                    Some(I::PopJumpIfNotNone(u))
                }
                (I::PopJumpIfNotNone(t), Some(&I::Jump(u))) if t as usize == i + 2 => {
                    Some(I::PopJumpIfNone(u))
                }
                _ => None,
            };
            if let Some(new) = inverted
                && !is_target[i + 1]
                && handlers[i] == handlers[i + 1]
            {
                instrs[i] = new;
                instrs[i + 1] = I::Nop;
            }
            if instrs[i] == I::Jump(i as u32 + 1) {
                instrs[i] = I::Nop;
            }
        }
        let reachable = reachable(&instrs, &handlers);
        let keep: Vec<bool> = (0..n)
            .map(|i| reachable[i] && instrs[i] != I::Nop)
            .collect();
        if keep.iter().all(|k| *k) {
            break;
        }
        let mut new_index = Vec::with_capacity(n + 1);
        let mut kept = 0u32;
        for k in &keep {
            new_index.push(kept);
            if *k {
                kept += 1;
            }
        }
        new_index.push(kept);
        let mut out_i = Vec::with_capacity(kept as usize);
        let mut out_l = Vec::with_capacity(kept as usize);
        let mut out_h = Vec::with_capacity(kept as usize);
        for (i, ((mut instr, loc), h)) in instrs.into_iter().zip(locs).zip(handlers).enumerate() {
            if !keep[i] {
                continue;
            }
            if let Some(t) = instr.target() {
                instr.set_target(new_index[t as usize]);
            }
            out_i.push(instr);
            out_l.push(loc);
            out_h.push(h.map(|(t, d)| (new_index[t as usize], d)));
        }
        instrs = out_i;
        locs = out_l;
        handlers = out_h;
    }
    (instrs, locs, handlers)
}

fn thread_jumps(instrs: &mut [Instruction]) {
    use Instruction as I;
    for i in 0..instrs.len() {
        let Some(mut t) = instrs[i].target() else {
            continue;
        };
        for _ in 0..16 {
            let Some(&next) = instrs.get(t as usize) else {
                break;
            };
            match (instrs[i], next) {
                (_, I::Jump(u)) if u != t => t = u,
                (I::JumpIfFalseOrPop(_), I::JumpIfFalseOrPop(u))
                | (I::JumpIfTrueOrPop(_), I::JumpIfTrueOrPop(u)) => t = u,
                // The value is falsy (truthy) at the target, which pops it and falls
                // through: the same as popping here and jumping past it.
                (I::JumpIfFalseOrPop(_), I::JumpIfTrueOrPop(_)) => {
                    instrs[i] = I::PopJumpIfFalse(t);
                    t += 1;
                    break;
                }
                (I::JumpIfTrueOrPop(_), I::JumpIfFalseOrPop(_)) => {
                    instrs[i] = I::PopJumpIfTrue(t);
                    t += 1;
                    break;
                }
                _ => break,
            }
        }
        instrs[i].set_target(t);
    }
}

/// Instructions reachable from the entry, through jumps, fall-through and handlers.
fn reachable(instrs: &[Instruction], handlers: &[ResolvedHandler]) -> Vec<bool> {
    let n = instrs.len();
    let mut seen = vec![false; n];
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        if i >= n || seen[i] {
            continue;
        }
        seen[i] = true;
        if let Some((t, _)) = handlers[i] {
            work.push(t as usize);
        }
        if let Some(t) = instrs[i].target() {
            work.push(t as usize);
        }
        if !instrs[i].is_terminator() {
            work.push(i + 1);
        }
    }
    seen
}
