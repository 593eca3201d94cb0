//! stmpy-core: the object model. Values, heap objects whose mutable state lives in STM
//! cells, types and their methods, errors.
pub use stmpy_stm as stm;
pub mod fmt;
