//! The opcode set: the contract between the compiler and the evaluation loop.
//!
//! A stack machine modelled on CPython 3.11. One [`Instruction`] is an opcode with at most
//! one 32-bit operand (or two small ones), 8 bytes in all (pinned below). Operands are
//! indices into the code object's tables (`constants`, `names`, `varnames`, the deref
//! slots), counts, typed sub-operations, or **absolute jump targets** (instruction
//! indices into `CodeObject::instructions`). Source positions are NOT in instructions;
//! they live in the code object's line table, keyed by instruction offset.
//!
//! Stack notation: `a b -> c` means `b` is the top of stack (TOS), `a` below it (TOS1);
//! both are popped and `c` pushed. `STACK[-i]` is the i-th value from the top (1-based).
//! `null` is a stack-slot marker that is never a Python value (the VM may use an
//! `Option` or a dedicated variant); only `LoadMethod` produces it and only `CallMethod`
//! consumes it.
//!
//! # Notes on the odd ones
//! - **Deref slots** (`LoadDeref`, `StoreDeref`, `DeleteDeref`, `LoadClosure`,
//!   `LoadClassDeref`): slot `i < cellvars.len()` is the cell of `cellvars[i]` (a fresh
//!   empty cell made at frame entry); slot `cellvars.len() + j` is the cell of
//!   `freevars[j]`, taken from the function's closure tuple (in order). An argument that is
//!   also a cell variable is copied into its cell by ordinary `LoadFast`/`StoreDeref`
//!   instructions at the start of the body: the VM needs no special case.
//! - **Exceptions** use an exception table (see `code.rs`), not a block stack. When an
//!   instruction at offset `i` raises, the VM finds the entry covering `i`, pops the value
//!   stack down to the entry's `depth`, pushes the exception and jumps to `target`. With no
//!   entry, the frame is left and the exception propagates to the caller. The handler code
//!   then uses `PushExcInfo`, `CheckExcMatch`, `PopExcept` and `Reraise`. The "currently
//!   handled exception" (what `sys.exc_info()`, bare `raise` and implicit chaining
//!   `__context__` see) is a per-thread (per-frame-chain) register that only `PushExcInfo`
//!   and `PopExcept` change (generators save/restore theirs around resumption, as CPython).
//! - **Generators**: a code object with the `GENERATOR` flag is not run by a call; the
//!   call binds arguments into a new frame and returns a generator object wrapping it. The
//!   first resumption pushes nothing (sending non-None to a just-started generator is a
//!   `TypeError`); each later resumption after `YieldValue` pushes the sent value.
//!   `ReturnValue` in a generator finishes it (`StopIteration(value)` to the resumer).
//!   While a generator is suspended at a `YieldValue` that directly follows a `Send`, it is
//!   delegating (`yield from`): `throw()`/`close()` go to the receiver at `STACK[-2]` first.
//! - **Classes**: `LoadBuildClass` pushes `builtins.__build_class__`; the compiler then
//!   calls it as `__build_class__(body_function, name, *bases, **keywords)`. The body
//!   code object has no `OPTIMIZED` flag: the VM runs it with a fresh namespace dict as its
//!   locals mapping (so `LoadName`/`StoreName` use it). If the body code has a `__class__`
//!   cell, the body ends with `LoadClosure(cell); Copy(1); StoreName("__classcell__");
//!   ReturnValue` and the class creation must set that cell to the new class (zero-arg
//!   `super()` reads it); otherwise the body returns `None`.
//! - Zero-argument `super()`: any function that mentions `super` or `__class__` inside a
//!   class body gets `__class__` as a free variable; the VM's `super()` reads the calling
//!   frame's `__class__` deref slot and its first argument (`varnames[0]`, fast slot 0).
//! - **Comprehensions / generator expressions** are nested code objects taking one
//!   positional argument named `.0` (the outermost iterable after `GetIterArg`: its
//!   iterator, or a list, tuple or range as it is), made with `MakeFunction` and called
//!   with `Call(1)` immediately; their code starts `LoadFast(0); IterArg; ForIter`.
//!
//! # Changes
//! (Meaning changes of committed opcodes are listed here, newest last.)
//! - `GetIterArg` and `IterArg` added: a comprehension's `.0` may be a list, tuple or
//!   range, iterated by a frame-private iterator (was always a heap iterator).

