//! Native (Rust) modules.
//!
//! **Adding a native module is a one-place change**: write a file here with a function
//! table (`&[(name, NativeFn)]`) and, if it has constants, an `init` that sets them,
//! then add one row to [`NATIVE_MODULES`]. `import name` finds it there before looking
//! for `.py` files. A `NativeFn` is `fn(&mut Vm, &Tx, args, kwargs) -> PyResult<Value>`
//! (see `crate::call`); raise with `Err(Unwind::new(ExcKind::ValueError, "msg"))`.

pub mod file;
pub mod frame;
pub mod io;
pub mod os;
pub mod structseq;
pub mod sys;
pub mod sys_info;
pub mod time;
pub mod time_fmt;

use stmpy_core::error::PyResult;
use stmpy_core::stm::Tx;
use stmpy_core::value::{ObjRef, Value};

use crate::builtins::Table;
use crate::vm::Vm;

/// Sets a native module's non-function attributes in its globals dict.
pub type ModuleInit = fn(&mut Vm, &Tx, &ObjRef) -> PyResult<()>;

/// One native module: its functions and an optional initialiser for other attributes.
pub struct NativeModule {
    pub name: &'static str,
    pub functions: Table,
    /// Sets constants and other attributes in the new module's globals dict.
    pub init: Option<ModuleInit>,
}

/// Every native module, by import name.
pub const NATIVE_MODULES: &[NativeModule] = &[
    NativeModule {
        name: "sys",
        functions: sys::FUNCTIONS,
        init: Some(sys::init),
    },
    NativeModule {
        name: "_io",
        functions: io::IO,
        init: Some(io::init),
    },
    NativeModule {
        name: "_os",
        functions: os::FUNCTIONS,
        init: Some(os::init),
    },
    NativeModule {
        name: "time",
        functions: time::FUNCTIONS,
        init: Some(time::init),
    },
    NativeModule {
        name: "math",
        functions: crate::stdlib::math::FUNCTIONS,
        init: Some(crate::stdlib::math::init),
    },
    NativeModule {
        name: "random",
        functions: crate::stdlib::random::FUNCTIONS,
        init: Some(crate::stdlib::random::init),
    },
    NativeModule {
        name: "_collections",
        functions: crate::stdlib::collections::FUNCTIONS,
        init: None,
    },
    crate::threads::THREAD,
    crate::threads::THREADING,
    crate::threads::QUEUE,
    crate::threads::STM,
    NativeModule {
        name: "_heapq",
        functions: crate::stdlib::heapq::HEAPQ,
        init: None,
    },
    NativeModule {
        name: "_bisect",
        functions: crate::stdlib::heapq::BISECT,
        init: None,
    },
    NativeModule {
        name: "_struct",
        functions: crate::stdlib::structmod::FUNCTIONS,
        init: Some(crate::stdlib::structmod::init),
    },
    NativeModule {
        name: "hashlib",
        functions: crate::stdlib::hashlib::FUNCTIONS,
        init: Some(crate::stdlib::hashlib::init),
    },
    NativeModule {
        name: "_gc",
        functions: crate::stdlib::gc::FUNCTIONS,
        init: None,
    },
    NativeModule {
        name: "_weakref",
        functions: crate::stdlib::weakref::FUNCTIONS,
        init: Some(crate::stdlib::weakref::init),
    },
    NativeModule {
        name: "_re",
        functions: crate::stdlib::re::FUNCTIONS,
        init: None,
    },
];

/// Sets `name = value` in a module's globals dict.
pub fn set_attr(tx: &Tx, globals: &ObjRef, name: &str, value: Value) -> PyResult<()> {
    crate::builtins::dict_set_str(tx, globals, Value::str(name), value)
}
