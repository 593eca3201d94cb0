//! `import`: native modules (`modules::NATIVE_MODULES`), then `.py` files and packages
//! on `sys.path` (the script's directory first). Modules are cached in `sys.modules`.

use std::sync::Arc;

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::ExcKind;
use stmpy_core::value::{Module, ObjRef, Payload, Value};

use crate::call::StrValue;
use crate::ops;
use crate::vm::{Frame, LoadedCode, Vm};

/// A new module object with a fresh globals dict holding `__name__`.
pub fn new_module(name: &str, file: Option<&str>) -> (Value, ObjRef) {
    let mut d = DictData::new();
    d.insert_str(
        Value::str("__name__"),
        stmpy_core::str::str_hash("__name__"),
        Value::str(name),
    );
    d.insert_str(
        Value::str("__doc__"),
        stmpy_core::str::str_hash("__doc__"),
        Value::None,
    );
    if let Some(f) = file {
        d.insert_str(
            Value::str("__file__"),
            stmpy_core::str::str_hash("__file__"),
            Value::str(f),
        );
    }
    let dict = ObjRef::new(Payload::Dict(TVar::new(d)));
    // As long-lived as the (immortal) module that holds it, and handed to every frame
    // of its functions: immortal, so a call's frame set-up writes no count on it.
    dict.make_immortal();
    let m = Value::Obj(ObjRef::new(Payload::Module(Module {
        name: Value::str(name),
        dict: dict.clone(),
    })));
    (m, dict)
}

fn modules_get(tx: &Tx, vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    if let Payload::Dict(d) = &vm.shared.modules.payload {
        return Ok(tx.view(d, |d| {
            d.get_str(name, stmpy_core::str::str_hash(name)).cloned()
        })?);
    }
    Ok(None)
}

fn modules_set(tx: &Tx, vm: &Vm, name: &str, m: Value) -> PyResult<()> {
    crate::builtins::dict_set_str(tx, &vm.shared.modules, Value::str(name), m)
}

fn not_found(name: &str) -> Unwind {
    Unwind::with_attrs(
        ExcKind::ModuleNotFoundError,
        format!("No module named '{name}'"),
        &[("name", Value::str(name))],
    )
}

/// Imports one fully qualified module (its parent packages must be imported already).
pub fn import_module(vm: &mut Vm, tx: &Tx, name: &str) -> PyResult<Value> {
    if let Some(m) = modules_get(tx, vm, name)? {
        return Ok(m);
    }
    if let Some(nm) = crate::modules::NATIVE_MODULES
        .iter()
        .find(|m| m.name == name)
    {
        let (m, dict) = new_module(name, None);
        for (fname, f) in nm.functions {
            crate::builtins::dict_set_str(
                tx,
                &dict,
                Value::str(fname),
                crate::call::native_value(fname, *f),
            )?;
        }
        if let Some(init) = nm.init {
            init(vm, tx, &dict)?;
        }
        modules_set(tx, vm, name, m.clone())?;
        return Ok(m);
    }
    if let Some((src, file, is_pkg)) = crate::stdlib::frozen::find(name) {
        // A frozen package's submodules are frozen too: its `__path__` is empty.
        let pkg = is_pkg.then_some(None);
        return exec_module_source(vm, tx, name, &src, &file, pkg);
    }
    // Search: top-level names on sys.path; submodules in the parent's directory.
    let (dirs, leaf): (Vec<String>, &str) = match name.rsplit_once('.') {
        Some((parent, leaf)) => {
            let p = modules_get(tx, vm, parent)?.ok_or_else(|| not_found(name))?;
            let path = match ops::getattr_opt(vm, tx, &p, &Value::str("__path__"))? {
                Some(v) => crate::iter::collect(vm, tx, &v)?
                    .iter()
                    .filter_map(|s| s.payload_str().map(String::from))
                    .collect(),
                None => return Err(not_found(name)),
            };
            (path, leaf)
        }
        None => {
            let path = Value::Obj(vm.shared.path.clone());
            let dirs = crate::iter::collect(vm, tx, &path)?
                .iter()
                .filter_map(|s| s.payload_str().map(String::from))
                .collect();
            (dirs, name)
        }
    };
    for dir in dirs {
        let base = if dir.is_empty() {
            ".".to_string()
        } else {
            dir.clone()
        };
        let pkg_init = format!("{base}/{leaf}/__init__.py");
        let file = format!("{base}/{leaf}.py");
        if std::path::Path::new(&pkg_init).is_file() {
            let pkg_dir = format!("{base}/{leaf}");
            return exec_module_file(vm, tx, name, &pkg_init, Some(&pkg_dir));
        }
        if std::path::Path::new(&file).is_file() {
            return exec_module_file(vm, tx, name, &file, None);
        }
    }
    Err(not_found(name))
}

