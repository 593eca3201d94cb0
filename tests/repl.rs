//! The interactive prompt driven through a pipe (`stmpy -i < session.txt`), compared
//! byte for byte with what CPython's prompt prints for the same input (tests/repl/,
//! recorded by tests/repl/record.sh). The two banner lines differ by design and are
//! skipped.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn piped_session_matches_cpython() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/repl");
    let input = std::fs::read(dir.join("session.txt")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stmpy"))
        .arg("-i")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (banner, rest) = stderr.split_at(stderr.match_indices('\n').nth(1).unwrap().0 + 1);
    assert!(banner.starts_with("stmpy "), "{banner}");
    let expected = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        expected("session.out")
    );
    assert_eq!(rest, expected("session.err"));
    let code: i32 = expected("session.code").trim().parse().unwrap();
    assert_eq!(out.status.code(), Some(code));
}
