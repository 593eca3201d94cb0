//! Type objects: user classes and the built-in types, with the built-in exception
//! hierarchy. The built-in types are process-wide immutable singletons ([`types`]); the
//! VM fills their method tables at start-up (see `vm/src/builtins/`).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use stmpy_stm::{StmResult, TVar, Tx};

use crate::dict::DictData;
use crate::str::PyStr;
use crate::value::{NativeKind, ObjRef, Payload, Value};

/// What the instances of a type are made of (which `Payload` a call of the type builds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A plain instance with a `__dict__` (user classes deriving from `object`).
    Object,
    /// An exception instance (class derives from `BaseException`).
    Exception,
    /// A built-in type whose instances are some other payload (int, str, list...).
    Builtin,
}

/// A class.
pub struct TypeObj {
    pub name: String,
    pub module: String,
    pub bases: Vec<ObjRef>,
    pub mro: Vec<ObjRef>,
    pub dict: Namespace,
    pub layout: Layout,
    /// The built-in type this one is or derives from (for `class X(list)`-style checks).
    pub builtin_base: Option<&'static str>,
    /// The metaclass when it is not `type` (`class C(metaclass=M)` or inherited from a
    /// base): `type(C)` and special-method lookups on the class go through it.
    pub meta: Option<ObjRef>,
    /// The class or a base defines `__getattribute__` in Python: attribute reads on its
    /// instances must call it (kept as a flag so that other classes' reads skip the
    /// lookup). Set when the class is made, or when the attribute is assigned to it.
    pub getattribute_hook: AtomicBool,
    /// `__slots__` without `__dict__` here and in every base: the only attribute names
    /// its instances may hold (None: instances have a `__dict__`).
    pub slots: Option<Vec<String>>,
}

impl TypeObj {
    /// Does reading an attribute of an instance go through a Python `__getattribute__`?
    #[inline]
    pub fn has_getattribute_hook(&self) -> bool {
        self.getattribute_hook.load(Ordering::Relaxed)
    }
    /// May an instance hold an attribute of this name (`__slots__` allows only its names)?
    #[inline]
    pub fn allows_instance_attr(&self, name: &str) -> bool {
        self.slots
            .as_ref()
            .is_none_or(|slots| slots.iter().any(|s| s == name))
    }
    pub fn qualname(&self) -> &str {
        &self.name
    }
}

/// A class namespace: a cell like any other for reads, but every write also gives
/// [`class_epoch`] a fresh value in the same transaction. So "no class namespace has
/// changed" is one read of one cell, which lets the VM's attribute caches validate an
/// MRO lookup without reading every class of the MRO. (Writes to class namespaces
/// after start-up are rare; a program that keeps writing class attributes makes every
/// thread's cached lookups re-check, and conflicts with the threads that use them.)
pub struct Namespace(TVar<DictData>);

impl Namespace {
    pub fn new(d: DictData) -> Namespace {
        Namespace(TVar::new(d))
    }
    #[inline]
    pub fn read<'t>(&'t self, tx: &'t Tx) -> StmResult<&'t DictData> {
        tx.read(&self.0)
    }
    #[inline]
    pub fn view<R>(&self, tx: &Tx, f: impl FnOnce(&DictData) -> R) -> StmResult<R> {
        tx.view(&self.0, f)
    }
    /// Updates the namespace (and the class epoch).
    pub fn modify<R>(&self, tx: &Tx, f: impl FnOnce(&mut DictData) -> R) -> StmResult<R> {
        tx.write(class_epoch(), crate::dict::fresh_version())?;
        tx.modify(&self.0, f)
    }
    /// The cell's address (conflict reports).
    pub fn addr(&self) -> usize {
        self.0.addr()
    }
}

/// Changes (to a value never used before) whenever any class namespace changes.
pub fn class_epoch() -> &'static TVar<u64> {
    static EPOCH: OnceLock<TVar<u64>> = OnceLock::new();
    EPOCH.get_or_init(|| TVar::new(0))
}

/// `ty.__mro__` contains `base`?
pub fn is_subtype(ty: &ObjRef, base: &ObjRef) -> bool {
    if ty.is(base) {
        return true;
    }
    match &ty.payload {
        Payload::Type(t) => t.mro.iter().any(|m| m.is(base)),
        _ => false,
    }
}

