//! The bytecode: the opcode set (one file), code objects with their constants and line
//! table, and the disassembler. Produced by `compiler`, executed by the eval loop.
