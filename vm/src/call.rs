//! Calling: argument binding into frames, dispatch on the kind of callable, class
//! instantiation, nested eval loops for native code that calls back into Python.

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, type_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, Layout, is_subtype, type_name, type_of, types};
use stmpy_core::value::{Function, Instance, ObjRef, Payload, Value};

use crate::bytecode::CodeFlags;
use crate::eval::Exit;
use crate::vm::{CodeRef, Frame, Vm, new_cell};

/// The signature of every function implemented in Rust: positional arguments (for a
/// method, `self` first) and keyword arguments as (name, value) pairs.
pub type NativeFn = fn(&mut Vm, &Tx, &[Value], &[(Value, Value)]) -> PyResult<Value>;

/// What `NativeFunc::imp` holds (type-erased in core).
pub struct NativeImpl(pub NativeFn);

pub fn native_value(name: &'static str, f: NativeFn) -> Value {
    native_of_kind(name, f, stmpy_core::value::NativeKind::Function)
}

/// A native function of the given kind (a method or slot of a built-in type).
pub fn native_of_kind(
    name: &'static str,
    f: NativeFn,
    kind: stmpy_core::value::NativeKind,
) -> Value {
    Value::Obj(ObjRef::new(Payload::Native(Box::new(
        stmpy_core::value::NativeFunc {
            name,
            imp: Box::new(NativeImpl(f)),
            needs_frame: matches!(
                name,
                "globals"
                    | "locals"
                    | "vars"
                    | "super"
                    | "dir"
                    | "_caller"
                    | "_getframe"
                    | "exec"
                    | "eval"
            ),
            kind,
        },
    ))))
}

/// The code object of a Python function.
#[inline]
pub fn func_code(f: &Function) -> CodeRef {
    match f.code.downcast_ref::<CodeRef>() {
        Some(c) => c.clone(),
        // Functions are only ever built by MakeFunction with a CodeRef.
        None => unreachable_code(),
    }
}

#[cold]
fn unreachable_code() -> CodeRef {
    panic!("function without a LoadedCode")
}

fn qualname(f: &Function) -> String {
    f.qualname
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default()
}

fn join_names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    }
}

