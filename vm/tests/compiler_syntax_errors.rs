//! SyntaxError fidelity: each `syntax_errors/NAME.py` must fail to compile, and the
//! rendered error must equal `NAME.err`, recorded from `python3 NAME.py` (CPython 3.11;
//! the directory prefix of the file name stripped).

use std::path::Path;

use stmpy_vm::compiler::{Mode, compile};

#[test]
fn syntax_errors_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_errors");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("syntax_errors dir")
        .flatten()
        .filter_map(|e| {
            let p = e.path();
            (p.extension()? == "py").then(|| p.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    assert!(names.len() >= 40, "expected the recorded cases");
    let mut failures = Vec::new();
    for name in &names {
        let source = std::fs::read_to_string(dir.join(format!("{name}.py"))).expect("source");
        let expected = std::fs::read_to_string(dir.join(format!("{name}.err"))).expect("err");
        let file = format!("{name}.py");
        match compile(&source, &file, Mode::Module) {
            Ok(_) => failures.push(format!("{name}: compiled, expected\n{expected}")),
            Err(e) => {
                let got = e.render();
                if got != expected {
                    failures.push(format!("{name}:\n--- expected\n{expected}--- got\n{got}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
