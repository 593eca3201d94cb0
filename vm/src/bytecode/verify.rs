//! A bytecode verifier: an independent check of what the compiler promises the VM.
//!
//! Flow analysis over the instructions (fall-through, jumps, and exception edges from the
//! exception table) computes the value-stack depth before every reachable instruction
//! and checks that: every path agrees on it, it never goes negative, it never exceeds
//! `max_stack_depth`, operands index existing table entries, jump targets exist, handler
//! depths are below the depth of the code they cover, and stack-reaching operands
//! (`Copy`, `Swap`, `ListAppend`...) reach values that exist. Tests run it over every
//! compiled code object; the VM may run it in debug builds.

use super::code::{CodeFlags, CodeObject, Constant};
use super::opcode::Instruction;

/// Verifies `code` and its nested code objects; returns the largest depth seen.
pub fn verify(code: &CodeObject) -> Result<u32, String> {
    let max = verify_one(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(max)
}

fn verify_one(code: &CodeObject) -> Result<u32, String> {
    let n = code.instructions.len();
    if n == 0 {
        return Err("no instructions".into());
    }
    check_operands(code)?;
    for e in &code.exception_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!("bad exception table entry {e:?}"));
        }
    }
    for w in code.exception_table.windows(2) {
        if w[0].end > w[1].start {
            return Err(format!(
                "overlapping exception entries {:?} {:?}",
                w[0], w[1]
            ));
        }
    }
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut work = vec![(0usize, 0u32)];
    let mut max = 0u32;
    while let Some((at, d)) = work.pop() {
        if at >= n {
            return Err(format!("control falls off the end at {at}"));
        }
        match depth[at] {
            Some(old) if old == d => continue,
            Some(old) => {
                return Err(format!("inconsistent depth at {at}: {old} vs {d}"));
            }
            None => depth[at] = Some(d),
        }
        max = max.max(d);
        let instr = code.instructions[at];
        check_reach(&instr, d).map_err(|e| format!("at {at} ({instr}): {e}"))?;
        if let Some(h) = code.handler_for(at as u32) {
            if h.depth > d {
                return Err(format!(
                    "handler depth {} above stack depth {d} at {at}",
                    h.depth
                ));
            }
            work.push((h.target as usize, h.depth + 1));
            max = max.max(h.depth + 1);
        }
        if let Some(t) = instr.target() {
            let taken = d as i32 + instr.stack_effect(true);
            if taken < 0 {
                return Err(format!("negative depth on jump at {at}"));
            }
            max = max.max(taken as u32);
            work.push((t as usize, taken as u32));
        }
        if !instr.is_terminator() {
            let next = d as i32 + instr.stack_effect(false);
            if next < 0 {
                return Err(format!("negative depth after {at} ({instr})"));
            }
            max = max.max(next as u32);
            work.push((at + 1, next as u32));
        }
    }
    if max > code.max_stack_depth {
        return Err(format!(
            "stack depth {max} exceeds max_stack_depth {}",
            code.max_stack_depth
        ));
    }
    Ok(max)
}

/// Instructions that read below their own operands need that many values present.
fn check_reach(instr: &Instruction, d: u32) -> Result<(), String> {
    use Instruction::*;
    let need = match *instr {
        Copy(i) | Swap(i) => i,
        ListAppend(i) | SetAdd(i) | ListExtend(i) | SetUpdate(i) | DictUpdate(i) => i + 1,
        DictMerge(i) => i + 2,
        MapAdd(i) => i + 2,
        _ => {
            let pops = -instr.stack_effect(false).min(0);
            pops as u32
        }
    };
    if matches!(instr, Copy(0) | Swap(0) | Swap(1)) {
        return Err("Copy/Swap operand out of range".into());
    }
    if need > d {
        return Err(format!("needs {need} values, stack has {d}"));
    }
    Ok(())
}

fn check_operands(code: &CodeObject) -> Result<(), String> {
    use Instruction::*;
    let n = code.instructions.len() as u32;
    let nderef = code.deref_count() as u32;
    let optimized = code.flags.has(CodeFlags::OPTIMIZED);
    for (at, instr) in code.instructions.iter().enumerate() {
        let bad = |what: &str| Err(format!("at {at} ({instr}): {what} out of range"));
        match *instr {
            LoadConst(i) if i as usize >= code.constants.len() => return bad("constant"),
            LoadFast(i) | StoreFast(i) | DeleteFast(i) => {
                if !optimized {
                    return Err(format!("at {at}: fast local in unoptimized code"));
                }
                if i as usize >= code.varnames.len() {
                    return bad("local");
                }
            }
            LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) | LoadClassDeref(i)
                if i >= nderef =>
            {
                return bad("deref slot");
            }
            GlobalSubscrStart { name, a, b } => {
                if usize::from(name) >= code.names.len() {
                    return bad("name");
                }
                let local = |l: u8| l != super::NO_LOCAL && usize::from(l) >= code.varnames.len();
                if local(a) || local(b) {
                    return bad("local");
                }
            }
            LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i)
            | DeleteName(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
            | ImportName(i) | ImportFrom(i) | GlobalSubscrEnd(i)
                if i as usize >= code.names.len() =>
            {
                return bad("name");
            }
            _ => {}
        }
        if let Some(t) = instr.target()
            && t >= n
        {
            return bad("jump target");
        }
    }
    Ok(())
}