impl Vm {
    /// Binds arguments to a new frame for `func` (CPython's rules and messages).
    pub fn bind_frame(
        &mut self,
        tx: &Tx,
        fobj: &ObjRef,
        func: &Function,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Box<Frame>> {
        let simple = {
            let Some(code) = func.code.downcast_ref::<CodeRef>() else {
                return Ok(self.new_frame(func_code(func), func.globals.clone(), None, &[]));
            };
            let c = &code.code;
            kw.is_empty()
                && args.len() == c.argcount as usize
                && c.kwonly_argcount == 0
                && !c.flags.has(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS)
        };
        let mut frame = self.function_frame(fobj, func, if simple { args } else { &[] });
        // Free variables come from the closure, after the cell variables.
        if !func.closure.is_empty() {
            frame.cells.extend(func.closure.iter().cloned());
        }
        if simple {
            return Ok(frame);
        }
        self.bind_slow(tx, &mut frame, func, args, kw)?;
        Ok(frame)
    }

    fn bind_slow(
        &mut self,
        tx: &Tx,
        frame: &mut Frame,
        func: &Function,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<()> {
        let code = frame.code.clone();
        let c = &code.code;
        let argc = c.argcount as usize;
        let kwonly = c.kwonly_argcount as usize;
        let posonly = c.posonly_argcount as usize;
        let has_varargs = c.flags.has(CodeFlags::VARARGS);
        let has_varkw = c.flags.has(CodeFlags::VARKEYWORDS);
        let fast = &mut frame.fast;
        for (i, a) in args.iter().take(argc).enumerate() {
            fast[i] = Some(a.clone());
        }
        let mut slot = argc + kwonly;
        if has_varargs {
            let extra = if args.len() > argc {
                args[argc..].to_vec()
            } else {
                vec![]
            };
            fast[slot] = Some(Value::tuple(extra));
            slot += 1;
        } else if args.len() > argc {
            let ndef = func.defaults.len();
            let given = args.len();
            let kw_given = kw
                .iter()
                .filter(|(k, _)| {
                    c.varnames[argc..argc + kwonly]
                        .iter()
                        .any(|n| k.as_str().is_some_and(|s| s.as_str() == n))
                })
                .count();
            let takes = if ndef > 0 {
                format!("from {} to {} positional arguments", argc - ndef, argc)
            } else {
                format!(
                    "{} positional argument{}",
                    argc,
                    if argc == 1 { "" } else { "s" }
                )
            };
            let extra_kw = if kw_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    kw_given,
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            let msg = if kw_given > 0 {
                format!(
                    "{}() takes {} but {}{} were given",
                    qualname(func),
                    takes,
                    given,
                    extra_kw
                )
            } else {
                format!(
                    "{}() takes {} but {} {} given",
                    qualname(func),
                    takes,
                    given,
                    if given == 1 { "was" } else { "were" }
                )
            };
            return Err(type_error(msg));
        }
        let kwdict_slot = if has_varkw { Some(slot) } else { None };
        let mut kwdict = DictData::new();
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kw {
            let Some(ks) = k.as_str() else {
                return Err(type_error("keywords must be strings"));
            };
            let name = ks.as_str();
            let found = c.varnames[..argc + kwonly].iter().position(|n| n == name);
            match found {
                Some(i) if i >= posonly => {
                    if fast[i].is_some() {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qualname(func),
                            name
                        )));
                    }
                    fast[i] = Some(v.clone());
                }
                other => {
                    if has_varkw {
                        if kwdict.get_str(name, ks.hash()).is_some() {
                            return Err(type_error(format!(
                                "{}() got multiple values for keyword argument '{}'",
                                qualname(func),
                                name
                            )));
                        }
                        kwdict.insert_str(k.clone(), ks.hash(), v.clone());
                    } else if other.is_some() {
                        posonly_as_kw.push(name.to_string());
                    } else {
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            qualname(func),
                            name
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(func),
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(s) = kwdict_slot {
            fast[s] = Some(Value::dict(kwdict));
        }
        // Defaults for missing positionals.
        let ndef = func.defaults.len();
        let mut missing = Vec::new();
        #[allow(clippy::needless_range_loop)]
        for i in 0..argc {
            if fast[i].is_none() {
                if i + ndef >= argc {
                    fast[i] = Some(func.defaults[i + ndef - argc].clone());
                } else {
                    missing.push(c.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qualname(func),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        #[allow(clippy::needless_range_loop)]
        for i in argc..argc + kwonly {
            if fast[i].is_none() {
                let name = &c.varnames[i];
                if let Some((_, v)) = func
                    .kwdefaults
                    .iter()
                    .find(|(k, _)| k.payload_str() == Some(name.as_str()))
                {
                    fast[i] = Some(v.clone());
                } else {
                    missing.push(name.clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qualname(func),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let _ = tx;
        Ok(())
    }

    /// Calls any callable from native code (a nested eval loop for Python functions).
    pub fn call(
        &mut self,
        tx: &Tx,
        f: &Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let Value::Obj(o) = f else {
            return Err(not_callable(f));
        };
        match &o.payload {
            Payload::Function(func) => {
                let frame = self.bind_frame(tx, o, func, args, kw)?;
                if frame.code.code.flags.has(CodeFlags::GENERATOR) {
                    return Ok(crate::iter::new_generator(frame));
                }
                self.run_frame(tx, frame)
            }
            Payload::Native(n) => match n.imp.downcast_ref::<NativeImpl>() {
                // A method of a built-in type needs its self (`list.append()`): refused
                // here, so that no method's code indexes an empty argument list.
                Some(_)
                    if args.is_empty()
                        && !matches!(n.kind, stmpy_core::value::NativeKind::Function) =>
                {
                    Err(crate::builtins::no_self(n))
                }
                Some(imp) => {
                    // Natives calling natives (a dunder forwarding to itself) nest Rust
                    // frames with no Python frame in between: bound them too.
                    if self.native_calls > 20_000 {
                        return Err(Unwind::new(
                            ExcKind::RecursionError,
                            "maximum recursion depth exceeded",
                        ));
                    }
                    self.native_calls += 1;
                    let r = match crate::subclass::native_self(n, args) {
                        Some(base) => {
                            let mut a = args.to_vec();
                            a[0] = base.clone();
                            (imp.0)(self, tx, &a, kw)
                        }
                        None => (imp.0)(self, tx, args, kw),
                    };
                    self.native_calls -= 1;
                    r
                }
                None => Err(type_error("bad native function")),
            },
            Payload::BoundMethod(s, m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(s.clone());
                full.extend_from_slice(args);
                let m = m.clone();
                self.call(tx, &m, &full, kw)
            }
            Payload::Type(_) => self.construct(tx, o, args, kw),
            Payload::StaticMethod(inner) => {
                let inner = inner.clone();
                self.call(tx, &inner, args, kw)
            }
            Payload::Instance(_) | Payload::Opaque(..) => {
                match crate::ops::lookup_type(tx, type_of(f), "__call__")? {
                    Some(c) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(f.clone());
                        full.extend_from_slice(args);
                        self.call_descr_kw(tx, &c, f, &full, kw)
                    }
                    None => Err(not_callable(f)),
                }
            }
            _ => Err(not_callable(f)),
        }
    }

    /// Calls a class attribute found by type lookup, `args` starting with `self_`.
    pub fn call_descr(
        &mut self,
        tx: &Tx,
        f: &Value,
        self_: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        self.call_descr_kw(tx, f, self_, args, &[])
    }

    pub fn call_descr_kw(
        &mut self,
        tx: &Tx,
        f: &Value,
        self_: &Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        match f.payload() {
            Some(Payload::StaticMethod(inner)) => {
                let inner = inner.clone();
                self.call(tx, &inner, &args[1..], kw)
            }
            Some(Payload::ClassMethod(inner)) => {
                let inner = inner.clone();
                let mut full = args.to_vec();
                full[0] = Value::Obj(type_of(self_).clone());
                self.call(tx, &inner, &full, kw)
            }
            Some(Payload::Function(_)) | Some(Payload::Native(_)) => self.call(tx, f, args, kw),
            _ => {
                let bound = crate::ops::bind_descriptor(self, tx, f, self_, type_of(self_))?;
                self.call(tx, &bound, &args[1..], kw)
            }
        }
    }

    /// Runs `frame` to completion in a nested eval loop (native code calling Python).
    pub fn run_nested(&mut self, tx: &Tx, frame: Frame) -> PyResult<Value> {
        self.run_frame(tx, Box::new(frame))
    }

    /// `run_nested` for a frame already boxed (from `bind_frame`); the frame goes back to
    /// the pool afterwards.
    pub fn run_frame(&mut self, tx: &Tx, mut frame: Box<Frame>) -> PyResult<Value> {
        self.check_recursion()?;
        if self.native_depth > 200 {
            // Each nested loop costs Rust stack; keep well inside the thread's stack.
            return Err(Unwind::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        self.native_depth += 1;
        let base = self.frames.len();
        let r = self.execute(tx, &mut frame, base, false);
        self.native_depth -= 1;
        self.depth -= 1;
        self.recycle(frame);
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) | Exit::Boundary => {
                Err(Unwind::new(ExcKind::SystemError, "unexpected frame exit"))
            }
        }
    }

    /// `cls(*args, **kw)`.
    pub fn construct(
        &mut self,
        tx: &Tx,
        cls: &ObjRef,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let Payload::Type(t) = &cls.payload else {
            return Err(type_error("not a class"));
        };
        // A user metaclass's `__call__` (singletons, registries) runs instead.
        if let Some(meta) = &t.meta
            && let Some(f) = crate::ops::lookup_type(tx, meta, "__call__")?
            && !is_native_method(&f)
        {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::Obj(cls.clone()));
            full.extend_from_slice(args);
            return self.call(tx, &f, &full, kw);
        }
        self.construct_plain(tx, cls, args, kw)
    }

    /// `construct` without a metaclass `__call__`: `type.__call__`.
    pub fn construct_plain(
        &mut self,
        tx: &Tx,
        cls: &ObjRef,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let Payload::Type(t) = &cls.payload else {
            return Err(type_error("not a class"));
        };
        let ts = types();
        if cls.is(&ts.type_) && args.len() == 1 && kw.is_empty() {
            return Ok(Value::Obj(type_of(&args[0]).clone()));
        }
        if t.layout == Layout::Builtin {
            return crate::builtins::construct_builtin(
                self,
                tx,
                cls,
                t.builtin_base.unwrap_or(""),
                args,
                kw,
            );
        }
        // User-defined __new__ (anything but object's).
        let new = crate::ops::lookup_type(tx, cls, "__new__")?;
        let obj = match new {
            Some(nf) if !is_native_method(&nf) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(Value::Obj(cls.clone()));
                full.extend_from_slice(args);
                let f = match nf.payload() {
                    Some(Payload::StaticMethod(inner)) => inner.clone(),
                    _ => nf.clone(),
                };
                let obj = self.call(tx, &f, &full, kw)?;
                if !crate::ops::isinstance(&obj, cls) {
                    return Ok(obj);
                }
                obj
            }
            // Calling a metaclass with no `__new__` of its own: `type.__new__`.
            _ if is_subtype(cls, &ts.type_) => {
                crate::builtins::funcs::new_class_of_meta(self, tx, cls, args, kw)?
            }
            _ if let Some(base) = crate::subclass::data_base(cls) => {
                crate::subclass::new_instance(self, tx, cls, base, args, kw)?
            }
            _ => {
                check_abstract(tx, cls)?;
                match crate::os_error::subclass_for(cls, args) {
                    Some(sub) => new_instance(&sub, t.layout, args),
                    None => new_instance(cls, t.layout, args),
                }
            }
        };
        let init = crate::ops::lookup_type(tx, cls, "__init__")?;
        match init {
            Some(init) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend_from_slice(args);
                let r = self.call_descr_kw(tx, &init, &obj, &full, kw)?;
                if !r.is_none() {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        type_name(&r)
                    )));
                }
            }
            None => {
                if (!args.is_empty() || !kw.is_empty()) && t.layout == Layout::Object {
                    return Err(type_error(format!("{}() takes no arguments", t.name)));
                }
            }
        }
        Ok(obj)
    }
}

/// A method of a built-in type (`object.__repr__`, `list.__len__`): what a class gets
/// from its built-in bases, unlike natives a class puts in its own namespace.
pub fn is_builtin_type_method(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::Native(n)) if n.kind != stmpy_core::value::NativeKind::Function)
}

/// A method implemented natively (possibly wrapped in staticmethod/classmethod).
pub fn is_native_method(f: &Value) -> bool {
    match f.payload() {
        Some(Payload::Native(_)) => true,
        Some(Payload::StaticMethod(inner) | Payload::ClassMethod(inner)) => {
            matches!(inner.payload(), Some(Payload::Native(_)))
        }
        _ => false,
    }
}

/// CPython's `object.__new__` refuses a class with abstract methods left (`abc`). Only a
/// class with a user metaclass (`ABCMeta`) can have them, so others skip the lookup.
pub fn check_abstract(tx: &Tx, cls: &ObjRef) -> PyResult<()> {
    let Payload::Type(t) = &cls.payload else {
        return Ok(());
    };
    if t.meta.is_none() {
        return Ok(());
    }
    let Some(v) = crate::ops::lookup_type(tx, cls, "__abstractmethods__")? else {
        return Ok(());
    };
    let mut names: Vec<String> = match v.payload() {
        Some(Payload::FrozenSet(d)) => d
            .iter()
            .filter_map(|e| e.key.payload_str().map(String::from))
            .collect(),
        _ => return Ok(()),
    };
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    Err(type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name,
        if names.len() > 1 { "s" } else { "" },
        names.join(", ")
    )))
}

