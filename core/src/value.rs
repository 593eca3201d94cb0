//! `Value` and the heap object handle.
//!
//! Layout (pinned below): `Value` is 16 bytes — a one-byte tag plus an 8-byte payload.
//! `None`, `bool`, `int` that fits in `i64` and `float` are unboxed: arithmetic on them
//! allocates nothing and touches no shared memory. Everything else is an [`ObjRef`].
//!
//! [`ObjRef`] is the ONE handle to heap objects. It wraps a `stmpy_stm::Shared` (an
//! `Arc` with an immortal mode); reference cycles among containers are found by the
//! cycle collector ([`crate::gc`]). Nothing outside this file may rely on its counting
//! but through its methods (`new`, `is`, `id`, `strong_count`, deref to `Object`).
//!
//! Mutable objects keep all their mutable state in one `TVar` (see [`Payload`]);
//! immutable ones (str, bytes, tuple, frozenset, bigint, code) are plain data.

use std::any::Any;
use std::ops::Deref;
use std::sync::Arc;

use num_bigint::BigInt;
use stmpy_stm::{OwnedCell, Shared, TVar, WeakShared};

use crate::dict::DictData;
use crate::list::ListData;
use crate::str::PyStr;

/// A Python value.
///
/// `repr(u64)`: a full-word tag and every payload at offset 8, so a `Value` moves as
/// two machine words. With a one-byte tag, `bool`'s payload sat at offset 1 and moves
/// went through memory as byte-plus-15-byte copies that the CPU could not forward to
/// the following 16-byte loads (a stall on every push, pop and local store).
#[derive(Clone, Debug, Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<ObjRef>() == 8);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);
// An object (refcounts + payload) is one 64-byte block.
const _: () = assert!(std::mem::size_of::<Payload>() <= 48);

/// Handle to a heap object. Opaque: see the module comment.
#[derive(Clone)]
pub struct ObjRef(Shared<Object>);

impl ObjRef {
    /// Classes, built-in functions and modules are immortal (see `stmpy_stm::Shared`):
    /// every thread loads them all the time (`range`, `len`, a class being
    /// instantiated), and they live as long as the program in nearly every program.
    /// The price: a class created and dropped in a loop is never freed.
    ///
    /// Containers that can close a reference cycle are registered with the cycle
    /// collector ([`crate::gc`]).
    pub fn new(payload: Payload) -> ObjRef {
        if matches!(
            payload,
            Payload::Type(_) | Payload::Native(_) | Payload::Module(_)
        ) {
            return ObjRef(Shared::new_immortal(Object { payload }));
        }
        if crate::gc::tracks(&payload) {
            let (strong, weak) = Shared::new_with_weak(Object { payload });
            crate::gc::register(WeakObj(weak));
            return ObjRef(strong);
        }
        ObjRef(Shared::new(Object { payload }))
    }
    /// An object the cycle collector does not track (an instance's namespace dict,
    /// which it traverses as part of the instance).
    fn new_untracked(payload: Payload) -> ObjRef {
        ObjRef(Shared::new(Object { payload }))
    }
    /// The number of handles on the object (the cycle collector's input,
    /// `sys.getrefcount`).
    pub fn strong_count(&self) -> usize {
        Shared::strong_count(&self.0)
    }
    pub fn is_immortal(&self) -> bool {
        self.0.is_immortal()
    }
    /// Makes the object immortal: clones and drops of it write no shared memory, and
    /// it is never freed.
    pub fn make_immortal(&self) {
        self.0.make_immortal();
    }
    /// Identity comparison (`is`).
    #[inline]
    pub fn is(&self, other: &ObjRef) -> bool {
        Shared::ptr_eq(&self.0, &other.0)
    }
    /// The object itself, mutably, when this handle is the only one (no other value,
    /// frame slot or thread can see it): lets `s += t` append to a str in place.
    #[inline]
    pub fn get_mut(&mut self) -> Option<&mut Object> {
        Shared::get_mut(&mut self.0)
    }
    /// `id(obj)`: stable while the object lives.
    #[inline]
    pub fn id(&self) -> usize {
        Shared::as_ptr(&self.0) as usize
    }
    /// A weak handle (`weakref.ref`): does not keep the object alive.
    pub fn downgrade(&self) -> WeakObj {
        WeakObj(Shared::downgrade(&self.0))
    }
    /// How many weak handles point at the object (`weakref.getweakrefcount`).
    pub fn weak_count(&self) -> usize {
        // Less the cycle collector's registry entry.
        Shared::weak_count(&self.0).saturating_sub(crate::gc::tracks(&self.payload) as usize)
    }
}