pub fn as_type(o: &ObjRef) -> &TypeObj {
    match &o.payload {
        Payload::Type(t) => t,
        _ => panic!("as_type on a non-type object"),
    }
}

/// C3 linearization of a new class with `bases`, excluding the class itself; `None` when
/// no consistent order exists ("Cannot create a consistent method resolution order").
pub fn c3_mro(bases: &[ObjRef]) -> Option<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases.iter().map(|b| mro_of(b).cloned().collect()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<ObjRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let cand = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))))?;
        for s in seqs.iter_mut() {
            if s[0].is(&cand) {
                s.remove(0);
            }
        }
        out.push(cand);
    }
}

/// Builds a class. Errors with CPython's message when the bases admit no C3 order.
pub fn new_type(
    name: &str,
    bases: Vec<ObjRef>,
    dict: DictData,
    layout: Layout,
    builtin: Option<&'static str>,
) -> Result<ObjRef, String> {
    new_type_with_meta(name, bases, dict, layout, builtin, None, None)
}

/// `new_type` for a class whose metaclass is `meta` (`None`: `type`), whose instances
/// are restricted to the attribute names `slots` when given.
pub fn new_type_with_meta(
    name: &str,
    bases: Vec<ObjRef>,
    dict: DictData,
    layout: Layout,
    builtin: Option<&'static str>,
    meta: Option<ObjRef>,
    slots: Option<Vec<String>>,
) -> Result<ObjRef, String> {
    let Some(mro) = c3_mro(&bases) else {
        let names: Vec<&str> = bases.iter().map(|b| as_type(b).name.as_str()).collect();
        // CPython's message has this line break.
        return Err(format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        ));
    };
    let hook = dict
        .get_str("__getattribute__", crate::str::str_hash("__getattribute__"))
        .is_some()
        || mro.iter().any(|m| as_type(m).has_getattribute_hook());
    Ok(ObjRef::new(Payload::Type(Box::new(TypeObj {
        name: name.to_string(),
        module: "builtins".to_string(),
        bases,
        mro,
        dict: Namespace::new(dict),
        layout,
        builtin_base: builtin,
        meta,
        getattribute_hook: AtomicBool::new(hook),
        slots,
    }))))
}

/// A type's MRO including itself first.
pub fn mro_of(ty: &ObjRef) -> impl Iterator<Item = &ObjRef> {
    let rest: &[ObjRef] = match &ty.payload {
        Payload::Type(t) => &t.mro,
        _ => &[],
    };
    std::iter::once(ty).chain(rest.iter())
}

macro_rules! exceptions {
    ($( $name:ident : $parent:ident ),* $(,)?) => {
        /// The built-in exception classes, by name.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ExcKind { BaseException, $( $name ),* }

        impl ExcKind {
            pub const ALL: &'static [(ExcKind, &'static str, ExcKind)] = &[
                $( (ExcKind::$name, stringify!($name), ExcKind::$parent) ),*
            ];
        }
    };
}

exceptions! {
    Exception: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    FloatingPointError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    NotADirectoryError: OSError,
    InterruptedError: OSError,
    ProcessLookupError: OSError,
    ChildProcessError: OSError,
    BlockingIOError: OSError,
    IsADirectoryError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    PendingDeprecationWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    UnicodeTranslateError: UnicodeError,
}

/// The built-in types.
pub struct Types {
    pub object: ObjRef,
    pub type_: ObjRef,
    pub int: ObjRef,
    pub bool_: ObjRef,
    pub float: ObjRef,
    pub complex: ObjRef,
    pub str_: ObjRef,
    pub bytes: ObjRef,
    pub bytearray: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub dict: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub none_type: ObjRef,
    pub function: ObjRef,
    pub builtin_function: ObjRef,
    pub method: ObjRef,
    pub method_descriptor: ObjRef,
    pub wrapper_descriptor: ObjRef,
    pub method_wrapper: ObjRef,
    pub module: ObjRef,
    pub cell: ObjRef,
    pub range: ObjRef,
    pub slice: ObjRef,
    pub property: ObjRef,
    pub staticmethod: ObjRef,
    pub classmethod: ObjRef,
    pub super_: ObjRef,
    pub not_implemented_type: ObjRef,
    pub ellipsis_type: ObjRef,
    /// Built-in exceptions, indexed by `ExcKind as usize`.
    pub exceptions: Vec<ObjRef>,
    /// `NotImplemented` and `Ellipsis` singletons (instances of their types).
    pub not_implemented: ObjRef,
    pub ellipsis: ObjRef,
}

