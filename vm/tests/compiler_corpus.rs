//! Compiles every Python file of the project (tests, benchmarks, examples) and verifies
//! each code object with `bytecode::verify` (consistent stack depths within
//! `max_stack_depth`, valid operands and handlers). Files that CPython itself rejects
//! are listed in `SYNTAX_ERROR_FILES`-style sidecars (`*.py` next to a `.stderr`
//! containing `SyntaxError`) and must fail here too.
//!
//! `STMPY_CORPUS=/usr/lib/python3.11` adds another tree (e.g. the CPython stdlib).

use std::path::{Path, PathBuf};

use stmpy_vm::bytecode::verify;
use stmpy_vm::compiler::{Mode, compile};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("target") && !p.ends_with("site-packages") {
                collect(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn expects_syntax_error(path: &Path) -> bool {
    for ext in ["stderr", "err", "expected_err"] {
        if let Ok(text) = std::fs::read_to_string(path.with_extension(ext))
            && (text.contains("SyntaxError") || text.contains("IndentationError"))
        {
            return true;
        }
    }
    false
}

#[test]
fn every_project_python_file_compiles_and_verifies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for d in ["tests", "benches", "examples"] {
        collect(&root.join(d), &mut files);
    }
    if let Ok(extra) = std::env::var("STMPY_CORPUS") {
        collect(Path::new(&extra), &mut files);
    }
    files.sort();
    let mut failures = Vec::new();
    let mut compiled = 0;
    for f in &files {
        let Ok(source) = std::fs::read_to_string(f) else {
            continue;
        };
        let name = f.display().to_string();
        let result = std::panic::catch_unwind(|| compile(&source, &name, Mode::Module));
        match result {
            Err(_) => failures.push(format!("{name}: compiler panicked")),
            Ok(Err(e)) => {
                if !expects_syntax_error(f) {
                    failures.push(format!("{name}: {}", e.render().trim_end()));
                }
            }
            Ok(Ok(code)) => {
                compiled += 1;
                if expects_syntax_error(f) {
                    failures.push(format!("{name}: compiled, but CPython rejects it"));
                }
                if let Err(e) = verify(&code) {
                    failures.push(format!("{name}: verify: {e}"));
                }
            }
        }
    }
    assert!(
        compiled > 0,
        "no Python files found under {}",
        root.display()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
