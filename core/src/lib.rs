//! stmpy-core: the object model. Values, heap objects whose mutable state lives in STM
//! cells, types and their methods, errors.
//!
//! - [`value`]: `Value` (16 bytes, unboxed None/bool/int/float) and the `ObjRef` handle.
//! - [`str`]: `str` payload (ASCII fast paths, cached hash).
//! - [`dict`]: the insertion-ordered persistent map behind dict/set/namespaces.
//! - [`list`]: `list` items (a `Vec` while small, a persistent vector when big).
//! - [`types`]: type objects, C3 MRO, the built-in types and exception hierarchy.
//! - [`complex`]: `complex` arithmetic, parsing and hashing as CPython.
//! - [`int`]: `int` arithmetic, `i64` overflowing into `BigInt`.
//! - [`unicode`]: CPython's character classes and case mappings for `str` methods.
//! - [`gc`]: the cycle collector (trial deletion over registered containers).
//! - [`intern`]: one str object per identifier (names of code, method tables).
//! - [`error`]: `Unwind` (Python exception or STM control flow) and `PyResult`.
pub use imbl;
pub use stmpy_stm as stm;
pub mod complex;
pub mod dict;
pub mod error;
pub mod fmt;
pub mod gc;
pub mod int;
pub mod intern;
pub mod list;
pub mod str;
pub mod types;
pub mod unicode;
pub mod value;

pub use error::{PyResult, Unwind};
pub use value::{ObjRef, Payload, Value};