fn exec_module_file(
    vm: &mut Vm,
    tx: &Tx,
    name: &str,
    path: &str,
    pkg_dir: Option<&str>,
) -> PyResult<Value> {
    let src = std::fs::read_to_string(path)
        .map_err(|e| Unwind::new(ExcKind::ImportError, format!("{e}: '{path}'")))?;
    exec_module_source(vm, tx, name, &src, path, pkg_dir.map(Some))
}

/// Runs `src` as module `name`; `pkg` is `Some(dir)` for a package (`dir` is `None` for a
/// frozen one, which gets an empty `__path__`).
fn exec_module_source(
    vm: &mut Vm,
    tx: &Tx,
    name: &str,
    src: &str,
    path: &str,
    pkg: Option<Option<&str>>,
) -> PyResult<Value> {
    let code = crate::compile_or_raise(vm, tx, src, path)?;
    let (m, dict) = new_module(name, Some(path));
    let package = match pkg {
        Some(d) => {
            crate::builtins::dict_set_str(
                tx,
                &dict,
                Value::str("__path__"),
                Value::list_from(d.into_iter().map(Value::str).collect()),
            )?;
            name.to_string()
        }
        None => name
            .rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default(),
    };
    crate::builtins::dict_set_str(tx, &dict, Value::str("__package__"), Value::str(&package))?;
    crate::builtins::dict_set_str(
        tx,
        &dict,
        Value::str("__builtins__"),
        Value::Obj(vm.shared.builtins.clone()),
    )?;
    modules_set(tx, vm, name, m.clone())?;
    let frame = Frame::new(LoadedCode::load(code), dict.clone(), Some(dict));
    if let Err(e) = vm.run_nested(tx, frame) {
        // A module that fails to import is removed again, as in CPython.
        crate::builtins::dict_del_str(tx, &vm.shared.modules, &Value::str(name))?;
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(modules_get(tx, vm, name)?.unwrap_or(m))
}

fn resolve_name(
    tx: &Tx,
    vm: &mut Vm,
    name: &str,
    globals: &ObjRef,
    level: i64,
) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let g = crate::builtins::dict_data(tx, globals)?;
    let pkg = g
        .get_str("__package__", stmpy_core::str::str_hash("__package__"))
        .and_then(|v| v.payload_str().map(String::from))
        .filter(|s| !s.is_empty());
    let pkg = match pkg {
        Some(p) => p,
        None => {
            let modname = g
                .get_str("__name__", stmpy_core::str::str_hash("__name__"))
                .and_then(|v| v.payload_str().map(String::from))
                .unwrap_or_default();
            if g.get_str("__path__", stmpy_core::str::str_hash("__path__"))
                .is_some()
            {
                modname
            } else {
                modname
                    .rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    let _ = vm;
    if pkg.is_empty() {
        return Err(Unwind::new(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let mut parts: Vec<&str> = pkg.split('.').collect();
    for _ in 1..level {
        if parts.pop().is_none() {
            return Err(Unwind::new(
                ExcKind::ImportError,
                "attempted relative import beyond top-level package",
            ));
        }
    }
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// `ImportName`: imports `name` (and its parents); returns the top package, or the
/// module itself when `fromlist` is given.
pub fn import_name(
    vm: &mut Vm,
    tx: &Tx,
    name: &Value,
    globals: &ObjRef,
    fromlist: &Value,
    level: &Value,
) -> PyResult<Value> {
    let name = name.payload_str().unwrap_or("").to_string();
    let level = match level {
        Value::Int(i) => *i,
        _ => 0,
    };
    let full = resolve_name(tx, vm, &name, globals, level)?;
    let mut top = Value::None;
    let mut leaf = Value::None;
    let mut so_far = String::new();
    for (i, part) in full.split('.').enumerate() {
        if i > 0 {
            so_far.push('.');
        }
        so_far.push_str(part);
        let m = import_module(vm, tx, &so_far)?;
        if i > 0 {
            // Bind the submodule as an attribute of its parent.
            ops::setattr(vm, tx, &leaf, &Value::str(part), m.clone())?;
        } else {
            top = m.clone();
        }
        leaf = m;
    }
    let has_fromlist = !fromlist.is_none() && fromlist.as_tuple().is_none_or(|t| !t.is_empty());
    if has_fromlist || level > 0 && name.is_empty() {
        return Ok(leaf);
    }
    if level > 0 {
        // `from . import x` handled above; `from .a import b` returns the leaf.
        return Ok(leaf);
    }
    Ok(top)
}

/// `ImportFrom`: `module.name`, importing a submodule if needed.
pub fn import_from(vm: &mut Vm, tx: &Tx, module: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = ops::getattr_opt(vm, tx, module, name)? {
        return Ok(v);
    }
    let modname = ops::getattr_opt(vm, tx, module, &Value::str("__name__"))?
        .and_then(|v| v.payload_str().map(String::from))
        .unwrap_or_default();
    let n = name.payload_str().unwrap_or("");
    let full = format!("{modname}.{n}");
    match import_module(vm, tx, &full) {
        Ok(m) => Ok(m),
        // Only the submodule itself missing means "cannot import name"; a module it
        // imports that is missing is the error to report.
        Err(e) if e.is(ExcKind::ModuleNotFoundError) && missing_module_is(vm, tx, &e, &full)? => {
            let file = ops::getattr_opt(vm, tx, module, &Value::str("__file__"))?
                .and_then(|v| v.payload_str().map(String::from));
            let loc = match file {
                Some(f) => format!(" ({f})"),
                None => " (unknown location)".to_string(),
            };
            Err(Unwind::new(
                ExcKind::ImportError,
                format!("cannot import name '{n}' from '{modname}'{loc}"),
            ))
        }
        Err(e) => Err(e),
    }
}

/// Is `e` (a ModuleNotFoundError) about the module named `full`?
fn missing_module_is(vm: &mut Vm, tx: &Tx, e: &Unwind, full: &str) -> PyResult<bool> {
    let Unwind::Exc(o) = e else {
        return Ok(false);
    };
    let name = ops::getattr_opt(vm, tx, &Value::Obj(o.clone()), &Value::str("name"))?;
    Ok(match name.as_ref().and_then(|n| n.payload_str()) {
        Some(n) => n == full,
        // A ModuleNotFoundError raised by hand, without a name.
        None => true,
    })
}

/// `from module import *`.
pub fn import_star(vm: &mut Vm, tx: &Tx, module: &Value, target: &ObjRef) -> PyResult<()> {
    let all = ops::getattr_opt(vm, tx, module, &Value::str("__all__"))?;
    let names: Vec<Value> = match all {
        Some(a) => crate::iter::collect(vm, tx, &a)?,
        None => match module.payload() {
            Some(Payload::Module(m)) => crate::builtins::dict_data(tx, &m.dict)?
                .keys()
                .filter(|k| k.payload_str().is_some_and(|s| !s.starts_with('_')))
                .cloned()
                .collect(),
            _ => vec![],
        },
    };
    for n in names {
        let v = ops::getattr(vm, tx, module, &n)?;
        crate::builtins::mapping_set(vm, tx, target, n, v)?;
    }
    Ok(())
}

pub fn unused(_a: Arc<()>) {}
