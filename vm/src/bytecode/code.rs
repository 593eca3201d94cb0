//! Code objects: the unit the compiler produces and the eval loop runs.
//!
//! A `CodeObject` is plain, immutable Rust data (no object-model values): the VM converts
//! its [`Constant`]s to Python values once, when it first loads the code object.
//!
//! # Variables
//! - **Fast slots** (`varnames`): in a function (`OPTIMIZED`), every local. Arguments come
//!   first, in this order: `argcount` positional ones (the first `posonly_argcount` of
//!   them positional-only), then `kwonly_argcount` keyword-only ones, then the `*args`
//!   name if `VARARGS`, then the `**kwargs` name if `VARKEYWORDS`; other locals follow.
//! - **Deref slots**: `cellvars` (locals captured by inner functions, plus `__class__` in
//!   a class body that needs it) are slots `0..cellvars.len()`, then `freevars` (captured
//!   from enclosing functions, filled from the closure tuple in order). A captured
//!   argument also keeps its fast slot: the body starts by copying it into its cell.
//! - **Names** (`names`): global, attribute, import and (in module/class bodies) local
//!   names used by `LoadName`/`LoadGlobal`/`LoadAttr`/... .
//!
//! # Exception handling
//! `exception_table` lists non-overlapping ranges `[start, end)` of instruction offsets,
//! sorted by `start`. When an instruction at offset `i` raises, the VM takes the entry with
//! `start <= i < end` (none: the exception leaves the frame), truncates the value stack to
//! `depth` values, pushes the exception object, and continues at `target`. Handlers are
//! ordinary code (see `opcode.rs`: `PushExcInfo`, `CheckExcMatch`, `PopExcept`,
//! `Reraise`); no runtime block stack exists, so `try` costs nothing until something is
//! raised and frames hold only their value stack and an instruction pointer.
//!
//! Why no CPython-style "push lasti" flag: CPython pushes the raising offset so `RERAISE`
//! can restore `f_lineno` for the traceback. Here a traceback entry records its line when
//! the exception first passes through the frame, and `Reraise` adds none, so the offset is
//! not needed on the stack.
//!
//! # Line table
//! `locations` is a side table (STYLE.md item 10) of runs: entry `k` gives the source
//! range of instructions `locations[k].start .. locations[k+1].start`. Lines are 1-based,
//! columns 0-based UTF-8 byte offsets into the line (as CPython's `co_positions`), so
//! 3.11-style traceback carets are possible.

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use super::opcode::Instruction;

/// Code-object flags (a bit set, CPython's `co_flags` subset).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct CodeFlags(pub u16);

impl CodeFlags {
    /// Locals are fast slots (a function body). Without it (module, class body, `exec`
    /// code) locals live in a mapping and `LoadName`/`StoreName` are used.
    pub const OPTIMIZED: u16 = 0x0001;
    /// Calls get a fresh locals namespace (functions and class bodies).
    pub const NEWLOCALS: u16 = 0x0002;
    /// Takes `*args` (its name follows the keyword-only arguments in `varnames`).
    pub const VARARGS: u16 = 0x0004;
    /// Takes `**kwargs` (its name follows `*args`, if any).
    pub const VARKEYWORDS: u16 = 0x0008;
    /// Defined inside another function (has or may have free variables).
    pub const NESTED: u16 = 0x0010;
    /// A generator function: calling it returns a generator (see `opcode.rs`).
    pub const GENERATOR: u16 = 0x0020;
    /// A comprehension or generator-expression body (`<listcomp>`, `<genexpr>`, ...).
    pub const COMPREHENSION: u16 = 0x0040;
    /// A class body (run by `__build_class__` with the class namespace as locals).
    pub const CLASS_BODY: u16 = 0x0080;

    pub fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }

    pub fn set(&mut self, bit: u16) {
        self.0 |= bit;
    }
}

impl fmt::Display for CodeFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (bit, name) in [
            (Self::OPTIMIZED, "OPTIMIZED"),
            (Self::NEWLOCALS, "NEWLOCALS"),
            (Self::VARARGS, "VARARGS"),
            (Self::VARKEYWORDS, "VARKEYWORDS"),
            (Self::NESTED, "NESTED"),
            (Self::GENERATOR, "GENERATOR"),
            (Self::COMPREHENSION, "COMPREHENSION"),
            (Self::CLASS_BODY, "CLASS_BODY"),
        ] {
            if self.has(bit) {
                if !first {
                    f.write_str("|")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        if first {
            f.write_str("0")?;
        }
        Ok(())
    }
}

/// A compile-time constant. Plain data: the VM turns it into a Python value on load.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    /// An int that fits in i64.
    Int(i64),
    /// An int that does not fit in i64 (never used for values that fit).
    BigInt(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Arc<[Constant]>),
    FrozenSet(Arc<[Constant]>),
    Ellipsis,
    Code(Arc<CodeObject>),
}