impl Types {
    pub fn exc(&self, k: ExcKind) -> &ObjRef {
        &self.exceptions[k as usize]
    }
}

static TYPES: OnceLock<Types> = OnceLock::new();

/// The process-wide built-in types.
#[inline]
pub fn types() -> &'static Types {
    TYPES.get_or_init(build_types)
}

fn build_types() -> Types {
    // Single-inheritance chains always linearize, so `new_type` cannot fail here.
    let linear = |name: &str, bases: Vec<ObjRef>, layout: Layout, builtin: Option<&'static str>| {
        let mro: Vec<ObjRef> = bases
            .iter()
            .flat_map(|b| mro_of(b).cloned().collect::<Vec<_>>())
            .collect();
        ObjRef::new(Payload::Type(Box::new(TypeObj {
            name: name.to_string(),
            module: "builtins".to_string(),
            bases,
            mro,
            dict: Namespace::new(DictData::new()),
            layout,
            builtin_base: builtin,
            meta: None,
            getattribute_hook: AtomicBool::new(false),
            // `object()` instances have no `__dict__`: no attribute can be set.
            slots: (name == "object").then(Vec::new),
        })))
    };
    let b = |name: &str, base: &ObjRef, layout: Layout, builtin: &'static str| {
        linear(name, vec![base.clone()], layout, Some(builtin))
    };
    let object = linear("object", vec![], Layout::Object, None);
    let type_ = b("type", &object, Layout::Builtin, "type");
    let int = b("int", &object, Layout::Builtin, "int");
    let bool_ = b("bool", &int, Layout::Builtin, "bool");
    let mut exceptions: Vec<ObjRef> = Vec::new();
    let base_exc = b("BaseException", &object, Layout::Exception, "BaseException");
    exceptions.push(base_exc);
    for (kind, name, parent) in ExcKind::ALL {
        debug_assert_eq!(*kind as usize, exceptions.len());
        let p = exceptions[*parent as usize].clone();
        exceptions.push(b(name, &p, Layout::Exception, "BaseException"));
    }
    let not_implemented_type = b(
        "NotImplementedType",
        &object,
        Layout::Builtin,
        "NotImplementedType",
    );
    let ellipsis_type = b("ellipsis", &object, Layout::Builtin, "ellipsis");
    let not_implemented = ObjRef::new(Payload::Opaque(not_implemented_type.clone(), Box::new(())));
    let ellipsis = ObjRef::new(Payload::Opaque(ellipsis_type.clone(), Box::new(())));
    Types {
        float: b("float", &object, Layout::Builtin, "float"),
        complex: b("complex", &object, Layout::Builtin, "complex"),
        str_: b("str", &object, Layout::Builtin, "str"),
        bytes: b("bytes", &object, Layout::Builtin, "bytes"),
        bytearray: b("bytearray", &object, Layout::Builtin, "bytearray"),
        tuple: b("tuple", &object, Layout::Builtin, "tuple"),
        list: b("list", &object, Layout::Builtin, "list"),
        dict: b("dict", &object, Layout::Builtin, "dict"),
        set: b("set", &object, Layout::Builtin, "set"),
        frozenset: b("frozenset", &object, Layout::Builtin, "frozenset"),
        none_type: b("NoneType", &object, Layout::Builtin, "NoneType"),
        function: b("function", &object, Layout::Builtin, "function"),
        builtin_function: b(
            "builtin_function_or_method",
            &object,
            Layout::Builtin,
            "builtin_function_or_method",
        ),
        method: b("method", &object, Layout::Builtin, "method"),
        method_descriptor: b("method_descriptor", &object, Layout::Builtin, "opaque"),
        wrapper_descriptor: b("wrapper_descriptor", &object, Layout::Builtin, "opaque"),
        method_wrapper: b("method-wrapper", &object, Layout::Builtin, "opaque"),
        module: b("module", &object, Layout::Builtin, "module"),
        cell: b("cell", &object, Layout::Builtin, "cell"),
        range: b("range", &object, Layout::Builtin, "range"),
        slice: b("slice", &object, Layout::Builtin, "slice"),
        property: b("property", &object, Layout::Builtin, "property"),
        staticmethod: b("staticmethod", &object, Layout::Builtin, "staticmethod"),
        classmethod: b("classmethod", &object, Layout::Builtin, "classmethod"),
        super_: b("super", &object, Layout::Builtin, "super"),
        not_implemented_type,
        ellipsis_type,
        not_implemented,
        ellipsis,
        exceptions,
        object,
        type_,
        int,
        bool_,
    }
}

