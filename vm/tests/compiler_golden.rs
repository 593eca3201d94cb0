//! Golden bytecode: each `golden/NAME.py` is compiled and its disassembly compared with
//! `golden/NAME.dis`. `STMPY_BLESS=1` rewrites the `.dis` files (review the diff!).
//! Files named `interactive_*` compile in REPL mode, `eval_*` in eval mode.
//!
//! Also checked here: every opcode appears in some golden output (so the compiler emits
//! it and the disassembler prints it, STYLE.md item 2), and every golden code object
//! passes the verifier (stack depth within `max_stack_depth`, consistent handlers).

use std::collections::BTreeSet;
use std::path::Path;

use stmpy_vm::bytecode::opcode::OPCODE_NAMES;
use stmpy_vm::bytecode::{disassemble, verify};
use stmpy_vm::compiler::{Mode, compile};

fn golden_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(golden_dir())
        .expect("golden dir")
        .flatten()
        .filter_map(|e| {
            let p = e.path();
            (p.extension()? == "py").then(|| p.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    names
}

fn mode_for(name: &str) -> Mode {
    if name.starts_with("interactive_") {
        Mode::Interactive
    } else if name.starts_with("eval_") {
        Mode::Eval
    } else {
        Mode::Module
    }
}

fn dis_of(name: &str) -> String {
    let source = std::fs::read_to_string(golden_dir().join(format!("{name}.py"))).expect("py");
    let code = compile(&source, &format!("{name}.py"), mode_for(name))
        .unwrap_or_else(|e| panic!("{name}: {}", e.render()));
    verify(&code).unwrap_or_else(|e| panic!("{name}: verify: {e}"));
    disassemble(&code)
}

#[test]
fn golden_disassembly() {
    let bless = std::env::var_os("STMPY_BLESS").is_some();
    let names = cases();
    assert!(names.len() >= 15, "expected the golden snippets");
    let mut failures = Vec::new();
    for name in &names {
        let got = dis_of(name);
        let path = golden_dir().join(format!("{name}.dis"));
        if bless {
            std::fs::write(&path, &got).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if got != expected {
            let first = got
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(expected.lines().count()));
            failures.push(format!(
                "{name}: differs from line {} (STMPY_BLESS=1 to accept)\n  got:      {:?}\n  expected: {:?}",
                first + 1,
                got.lines().nth(first),
                expected.lines().nth(first)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_opcode_appears_in_the_golden_outputs() {
    let mut seen = BTreeSet::new();
    for name in cases() {
        for line in dis_of(&name).lines() {
            // Instruction lines: "<line> <marker> <offset> <Name> ...".
            for word in line.split_whitespace() {
                if OPCODE_NAMES.contains(&word) {
                    seen.insert(word.to_string());
                    break;
                }
            }
        }
    }
    // `Nop` is emitted (for `pass`, bare constants) but the peephole removes every one.
    let exempt = ["Nop"];
    let missing: Vec<&str> = OPCODE_NAMES
        .iter()
        .copied()
        .filter(|n| !seen.contains(*n) && !exempt.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "opcodes never emitted by the golden snippets: {missing:?}"
    );
}