use std::fmt;

/// An absolute jump target: an index into `CodeObject::instructions`.
pub type Target = u32;

/// The operator of `BinaryOp`. In-place variants (`a += b`) try `__iadd__` first and fall
/// back to the plain operator; the VM's error messages use [`BinOp::symbol`]
/// (`unsupported operand type(s) for +=: ...`).
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    And,
    FloorDiv,
    LShift,
    MatMul,
    Mul,
    Remainder,
    Or,
    Power,
    RShift,
    Sub,
    TrueDiv,
    Xor,
    InplaceAdd,
    InplaceAnd,
    InplaceFloorDiv,
    InplaceLShift,
    InplaceMatMul,
    InplaceMul,
    InplaceRemainder,
    InplaceOr,
    InplacePower,
    InplaceRShift,
    InplaceSub,
    InplaceTrueDiv,
    InplaceXor,
}

impl BinOp {
    /// All operators, in discriminant order.
    pub const ALL: [BinOp; 26] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDiv,
        BinOp::LShift,
        BinOp::MatMul,
        BinOp::Mul,
        BinOp::Remainder,
        BinOp::Or,
        BinOp::Power,
        BinOp::RShift,
        BinOp::Sub,
        BinOp::TrueDiv,
        BinOp::Xor,
        BinOp::InplaceAdd,
        BinOp::InplaceAnd,
        BinOp::InplaceFloorDiv,
        BinOp::InplaceLShift,
        BinOp::InplaceMatMul,
        BinOp::InplaceMul,
        BinOp::InplaceRemainder,
        BinOp::InplaceOr,
        BinOp::InplacePower,
        BinOp::InplaceRShift,
        BinOp::InplaceSub,
        BinOp::InplaceTrueDiv,
        BinOp::InplaceXor,
    ];

    /// True for the augmented-assignment variants.
    pub fn is_inplace(self) -> bool {
        (self as u8) >= (BinOp::InplaceAdd as u8)
    }

    /// The plain operator of an in-place one (identity for plain operators).
    pub fn base(self) -> BinOp {
        if self.is_inplace() {
            BinOp::ALL[(self as u8 - BinOp::InplaceAdd as u8) as usize]
        } else {
            self
        }
    }

    /// The in-place variant of a plain operator (identity for in-place operators).
    pub fn inplace(self) -> BinOp {
        if self.is_inplace() {
            self
        } else {
            BinOp::ALL[(self as u8 + BinOp::InplaceAdd as u8) as usize]
        }
    }

    /// The Python spelling, as CPython's error messages show it (`+`, `+=`, `**`, `@`...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::LShift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Remainder => "%",
            BinOp::Or => "|",
            BinOp::Power => "**",
            BinOp::RShift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
            BinOp::InplaceAdd => "+=",
            BinOp::InplaceAnd => "&=",
            BinOp::InplaceFloorDiv => "//=",
            BinOp::InplaceLShift => "<<=",
            BinOp::InplaceMatMul => "@=",
            BinOp::InplaceMul => "*=",
            BinOp::InplaceRemainder => "%=",
            BinOp::InplaceOr => "|=",
            BinOp::InplacePower => "**=",
            BinOp::InplaceRShift => ">>=",
            BinOp::InplaceSub => "-=",
            BinOp::InplaceTrueDiv => "/=",
            BinOp::InplaceXor => "^=",
        }
    }
}