/// A weak handle to a heap object: the object while something else keeps it alive.
pub struct WeakObj(WeakShared<Object>);

impl WeakObj {
    pub fn upgrade(&self) -> Option<ObjRef> {
        self.0.upgrade().map(ObjRef)
    }
    /// The object is gone (it never comes back).
    pub fn is_dead(&self) -> bool {
        self.0.is_dead()
    }
}

impl Deref for ObjRef {
    type Target = Object;
    #[inline]
    fn deref(&self) -> &Object {
        &self.0
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<obj {} at {:#x}>", self.payload.kind_name(), self.id())
    }
}

/// A heap object.
pub struct Object {
    pub payload: Payload,
}

/// A `list`'s state: one cell holding a persistent vector.
pub type ListCell = TVar<ListData>;

/// Every kind of heap object. Kinds whose behaviour lives in the VM (code objects,
/// generator frames, native functions) carry an opaque payload the VM downcasts.
pub enum Payload {
    Str(PyStr),
    BigInt(BigInt),
    Bytes(Box<[u8]>),
    /// `complex`: (real, imaginary).
    Complex(f64, f64),
    /// `bytearray`: a mutable byte buffer in one cell.
    ByteArray(TVar<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(ListCell),
    Dict(TVar<DictData>),
    Set(TVar<DictData>),
    FrozenSet(Box<DictData>),
    Instance(Instance),
    // Big variants are boxed so that every object (a str, a tuple...) stays small:
    // `Payload` is 48 bytes, not the 152 of its largest variant.
    Type(Box<crate::types::TypeObj>),
    Function(Box<Function>),
    BoundMethod(Value, Value),
    Native(Box<NativeFunc>),
    Module(Module),
    /// A closure cell (`nonlocal` variables, captured locals).
    Cell(TVar<Value>),
    Range(i64, i64, i64),
    /// `slice(start, stop, step)`.
    Slice(Box<[Value; 3]>),
    /// `property(fget, fset, fdel, doc)`.
    Property(Box<[Value; 4]>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(cls, obj)`.
    Super(ObjRef, Value),
    /// VM-defined objects (iterators, generators, code, ...): class plus opaque data.
    Opaque(ObjRef, Box<dyn Any + Send + Sync>),
}

impl Payload {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Payload::Str(_) => "str",
            Payload::BigInt(_) => "int",
            Payload::Bytes(_) => "bytes",
            Payload::Complex(..) => "complex",
            Payload::ByteArray(_) => "bytearray",
            Payload::Tuple(_) => "tuple",
            Payload::List(_) => "list",
            Payload::Dict(_) => "dict",
            Payload::Set(_) => "set",
            Payload::FrozenSet(_) => "frozenset",
            Payload::Instance(_) => "instance",
            Payload::Type(_) => "type",
            Payload::Function(_) => "function",
            Payload::BoundMethod(..) => "method",
            Payload::Native(_) => "builtin_function_or_method",
            Payload::Module(_) => "module",
            Payload::Cell(_) => "cell",
            Payload::Range(..) => "range",
            Payload::Slice(..) => "slice",
            Payload::Property(..) => "property",
            Payload::StaticMethod(_) => "staticmethod",
            Payload::ClassMethod(_) => "classmethod",
            Payload::Super(..) => "super",
            Payload::Opaque(..) => "object",
        }
    }
}

/// An instance of a user class (or of `object`, or of an exception class).
pub struct Instance {
    pub class: ObjRef,
    /// The instance namespace: a `dict` object, so that `obj.__dict__` is the live
    /// namespace (writes through it are attribute writes), held with a direct handle on
    /// its cell so that an attribute access does not load the dict object first.
    /// Always a `Payload::Dict` ([`Instance::new`] is the only constructor). An
    /// instance of a `__slots__` class has no `__dict__`: its namespace is a
    /// standalone cell, no dict object (64 bytes and one allocation less per
    /// instance).
    dict: OwnedCell<ObjRef, DictData>,
    /// Exception instances (class derives from BaseException) carry their state here.
    pub exc: Option<TVar<ExcState>>,
    /// Instances of a user subclass of a built-in data type (`class Stack(list)`): the
    /// built-in value they extend, which the built-in methods and operators act on (a
    /// list/dict/set/bytearray object is mutated in place).
    /// Boxed: rare, and it keeps `Instance` (so every `Payload`) small.
    pub base: Option<Box<Value>>,
}

impl Instance {
    pub fn new(class: ObjRef, dict: DictData, exc: Option<TVar<ExcState>>) -> Instance {
        let slots = matches!(&class.payload, Payload::Type(t) if t.slots.is_some());
        let dict = if slots {
            OwnedCell::standalone(TVar::new(dict))
        } else {
            OwnedCell::new(
                ObjRef::new_untracked(Payload::Dict(TVar::new(dict))),
                |o| match &o.payload {
                    Payload::Dict(d) => d,
                    _ => unreachable!("built as a dict just above"),
                },
            )
        };
        Instance {
            class,
            dict,
            exc,
            base: None,
        }
    }
    /// An instance of a subclass of a built-in type, extending `base`.
    pub fn with_base(class: ObjRef, base: Value) -> Instance {
        Instance {
            base: Some(Box::new(base)),
            ..Instance::new(class, DictData::new(), None)
        }
    }
    /// The namespace's cell, if no handle on the namespace dict exists but the
    /// instance's own (the cycle collector then counts its items as the instance's).
    pub(crate) fn dict_if_sole_owner(&self) -> Option<&TVar<DictData>> {
        self.dict
            .owner()
            .is_none_or(|o| o.strong_count() == 1)
            .then(|| self.dict())
    }
    /// The namespace's cell.
    #[inline(always)]
    pub fn dict(&self) -> &TVar<DictData> {
        self.dict.cell()
    }
    /// `obj.__dict__`: the namespace as a dict object (`None` for a `__slots__` class).
    pub fn dict_object(&self) -> Option<&ObjRef> {
        self.dict.owner()
    }
}

/// The mutable state of an exception object.
#[derive(Clone, Default)]
pub struct ExcState {
    pub args: Value,
    pub traceback: Vec<TraceEntry>,
    /// `__traceback__` once Python code has seen or set it: the head of a chain of
    /// traceback objects (None for none); `None` here while it is only `traceback`.
    pub tb_obj: Option<Value>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// One traceback line: where a frame was when the exception passed through it.
#[derive(Clone)]
pub struct TraceEntry {
    pub filename: Arc<str>,
    pub name: Arc<str>,
    pub line: u32,
    /// The failing instruction's source range (0-based UTF-8 byte columns), for the
    /// `^^^^` markers of CPython 3.11 tracebacks.
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
    /// The frame's code (the VM's, opaque here) and globals, for `tb.tb_frame`.
    pub code: Option<Arc<dyn Any + Send + Sync>>,
    pub globals: Option<ObjRef>,
}

impl std::fmt::Debug for TraceEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{} in {}", self.filename, self.line, self.name)
    }
}

/// A Python function: code plus the environment it closes over.
pub struct Function {
    /// The VM's code object (opaque here: the bytecode belongs to the VM).
    pub code: Arc<dyn Any + Send + Sync>,
    pub name: Value,
    pub qualname: Value,
    /// The module namespace (a `Dict` object) the function's globals resolve in.
    pub globals: ObjRef,
    pub defaults: Vec<Value>,
    /// Keyword-only defaults: (name, value).
    pub kwdefaults: Vec<(ObjRef, Value)>,
    pub closure: Vec<ObjRef>,
    /// Function attributes (`f.__doc__ = ...`) and `__annotations__` etc.
    pub dict: TVar<DictData>,
    pub module: Value,
}

/// A function implemented in Rust by the VM.
pub struct NativeFunc {
    pub name: &'static str,
    /// The VM's function pointer, type-erased (core does not know the VM's signature).
    pub imp: Box<dyn Any + Send + Sync>,
    /// Needs the calling frame (`globals()`, `locals()`, `vars()`, zero-argument
    /// `super()`): the eval loop records it in the thread state before the call.
    pub needs_frame: bool,
    /// Where it lives, which decides its Python type and repr.
    pub kind: NativeKind,
}

/// What a native function is to Python code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// A builtin or module function, or a class/static method of a built-in type
    /// (`builtin_function_or_method`).
    Function,
    /// A method of the built-in type named here (`method_descriptor`: `list.append`).
    Method(Arc<str>),
    /// A special-method slot of the built-in type named here (`wrapper_descriptor`:
    /// `object.__init__`; bound, `method-wrapper`).
    Slot(Arc<str>),
}

/// A module: its name and its globals dict.
pub struct Module {
    pub name: Value,
    pub dict: ObjRef,
}

impl Value {
    #[inline]
    pub fn obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            _ => false,
        }
    }
    pub fn as_str(&self) -> Option<&PyStr> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s),
            _ => None,
        }
    }
    /// The str of a str or of an instance of a str subclass (which equals its text
    /// unless its class says otherwise: dict lookups by text find such keys).
    #[inline]
    pub fn text(&self) -> Option<&PyStr> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s),
            Some(Payload::Instance(i)) => i.base.as_deref().and_then(|b| b.as_str()),
            _ => None,
        }
    }
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.payload() {
            Some(Payload::Tuple(t)) => Some(t),
            _ => None,
        }
    }
    pub fn str(s: &str) -> Value {
        Value::Obj(ObjRef::new(Payload::Str(PyStr::new(s))))
    }
    pub fn string(s: String) -> Value {
        Value::Obj(ObjRef::new(Payload::Str(PyStr::from_string(s))))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Obj(ObjRef::new(Payload::Tuple(items.into_boxed_slice())))
    }
    pub fn list(items: ListData) -> Value {
        Value::Obj(ObjRef::new(Payload::List(TVar::new(items))))
    }
    pub fn list_from(items: Vec<Value>) -> Value {
        Value::list(ListData::from(items))
    }
    pub fn dict(d: DictData) -> Value {
        Value::Obj(ObjRef::new(Payload::Dict(TVar::new(d))))
    }
    /// An int from a BigInt, unboxed when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(ObjRef::new(Payload::BigInt(b))),
        }
    }
    pub fn slice(start: Value, stop: Value, step: Value) -> Value {
        Value::Obj(ObjRef::new(Payload::Slice(Box::new([start, stop, step]))))
    }
    pub fn property(fget: Value, fset: Value, fdel: Value, doc: Value) -> Value {
        Value::Obj(ObjRef::new(Payload::Property(Box::new([
            fget, fset, fdel, doc,
        ]))))
    }
    pub fn frozenset(d: DictData) -> Value {
        Value::Obj(ObjRef::new(Payload::FrozenSet(Box::new(d))))
    }
    pub fn bytes(b: Vec<u8>) -> Value {
        Value::Obj(ObjRef::new(Payload::Bytes(b.into_boxed_slice())))
    }
    pub fn complex(re: f64, im: f64) -> Value {
        Value::Obj(ObjRef::new(Payload::Complex(re, im)))
    }
    pub fn bytearray(b: Vec<u8>) -> Value {
        Value::Obj(ObjRef::new(Payload::ByteArray(TVar::new(b))))
    }
}
