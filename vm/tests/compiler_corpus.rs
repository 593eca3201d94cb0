//! Compiles every Python file of the project (tests, benchmarks, examples) and verifies
//! each code object with `bytecode::verify` (consistent stack depths within
//! `max_stack_depth`, valid operands and handlers). A file may fail to compile only if
//! CPython rejects it too (checked with `python3` when installed).
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

/// Whether CPython rejects the file too: asks `python3` when it is installed (only for
/// files we reject or whose recorded error is a SyntaxError); without it, trusts the
/// recorded `.err` sidecar.
fn cpython_rejects(path: &Path) -> bool {
    let checked = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')",
        ])
        .arg(path)
        .stderr(std::process::Stdio::null())
        .status();
    match checked {
        Ok(status) => !status.success(),
        Err(_) => std::fs::read_to_string(path.with_extension("err"))
            .is_ok_and(|t| t.contains("SyntaxError") || t.contains("IndentationError")),
    }
}

fn recorded_syntax_error(path: &Path) -> bool {
    std::fs::read_to_string(path.with_extension("err"))
        .is_ok_and(|t| t.contains("SyntaxError") || t.contains("IndentationError"))
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
                if !cpython_rejects(f) {
                    failures.push(format!("{name}: {}", e.render().trim_end()));
                }
            }
            Ok(Ok(code)) => {
                compiled += 1;
                if recorded_syntax_error(f) && cpython_rejects(f) {
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