/// A fresh instance of a user class; `args` are the constructor's positional arguments,
/// which an exception keeps as its `args` even when its `__init__` never calls the base
/// one (CPython's `BaseException.__new__`).
pub fn new_instance(cls: &ObjRef, layout: Layout, args: &[Value]) -> Value {
    let exc = if layout == Layout::Exception {
        Some(TVar::new(stmpy_core::value::ExcState {
            args: Value::tuple(args.to_vec()),
            ..Default::default()
        }))
    } else {
        None
    };
    Value::Obj(ObjRef::new(Payload::Instance(Instance::new(
        cls.clone(),
        DictData::new(),
        exc,
    ))))
}

pub fn not_callable(f: &Value) -> Unwind {
    type_error(format!("'{}' object is not callable", type_name(f)))
}

/// Helpers for str-valued `Value`s.
pub trait StrValue {
    fn payload_str(&self) -> Option<&str>;
}

impl StrValue for ObjRef {
    fn payload_str(&self) -> Option<&str> {
        match &self.payload {
            Payload::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
}

impl StrValue for Value {
    /// The text of a str, or of an instance of a str subclass (natives taking text
    /// accept those, as CPython's do).
    fn payload_str(&self) -> Option<&str> {
        match self.as_str() {
            Some(s) => Some(s.as_str()),
            None => crate::subclass::base_of(self)
                .and_then(|b| b.as_str())
                .map(|s| s.as_str()),
        }
    }
}

/// Makes a cell holding `v` (for closures built natively).
pub fn cell_of(v: Value) -> ObjRef {
    new_cell(Some(v))
}
