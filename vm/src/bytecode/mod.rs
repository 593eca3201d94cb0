//! The bytecode: the opcode set (one file), code objects with their constants and line
//! table, and the disassembler. Produced by `compiler`, executed by the eval loop.

pub mod code;
pub mod opcode;

pub use code::{CodeFlags, CodeObject, Constant, ExceptionTableEntry, Location, LocationRun};
pub use opcode::{
    BinOp, CmpOp, Conversion, Instruction, MakeFunctionFlags, NO_LOCAL, Target, UnaryOp,
};
pub mod dis;
pub mod verify;

pub use dis::disassemble;
pub use verify::verify;