/// `type(v)`.
#[inline]
pub fn type_of(v: &Value) -> &ObjRef {
    let t = types();
    match v {
        Value::None => &t.none_type,
        Value::Bool(_) => &t.bool_,
        Value::Int(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Obj(o) => type_of_obj(o),
    }
}

pub fn type_of_obj(o: &ObjRef) -> &ObjRef {
    let t = types();
    match &o.payload {
        Payload::Str(_) => &t.str_,
        Payload::BigInt(_) => &t.int,
        Payload::Bytes(_) => &t.bytes,
        Payload::ByteArray(_) => &t.bytearray,
        Payload::Complex(..) => &t.complex,
        Payload::Tuple(_) => &t.tuple,
        Payload::List(_) => &t.list,
        Payload::Dict(_) => &t.dict,
        Payload::Set(_) => &t.set,
        Payload::FrozenSet(_) => &t.frozenset,
        Payload::Instance(i) => &i.class,
        Payload::Type(ty) => ty.meta.as_ref().unwrap_or(&t.type_),
        Payload::Function(_) => &t.function,
        Payload::BoundMethod(_, f) => match f.payload() {
            Some(Payload::Native(n)) if matches!(n.kind, NativeKind::Slot(_)) => &t.method_wrapper,
            Some(Payload::Native(_)) => &t.builtin_function,
            _ => &t.method,
        },
        Payload::Native(n) => match n.kind {
            NativeKind::Function => &t.builtin_function,
            NativeKind::Method(_) => &t.method_descriptor,
            NativeKind::Slot(_) => &t.wrapper_descriptor,
        },
        Payload::Module(_) => &t.module,
        Payload::Cell(_) => &t.cell,
        Payload::Range(..) => &t.range,
        Payload::Slice(..) => &t.slice,
        Payload::Property(..) => &t.property,
        Payload::StaticMethod(_) => &t.staticmethod,
        Payload::ClassMethod(_) => &t.classmethod,
        Payload::Super(..) => &t.super_,
        Payload::Opaque(c, _) => c,
    }
}

/// The `__name__` of `type(v)`.
pub fn type_name(v: &Value) -> &str {
    match &type_of(v).payload {
        Payload::Type(t) => &t.name,
        _ => "?",
    }
}

/// An interned-style str value (attribute names); cheap to compare by hash then bytes.
pub fn name_value(s: &str) -> Value {
    Value::Obj(ObjRef::new(Payload::Str(PyStr::new(s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_hierarchy() {
        let t = types();
        assert!(is_subtype(&t.bool_, &t.int));
        assert!(is_subtype(
            t.exc(ExcKind::ZeroDivisionError),
            t.exc(ExcKind::ArithmeticError)
        ));
        assert!(is_subtype(
            t.exc(ExcKind::KeyError),
            t.exc(ExcKind::Exception)
        ));
        assert!(!is_subtype(
            t.exc(ExcKind::SystemExit),
            t.exc(ExcKind::Exception)
        ));
        assert_eq!(type_name(&Value::Int(3)), "int");
        assert_eq!(type_name(&Value::str("x")), "str");
    }

    #[test]
    fn c3_diamond() {
        let t = types();
        let mk = |name: &str, bases: Vec<ObjRef>| {
            new_type(name, bases, DictData::new(), Layout::Object, None)
        };
        let a = mk("A", vec![t.object.clone()]).unwrap();
        let b = mk("B", vec![a.clone()]).unwrap();
        let c = mk("C", vec![a.clone()]).unwrap();
        let d = mk("D", vec![b.clone(), c.clone()]).unwrap();
        let names: Vec<String> = mro_of(&d).map(|x| as_type(x).name.clone()).collect();
        assert_eq!(names, ["D", "B", "C", "A", "object"]);
        // class E(A, B) has no consistent order.
        assert!(mk("E", vec![a, b]).is_err());
    }
}
