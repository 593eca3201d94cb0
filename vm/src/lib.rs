//! stmpy-vm: front end, compiler, evaluation loop, builtins, modules, threads, embedding.
pub use stmpy_core as core;

pub mod bytecode;
pub mod cli;
pub mod compiler;
pub mod frontend;
