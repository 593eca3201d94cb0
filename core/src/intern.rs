//! Interned str objects: one object per distinct identifier, for the whole process.
//!
//! The compiler's names (attribute, global and local names of every code object) and
//! the keys of the built-in method tables go through [`intern`], so a namespace key and
//! the name looked up in it are usually the same object, and `DictData::get_str`
//! matches them by address without comparing bytes. Interned strs live as long as the
//! process (like CPython's interned identifiers of loaded code); only names of compiled
//! code and tables are interned, never data.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::value::Value;

/// The process's one str object for `s`.
pub fn intern(s: &str) -> Value {
    static TABLE: OnceLock<Mutex<HashMap<Box<str>, Value>>> = OnceLock::new();
    let mut t = TABLE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(v) = t.get(s) {
        return v.clone();
    }
    let v = Value::str(s);
    // It lives as long as the process anyway: immortal, so that threads loading the
    // same name or constant write no shared memory (see `ObjRef::new`).
    if let Value::Obj(o) = &v {
        o.make_immortal();
    }
    t.insert(s.into(), v.clone());
    v
}

/// Whether a str constant is interned when code is loaded: short ones made only of
/// identifier characters (CPython's rule for code constants), the keys and tags that
/// programs use over and over.
pub fn interns_constant(s: &str) -> bool {
    s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_are_one_object() {
        let a = intern("append");
        let b = intern(&(String::from("app") + "end"));
        assert!(a.is(&b));
        assert!(!a.is(&intern("extend")));
        assert!(interns_constant("k_1") && !interns_constant("a b") && !interns_constant("é"));
        assert_eq!(a.as_str().map(|s| s.as_str()), Some("append"));
    }
}