impl Constant {
    /// Identity for constant de-duplication: like Python's `==` but type-exact (`1`,
    /// `1.0` and `True` stay distinct) and bitwise for floats (`0.0` vs `-0.0`, NaNs).
    pub fn same_as(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { real: a, imag: b }, Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_as(y))
            }
            (Code(a), Code(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A source range (see the module docs for units).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One run of the line table: instructions from `start` up to the next run's start.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LocationRun {
    pub start: u32,
    pub location: Location,
}

/// One exception-table entry (see the module docs).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First covered instruction offset.
    pub start: u32,
    /// One past the last covered instruction offset.
    pub end: u32,
    /// Where the handler starts.
    pub target: u32,
    /// Value-stack depth to truncate to before pushing the exception.
    pub depth: u32,
}

/// A compiled function, class body, comprehension or module.
#[derive(Clone, Debug)]
pub struct CodeObject {
    /// `co_name`: `<module>`, the function name, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// `__qualname__` of functions made from it (`C.f.<locals>.g`).
    pub qualname: String,
    pub filename: Arc<str>,
    /// Line of the `def`/`class` (first decorator included, as CPython) or 1.
    pub first_line: u32,
    /// Positional parameters, positional-only ones included.
    pub argcount: u32,
    pub posonly_argcount: u32,
    pub kwonly_argcount: u32,
    pub flags: CodeFlags,
    /// Fast-slot names (see the module docs for the order).
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub names: Vec<String>,
    pub constants: Vec<Constant>,
    pub instructions: Vec<Instruction>,
    pub locations: Vec<LocationRun>,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// The most values the value stack ever holds (the VM may preallocate it).
    pub max_stack_depth: u32,
    /// The function's docstring (`__doc__`), if the body starts with a string literal.
    pub docstring: Option<String>,
}

impl CodeObject {
    /// Number of deref slots (cells then free variables).
    pub fn deref_count(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The name of a deref slot.
    pub fn deref_name(&self, slot: u32) -> &str {
        let slot = slot as usize;
        if slot < self.cellvars.len() {
            &self.cellvars[slot]
        } else {
            &self.freevars[slot - self.cellvars.len()]
        }
    }

    /// Total parameter slots (positional, keyword-only, `*args`, `**kwargs`).
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonly_argcount) as usize;
        if self.flags.has(CodeFlags::VARARGS) {
            n += 1;
        }
        if self.flags.has(CodeFlags::VARKEYWORDS) {
            n += 1;
        }
        n
    }

    /// The source location of the instruction at `offset` (for tracebacks).
    pub fn location(&self, offset: u32) -> Location {
        let idx = self.locations.partition_point(|run| run.start <= offset);
        if idx == 0 {
            Location {
                line: self.first_line,
                end_line: self.first_line,
                ..Location::default()
            }
        } else {
            self.locations[idx - 1].location
        }
    }

    /// The line number of the instruction at `offset`.
    pub fn line_of(&self, offset: u32) -> u32 {
        self.location(offset).line
    }

    /// The exception handler covering `offset`, if any.
    pub fn handler_for(&self, offset: u32) -> Option<&ExceptionTableEntry> {
        let idx = self.exception_table.partition_point(|e| e.start <= offset);
        if idx == 0 {
            return None;
        }
        let entry = &self.exception_table[idx - 1];
        (offset < entry.end).then_some(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> CodeObject {
        CodeObject {
            name: "f".into(),
            qualname: "f".into(),
            filename: "x.py".into(),
            first_line: 3,
            argcount: 0,
            posonly_argcount: 0,
            kwonly_argcount: 0,
            flags: CodeFlags::default(),
            varnames: vec![],
            cellvars: vec![],
            freevars: vec![],
            names: vec![],
            constants: vec![],
            instructions: vec![],
            locations: vec![],
            exception_table: vec![],
            max_stack_depth: 0,
            docstring: None,
        }
    }

    #[test]
    fn handler_lookup_respects_range_ends() {
        let mut code = empty();
        code.exception_table = vec![
            ExceptionTableEntry {
                start: 2,
                end: 5,
                target: 10,
                depth: 0,
            },
            ExceptionTableEntry {
                start: 5,
                end: 7,
                target: 20,
                depth: 1,
            },
        ];
        assert!(code.handler_for(1).is_none());
        assert_eq!(code.handler_for(2).unwrap().target, 10);
        assert_eq!(code.handler_for(4).unwrap().target, 10);
        assert_eq!(code.handler_for(5).unwrap().target, 20);
        assert!(code.handler_for(7).is_none());
    }

    #[test]
    fn line_lookup_uses_runs() {
        let mut code = empty();
        let at = |line| Location {
            line,
            end_line: line,
            col: 0,
            end_col: 1,
        };
        code.locations = vec![
            LocationRun {
                start: 0,
                location: at(3),
            },
            LocationRun {
                start: 4,
                location: at(5),
            },
        ];
        assert_eq!(code.line_of(0), 3);
        assert_eq!(code.line_of(3), 3);
        assert_eq!(code.line_of(4), 5);
        assert_eq!(code.line_of(100), 5);
    }

    #[test]
    fn constant_identity_is_type_exact() {
        assert!(!Constant::Int(1).same_as(&Constant::Float(1.0)));
        assert!(!Constant::Int(1).same_as(&Constant::Bool(true)));
        assert!(!Constant::Float(0.0).same_as(&Constant::Float(-0.0)));
        assert!(Constant::Float(f64::NAN).same_as(&Constant::Float(f64::NAN)));
    }
}
