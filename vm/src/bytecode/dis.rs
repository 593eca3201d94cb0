//! The disassembler: a readable dump of a code object and, recursively, the code objects
//! among its constants. Used by golden tests and for debugging (`stmpy --dis` style tools).

use std::fmt::Write;

use super::code::{CodeFlags, CodeObject, Constant};
use super::opcode::Instruction;

/// Disassembles `code` and every nested code object (depth first, in constant order).
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_one(code, &mut out);
    out
}

/// A short Python-like rendering of a constant (code objects by name).
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", float_repr(*imag))
            } else {
                format!("({}+{}j)", float_repr(*real), float_repr(*imag))
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => {
            let mut s = String::from("b'");
            for &byte in b.iter() {
                match byte {
                    b'\'' => s.push_str("\\'"),
                    b'\\' => s.push_str("\\\\"),
                    b'\n' => s.push_str("\\n"),
                    b'\t' => s.push_str("\\t"),
                    b'\r' => s.push_str("\\r"),
                    0x20..=0x7e => s.push(byte as char),
                    _ => {
                        let _ = write!(s, "\\x{byte:02x}");
                    }
                }
            }
            s.push('\'');
            s
        }
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Code(c) => format!("<code {}>", c.qualname),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The operand rendered with the table entry it refers to.
fn annotate(code: &CodeObject, instr: &Instruction) -> String {
    use Instruction::*;
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| "?".into())
    };
    match *instr {
        LoadConst(i) => code
            .constants
            .get(i as usize)
            .map_or_else(|| "?".into(), constant_repr),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => code
            .varnames
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| "?".into()),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) | LoadClassDeref(i) => {
            if (i as usize) < code.deref_count() {
                code.deref_name(i).to_string()
            } else {
                "?".into()
            }
        }
        LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i)
        | DeleteName(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
        | ImportName(i) | ImportFrom(i) | GlobalSubscrEnd(i) => name(i),
        GlobalSubscrStart { name: i, .. } => name(u32::from(i)),
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t)
        | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | ForIter(t) | Send(t) => format!("to {t}"),
        _ => String::new(),
    }
}

fn dis_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} ({}, line {}):",
        code.qualname, code.filename, code.first_line
    );
    let _ = writeln!(
        out,
        "  flags: {}  args: {} (posonly {}, kwonly {})  stack: {}",
        code.flags,
        code.argcount,
        code.posonly_argcount,
        code.kwonly_argcount,
        code.max_stack_depth
    );
    if code.flags.has(CodeFlags::OPTIMIZED) && !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", code.varnames.join(", "));
    }
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: {}", code.cellvars.join(", "));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", code.freevars.join(", "));
    }
    if let Some(doc) = &code.docstring {
        let _ = writeln!(out, "  docstring: {}", str_repr(doc));
    }
    let targets: std::collections::HashSet<u32> = code
        .instructions
        .iter()
        .filter_map(|i| i.target())
        .chain(code.exception_table.iter().map(|e| e.target))
        .collect();
    let mut last_line = 0;
    for (offset, instr) in code.instructions.iter().enumerate() {
        let offset = offset as u32;
        let line = code.line_of(offset);
        let line_col = if line != last_line {
            last_line = line;
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let marker = if targets.contains(&offset) {
            ">>"
        } else {
            "  "
        };
        let text = instr.to_string();
        let note = annotate(code, instr);
        if note.is_empty() {
            let _ = writeln!(out, "{line_col} {marker} {offset:>4} {text}");
        } else {
            let _ = writeln!(out, "{line_col} {marker} {offset:>4} {text:<28} ({note})");
        }
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "  ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "    {} to {} -> {} [depth {}]",
                e.start,
                e.end - 1,
                e.target,
                e.depth
            );
        }
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            out.push('\n');
            dis_one(inner, out);
        }
    }
}