/// The operator of `CompareOp` (rich comparison; `is`/`in` have their own opcodes).
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// The Python spelling (`<`, `<=`, `==`, `!=`, `>`, `>=`).
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// The operator of `UnaryOp`.
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x` (`__neg__`)
    Negative,
    /// `+x` (`__pos__`)
    Positive,
    /// `~x` (`__invert__`)
    Invert,
    /// `not x`: always a bool, from the truth value of x.
    Not,
}

/// The conversion of `FormatValue` (`f"{x!r}"`).
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Conversion {
    /// No `!` conversion: `format(value, spec)`.
    None,
    /// `!s`: `str(value)` first.
    Str,
    /// `!r`: `repr(value)` first.
    Repr,
    /// `!a`: `ascii(value)` first.
    Ascii,
}

/// What `MakeFunction` pops besides the code object (bit set).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct MakeFunctionFlags(pub u8);

impl MakeFunctionFlags {
    /// A tuple of positional default values.
    pub const DEFAULTS: u8 = 0x01;
    /// A dict of keyword-only default values (`{name: value}`).
    pub const KW_DEFAULTS: u8 = 0x02;
    /// A dict of annotations (`{name: value}`, `"return"` for the return annotation).
    pub const ANNOTATIONS: u8 = 0x04;
    /// A tuple of cells (from `LoadClosure`), one per `freevars` entry, in order.
    pub const CLOSURE: u8 = 0x08;

    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// `GlobalSubscrStart` operand for "no local".
pub const NO_LOCAL: u8 = u8::MAX;

macro_rules! define_instructions {
    ($( $(#[doc = $doc:literal])* $name:ident $( ( $($arg:ty),* ) )? $( { $($field:ident : $fty:ty),* } )? , )*) => {
        /// One bytecode instruction. See the module docs for the stack notation.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Instruction {
            $( $(#[doc = $doc])* $name $( ( $($arg),* ) )? $( { $($field : $fty),* } )? , )*
        }

        impl Instruction {
            /// The opcode's name, as the disassembler prints it.
            pub fn name(&self) -> &'static str {
                match self {
                    $( define_instructions!(@pat $name $( ( $($arg),* ) )? $( { $($field),* } )?) => stringify!($name), )*
                }
            }
        }

        /// Every opcode name, in definition order (for coverage tests and tools).
        pub const OPCODE_NAMES: &[&str] = &[ $( stringify!($name), )* ];

        /// The one-line documentation of every opcode, in definition order.
        pub const OPCODE_DOCS: &[(&str, &str)] = &[ $( (stringify!($name), concat!($($doc),*)), )* ];
    };
    (@pat $name:ident) => { Instruction::$name };
    (@pat $name:ident ( $($arg:ty),* )) => { Instruction::$name(..) };
    (@pat $name:ident { $($field:ident),* }) => { Instruction::$name { .. } };
}

define_instructions! {
    // ---- stack manipulation ----
    /// Nop: does nothing (kept as a line-number anchor, e.g. for `pass`).
    Nop,
    /// PopTop: `v ->`
    PopTop,
    /// Copy(i): `... x (i-1 more) -> ... x (i-1 more) x`: pushes a copy of STACK[-i] (i >= 1).
    Copy(u32),
    /// Swap(i): exchanges TOS and STACK[-i] (i >= 2).
    Swap(u32),

    // ---- constants and variables ----
    /// LoadConst(consti): `-> constants[consti]`
    LoadConst(u32),
    /// LoadFast(var): `-> varnames[var]`; unbound: `UnboundLocalError: cannot access local variable 'x' where it is not associated with a value`.
    LoadFast(u32),
    /// StoreFast(var): `v ->`, binds fast slot var.
    StoreFast(u32),
    /// DeleteFast(var): unbinds fast slot var; unbound: the same `UnboundLocalError` as LoadFast.
    DeleteFast(u32),
    /// LoadDeref(slot): `-> cell contents`; empty cell of a cellvar: `UnboundLocalError` (as LoadFast), of a freevar: `NameError: cannot access free variable 'x' where it is not associated with a value in enclosing scope`.
    LoadDeref(u32),
    /// StoreDeref(slot): `v ->`, stores v into the cell.
    StoreDeref(u32),
    /// DeleteDeref(slot): empties the cell (errors as LoadDeref when already empty).
    DeleteDeref(u32),
    /// LoadClosure(slot): `-> cell`: pushes the cell object itself (for MakeFunction's closure tuple and `__classcell__`).
    LoadClosure(u32),
    /// LoadClassDeref(slot): `-> v`: in a class body, looks up the slot's name in the locals mapping first, then the cell (errors as LoadDeref).
    LoadClassDeref(u32),
    /// LoadGlobal(namei): `-> v`: globals, then builtins; missing: `NameError: name 'x' is not defined`.
    LoadGlobal(u32),
    /// StoreGlobal(namei): `v ->`, globals[names[namei]] = v.
    StoreGlobal(u32),
    /// DeleteGlobal(namei): del globals[names[namei]]; missing: NameError as LoadGlobal.
    DeleteGlobal(u32),
    /// LoadName(namei): `-> v`: locals mapping, then globals, then builtins (module and class bodies); missing: NameError.
    LoadName(u32),
    /// StoreName(namei): `v ->`, locals[names[namei]] = v (locals is globals at module level).
    StoreName(u32),
    /// DeleteName(namei): del locals[names[namei]]; missing: NameError.
    DeleteName(u32),

    // ---- attributes and subscripts ----
    /// LoadAttr(namei): `obj -> obj.name`
    LoadAttr(u32),
    /// StoreAttr(namei): `v obj ->`, obj.name = v.
    StoreAttr(u32),
    /// DeleteAttr(namei): `obj ->`, del obj.name.
    DeleteAttr(u32),
    /// LoadMethod(namei): `obj -> meth obj` when `name` is a plain function found on type(obj) (not shadowed by an instance attribute), else `obj -> attr null`. Always followed (after the arguments) by CallMethod.
    LoadMethod(u32),
    /// BinarySubscr: `container key -> container[key]`
    BinarySubscr,
    /// GlobalSubscrStart{name, a, b}: starts `G[index]` for global `names[name]` (NameError as LoadGlobal). When fast slots a and b (`NO_LOCAL`: none) hold ints, strs or floats, the index (locals, constants, operators) cannot run Python code: pushes nothing and marks the frame so that GlobalSubscrEnd subscripts `G` in place (no reference taken); else `-> G` as LoadGlobal.
    GlobalSubscrStart { name: u16, a: u8, b: u8 },
    /// GlobalSubscrEnd(name): `key -> G[key]` after a borrowing GlobalSubscrStart, else `G key -> G[key]` as BinarySubscr.
    GlobalSubscrEnd(u32),
    /// StoreSubscr: `v container key ->`, container[key] = v.
    StoreSubscr,
    /// DeleteSubscr: `container key ->`, del container[key].
    DeleteSubscr,

    // ---- operators ----
    /// UnaryOp(op): `v -> op v`
    UnaryOp(UnaryOp),
    /// BinaryOp(op): `a b -> a op b` (in-place ops: `a op= b`'s new value; the compiler stores it).
    BinaryOp(BinOp),
    /// CompareOp(op): `a b -> a op b` (the rich comparison's result, not forced to bool).
    CompareOp(CmpOp),
    /// IsOp(invert): `a b -> (a is b) != invert` (a bool).
    IsOp(bool),
    /// ContainsOp(invert): `a b -> (a in b) != invert` (a bool; `b.__contains__`, else iteration).
    ContainsOp(bool),

    // ---- building ----
    /// BuildTuple(n): `v1 .. vn -> (v1, .., vn)`
    BuildTuple(u32),
    /// BuildList(n): `v1 .. vn -> [v1, .., vn]`
    BuildList(u32),
    /// BuildSet(n): `v1 .. vn -> {v1, .., vn}` (inserted left to right).
    BuildSet(u32),
    /// BuildMap(n): `k1 v1 .. kn vn -> {k1: v1, ..}` (inserted left to right; later keys win).
    BuildMap(u32),
    /// BuildString(n): `s1 .. sn -> s1 + .. + sn` (all are str; for f-strings).
    BuildString(u32),
    /// BuildSlice(n): n = 2: `start stop -> slice(start, stop)`; n = 3: `start stop step -> slice(start, stop, step)`.
    BuildSlice(u32),
    /// ListAppend(i): `v ->`, STACK[-i].append(v) (STACK counted after popping v; comprehensions).
    ListAppend(u32),
    /// SetAdd(i): `v ->`, STACK[-i].add(v) (after popping v).
    SetAdd(u32),
    /// MapAdd(i): `k v ->`, STACK[-i][k] = v (after popping k and v).
    MapAdd(u32),
    /// ListExtend(i): `iterable ->`, STACK[-i].extend(iterable) (after popping; `[*a]`, `f(*a)`).
    ListExtend(u32),
    /// SetUpdate(i): `iterable ->`, STACK[-i].update(iterable) (after popping; `{*a}`).
    SetUpdate(u32),
    /// DictUpdate(i): `mapping ->`, STACK[-i].update(mapping) (after popping; `{**m}`); not a mapping: `TypeError: 'T' object is not a mapping`.
    DictUpdate(u32),
    /// DictMerge(i): as DictUpdate, for `f(**m)`: a duplicate key is `TypeError: f() got multiple values for keyword argument 'k'` (the callable is STACK[-(i+2)] after popping); not a mapping: `TypeError: f() argument after ** must be a mapping, not T`.
    DictMerge(u32),
    /// ListToTuple: `list -> tuple(list)`
    ListToTuple,
    /// UnpackSequence(n): `seq -> vn .. v1` (v1 on top); wrong length: `ValueError: too many values to unpack (expected n)` / `not enough values to unpack (expected n, got m)`.
    UnpackSequence(u32),
    /// UnpackEx{before, after}: `seq -> v_last .. [middle list] .. v1` for `a, *b, c = seq`: before + 1 + after values, v1 on top, the starred list in between; too short: `ValueError: not enough values to unpack (expected at least before+after, got m)`.
    UnpackEx { before: u16, after: u16 },
    /// FormatValue{conversion, has_spec}: `v [spec] -> str`: applies the conversion, then `format(v, spec or "")`.
    FormatValue { conversion: Conversion, has_spec: bool },

    // ---- control flow ----
    /// Jump(target): continue at target.
    Jump(Target),
    /// PopJumpIfFalse(target): `v ->`, jumps if v is falsy.
    PopJumpIfFalse(Target),
    /// PopJumpIfTrue(target): `v ->`, jumps if v is truthy.
    PopJumpIfTrue(Target),
    /// PopJumpIfNone(target): `v ->`, jumps if v is None.
    PopJumpIfNone(Target),
    /// PopJumpIfNotNone(target): `v ->`, jumps if v is not None.
    PopJumpIfNotNone(Target),
    /// JumpIfFalseOrPop(target): `v -> v` and jump if v is falsy, else `v ->` (for `and`).
    JumpIfFalseOrPop(Target),
    /// JumpIfTrueOrPop(target): `v -> v` and jump if v is truthy, else `v ->` (for `or`).
    JumpIfTrueOrPop(Target),
    /// GetIter: `iterable -> iter(iterable)`
    GetIter,
    /// GetIterArg: `iterable -> iter(iterable)`, but a list, tuple or range stays as it is: the outermost iterable passed to a comprehension, which iterates it privately (`IterArg`); iter() of those cannot fail or run Python code.
    GetIterArg,
    /// IterArg: `v -> v`, v a comprehension's `.0`: a list, tuple or range becomes a frame-private iterator for the `ForIter` that follows (as `GetIter` makes one); an iterator stays as it is.
    IterArg,
    /// ForIter(target): `it -> it next(it)`; when exhausted (StopIteration), `it ->` and jump to target.
    ForIter(Target),

    // ---- calls and functions ----
    /// Call(argc): `callable a1 .. an -> callable(a1, .., an)`
    Call(u32),
    /// CallKw(argc): `callable a1 .. an kwnames -> result`: kwnames is a tuple of str (a constant); the last len(kwnames) of the argc arguments are passed by those keywords.
    CallKw(u32),
    /// CallMethod(argc): `meth self_or_null a1 .. an -> result`: meth(self, a1..an), or meth(a1..an) when self_or_null is null.
    CallMethod(u32),
    /// CallFunctionEx(has_kwargs): `callable args [kwargs] -> callable(*args, **kwargs)`: args is a tuple, kwargs a dict (the compiler built both).
    CallFunctionEx(bool),
    /// MakeFunction(flags): `[defaults] [kwdefaults] [annotations] [closure] code -> function`: pops the parts named by flags, in this order (code on top); name and qualname come from the code object; `__module__` from the globals' `__name__`.
    MakeFunction(MakeFunctionFlags),
    /// ReturnValue: `v ->`: returns v to the caller (a generator: finishes with StopIteration(v)).
    ReturnValue,
    /// LoadBuildClass: `-> builtins.__build_class__`
    LoadBuildClass,
    /// SetupAnnotations: creates `__annotations__ = {}` in the locals mapping if absent (module and class bodies with annotations).
    SetupAnnotations,

    // ---- generators ----
    /// YieldValue: `v -> sent`: suspends the generator yielding v; resumption pushes the sent value (None for `next()`).
    YieldValue,
    /// GetYieldFromIter: `iterable -> iterator`: a generator is kept as is, anything else goes through iter().
    GetYieldFromIter,
    /// Send(target): `receiver v -> receiver yielded` (v sent: `next(receiver)` if v is None and receiver is not a generator, else `receiver.send(v)`); when the receiver returns (StopIteration), `receiver v -> result` and jump to target.
    Send(Target),

    // ---- exceptions ----
    /// RaiseVarargs(n): 0: `->` re-raise the handled exception (`RuntimeError: No active exception to reraise` if none); 1: `exc ->` raise exc (a class is instantiated); 2: `exc cause ->` raise exc from cause (sets `__cause__`, `__suppress_context__`).
    RaiseVarargs(u32),
    /// Reraise: `exc ->`: raises exc again, adding no traceback entry for this frame (it has one from the first raise).
    Reraise,
    /// PushExcInfo: `exc -> prev exc`: pushes the currently handled exception (None if none) and makes exc the handled one (first instruction of every handler).
    PushExcInfo,
    /// PopExcept: `prev ->`: restores the handled exception to prev (None: nothing handled).
    PopExcept,
    /// CheckExcMatch: `exc type -> exc bool`: isinstance(exc, type) (type may be a tuple of classes; otherwise `TypeError: catching classes that do not inherit from BaseException is not allowed`).
    CheckExcMatch,
    /// LoadAssertionError: `-> AssertionError` (the builtin class, whatever the name binds to).
    LoadAssertionError,
    /// BeforeWith: `mgr -> exit enter_result`: looks up type(mgr).__enter__ / __exit__ (missing: `TypeError: 'T' object does not support the context manager protocol`), pushes the bound __exit__ and the result of calling __enter__.
    BeforeWith,
    /// WithExceptStart: `exit prev exc -> exit prev exc result`: result = exit(type(exc), exc, exc.__traceback__).
    WithExceptStart,

    // ---- imports ----
    /// ImportName(namei): `level fromlist -> module`: `__import__(names[namei], globals, None, fromlist, level)` (level an int, fromlist None or a tuple of str).
    ImportName(u32),
    /// ImportFrom(namei): `module -> module attr`: module.name, falling back to importing the submodule `module.__name__ + "." + name`; missing: `ImportError: cannot import name 'x' from 'm' (path)`.
    ImportFrom(u32),
    /// ImportStar: `module ->`: binds `module.__all__` (or every public name) in the locals mapping.
    ImportStar,

    // ---- pattern matching (`match`) ----
    /// MatchClass(count): `subject cls kwnames -> attrs_or_None`: isinstance(subject, cls), then count positional attributes via cls.__match_args__ and the kwnames (a tuple of str) attributes, as a tuple; None on failure.
    MatchClass(u32),
    /// MatchMapping: `subject -> subject bool`: is subject a mapping (dict or a collections.abc.Mapping registrant)?
    MatchMapping,
    /// MatchSequence: `subject -> subject bool`: is subject a sequence for matching (list, tuple, range, ...; not str/bytes/bytearray)?
    MatchSequence,
    /// MatchKeys: `subject keys -> subject keys values_or_None`: keys is a tuple; the values tuple `subject.get(k)` for all keys, or None if one is missing.
    MatchKeys,
    /// CopyDictWithoutKeys: `subject keys -> subject rest`: rest = dict(subject) minus keys (for `**rest`).
    CopyDictWithoutKeys,
    /// GetLen: `obj -> obj len(obj)`
    GetLen,

    // ---- interactive ----
    /// PrintExpr: `v ->`: REPL echo: if v is not None, prints repr(v) and sets `builtins._ = v`.
    PrintExpr,
}

// Pinned so a code object's instruction array stays dense (STYLE.md item 3).
const _: () = assert!(std::mem::size_of::<Instruction>() <= 8);

impl Instruction {
    /// The jump target, for instructions that have one.
    pub fn target(&self) -> Option<Target> {
        match *self {
            Instruction::Jump(t)
            | Instruction::PopJumpIfFalse(t)
            | Instruction::PopJumpIfTrue(t)
            | Instruction::PopJumpIfNone(t)
            | Instruction::PopJumpIfNotNone(t)
            | Instruction::JumpIfFalseOrPop(t)
            | Instruction::JumpIfTrueOrPop(t)
            | Instruction::ForIter(t)
            | Instruction::Send(t) => Some(t),
            _ => None,
        }
    }

    /// Replaces the jump target (no-op for instructions without one).
    pub fn set_target(&mut self, new: Target) {
        match self {
            Instruction::Jump(t)
            | Instruction::PopJumpIfFalse(t)
            | Instruction::PopJumpIfTrue(t)
            | Instruction::PopJumpIfNone(t)
            | Instruction::PopJumpIfNotNone(t)
            | Instruction::JumpIfFalseOrPop(t)
            | Instruction::JumpIfTrueOrPop(t)
            | Instruction::ForIter(t)
            | Instruction::Send(t) => *t = new,
            _ => {}
        }
    }

    /// True when control never falls through to the next instruction.
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Instruction::Jump(_)
                | Instruction::ReturnValue
                | Instruction::RaiseVarargs(_)
                | Instruction::Reraise
        )
    }

    /// Net stack effect. `jump` selects the effect when the branch is taken (for
    /// instructions with a target); otherwise the fall-through effect.
    pub fn stack_effect(&self, jump: bool) -> i32 {
        use Instruction::*;
        match *self {
            Nop => 0,
            PopTop => -1,
            Copy(_) => 1,
            Swap(_) => 0,
            LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
            | LoadGlobal(_) | LoadName(_) => 1,
            StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => -1,
            DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => 0,
            LoadAttr(_) => 0,
            StoreAttr(_) => -2,
            DeleteAttr(_) => -1,
            LoadMethod(_) => 1,
            BinarySubscr => -1,
            GlobalSubscrStart { .. } => 1,
            GlobalSubscrEnd(_) => -1,
            StoreSubscr => -3,
            DeleteSubscr => -2,
            UnaryOp(_) => 0,
            BinaryOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
            BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
            BuildMap(n) => 1 - 2 * n as i32,
            BuildSlice(n) => 1 - n as i32,
            ListAppend(_) | SetAdd(_) => -1,
            MapAdd(_) => -2,
            ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => -1,
            ListToTuple => 0,
            UnpackSequence(n) => n as i32 - 1,
            UnpackEx { before, after } => before as i32 + after as i32,
            FormatValue { has_spec, .. } => {
                if has_spec {
                    -1
                } else {
                    0
                }
            }
            Jump(_) => 0,
            PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => -1,
            JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            GetIter | GetIterArg | IterArg => 0,
            ForIter(_) => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            Call(n) => -(n as i32),
            CallKw(n) => -(n as i32) - 1,
            CallMethod(n) => -(n as i32) - 1,
            CallFunctionEx(kw) => {
                if kw {
                    -2
                } else {
                    -1
                }
            }
            MakeFunction(flags) => -(flags.0.count_ones() as i32),
            ReturnValue => -1,
            LoadBuildClass => 1,
            SetupAnnotations => 0,
            YieldValue => 0,
            GetYieldFromIter => 0,
            Send(_) => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            RaiseVarargs(n) => -(n as i32),
            Reraise => -1,
            PushExcInfo => 1,
            PopExcept => -1,
            CheckExcMatch => 0,
            LoadAssertionError => 1,
            BeforeWith => 1,
            WithExceptStart => 1,
            ImportName(_) => -1,
            ImportFrom(_) => 1,
            ImportStar => -1,
            MatchClass(_) => -2,
            MatchMapping | MatchSequence => 1,
            MatchKeys => 1,
            CopyDictWithoutKeys => 0,
            GetLen => 1,
            PrintExpr => -1,
        }
    }
}

impl fmt::Display for Instruction {
    /// `Name operand` with raw operands; the disassembler adds resolved names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Instruction::*;
        let name = self.name();
        match *self {
            Copy(a) | Swap(a) | LoadConst(a) | LoadFast(a) | StoreFast(a) | DeleteFast(a)
            | LoadDeref(a) | StoreDeref(a) | DeleteDeref(a) | LoadClosure(a)
            | LoadClassDeref(a) | LoadGlobal(a) | StoreGlobal(a) | DeleteGlobal(a)
            | LoadName(a) | StoreName(a) | DeleteName(a) | LoadAttr(a) | StoreAttr(a)
            | DeleteAttr(a) | LoadMethod(a) | BuildTuple(a) | BuildList(a) | BuildSet(a)
            | BuildMap(a) | BuildString(a) | BuildSlice(a) | ListAppend(a) | SetAdd(a)
            | MapAdd(a) | ListExtend(a) | SetUpdate(a) | DictUpdate(a) | DictMerge(a)
            | UnpackSequence(a) | Jump(a) | PopJumpIfFalse(a) | PopJumpIfTrue(a)
            | PopJumpIfNone(a) | PopJumpIfNotNone(a) | JumpIfFalseOrPop(a) | JumpIfTrueOrPop(a)
            | ForIter(a) | Call(a) | CallKw(a) | CallMethod(a) | Send(a) | RaiseVarargs(a)
            | ImportName(a) | ImportFrom(a) | MatchClass(a) => {
                write!(f, "{name} {a}")
            }
            UnaryOp(op) => write!(f, "{name} {op:?}"),
            BinaryOp(op) => write!(f, "{name} {}", op.symbol()),
            CompareOp(op) => write!(f, "{name} {}", op.symbol()),
            IsOp(inv) | ContainsOp(inv) | CallFunctionEx(inv) => write!(f, "{name} {}", inv as u8),
            UnpackEx { before, after } => write!(f, "{name} {before} {after}"),
            GlobalSubscrStart { name: n, a, b } => write!(f, "{name} {n} {a} {b}"),
            GlobalSubscrEnd(a) => write!(f, "{name} {a}"),
            FormatValue {
                conversion,
                has_spec,
            } => {
                write!(
                    f,
                    "{name} {conversion:?}{}",
                    if has_spec { " spec" } else { "" }
                )
            }
            MakeFunction(flags) => {
                write!(f, "{name}")?;
                for (bit, label) in [
                    (MakeFunctionFlags::DEFAULTS, " defaults"),
                    (MakeFunctionFlags::KW_DEFAULTS, " kwdefaults"),
                    (MakeFunctionFlags::ANNOTATIONS, " annotations"),
                    (MakeFunctionFlags::CLOSURE, " closure"),
                ] {
                    if flags.has(bit) {
                        f.write_str(label)?;
                    }
                }
                Ok(())
            }
            Nop | PopTop | BinarySubscr | StoreSubscr | DeleteSubscr | ListToTuple | GetIter
            | GetIterArg | IterArg | ReturnValue | LoadBuildClass | SetupAnnotations
            | YieldValue | GetYieldFromIter | Reraise | PushExcInfo | PopExcept | CheckExcMatch
            | LoadAssertionError | BeforeWith | WithExceptStart | ImportStar | MatchMapping
            | MatchSequence | MatchKeys | CopyDictWithoutKeys | GetLen | PrintExpr => {
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_opcode_is_documented_with_its_name_first() {
        for (name, doc) in OPCODE_DOCS {
            let doc = doc.trim();
            assert!(
                doc.starts_with(name),
                "doc of {name} must start with its name: {doc}"
            );
        }
        assert_eq!(OPCODE_NAMES.len(), OPCODE_DOCS.len());
    }

    #[test]
    fn inplace_mapping_round_trips() {
        for op in BinOp::ALL {
            assert_eq!(op.inplace().base(), op.base());
            assert!(op.inplace().is_inplace());
            assert_eq!(op.base().symbol().to_string() + "=", op.inplace().symbol());
        }
    }
}
