//! End to end: the real binary, its `measure` helper processes, the table, JSON and SVGs,
//! with shell-script stand-ins for stmpy (one that agrees with python3, one that crashes).

use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("stmpy-bench-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stand_in(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join("fake-stmpy");
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p
}

/// A quick program of each kind, so the test does not time the real benchmarks.
fn programs(dir: &Path) -> PathBuf {
    let p = dir.join("programs");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("tiny.py"), "print(sum(range(1000)))\n").unwrap();
    let threaded = "import sys, threading\n\
         t = int(sys.argv[1]) if len(sys.argv) > 1 else 1\n\
         out = [0] * t\n\
         def work(k):\n    out[k] = sum(range(k, 1000, t))\n\
         ths = [threading.Thread(target=work, args=(k,)) for k in range(t)]\n\
         for th in ths: th.start()\n\
         for th in ths: th.join()\n\
         print(sum(out))\n";
    std::fs::write(p.join("mt_tiny.py"), threaded).unwrap();
    p
}

fn compare(dir: &Path, stmpy: &Path) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stmpy-bench"))
        .args([
            "compare",
            "--no-build",
            "--runs",
            "2",
            "--startup-runs",
            "1",
        ])
        .args(["--threads", "1,2", "--programs"])
        .arg(programs(dir))
        .arg("--stmpy")
        .arg(stmpy)
        .arg("--json")
        .arg(dir.join("r.json"))
        .arg("--plots")
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for svg in ["ratio.svg", "speedup.svg"] {
        let text = std::fs::read_to_string(dir.join(svg)).unwrap();
        assert!(text.starts_with("<svg"), "{svg}");
    }
    let json = std::fs::read_to_string(dir.join("r.json")).unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), json)
}

#[test]
fn a_faithful_interpreter_is_ok_and_gets_a_ratio() {
    let dir = scratch("ok");
    let (table, json) = compare(&dir, &stand_in(&dir, "exec python3 \"$@\""));
    let row = table
        .lines()
        .find(|l| l.starts_with("| tiny |"))
        .expect(&table);
    assert!(row.ends_with("| ok |"), "{row}");
    let mt = table
        .lines()
        .find(|l| l.starts_with("| mt_tiny |"))
        .expect(&table);
    assert!(mt.ends_with("| ok |"), "{mt}");
    let speedup = "\"name\": \"mt_tiny\", \"threads\": 2, \"python\": ";
    assert!(json.contains(speedup), "{json}");
    assert!(
        table.contains("over the 1 of 1 single-threaded programs"),
        "{table}"
    );
    assert!(json.contains("\"status\": \"ok\""), "{json}");
    assert!(!json.contains("\"ratio\": null"), "{json}");
    // Both interpreters are python3 here, so both peak RSS figures are real (> 1 MiB).
    assert!(!json.contains("\"max_rss_kb\": 0"), "{json}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_crashing_interpreter_is_reported_failed_with_its_error() {
    let dir = scratch("fail");
    let (table, json) = compare(
        &dir,
        &stand_in(&dir, "echo 'stmpy: no such thing' >&2; exit 2"),
    );
    let row = table
        .lines()
        .find(|l| l.starts_with("| tiny |"))
        .expect(&table);
    assert!(
        row.contains("FAILED: exit 2: stmpy: no such thing"),
        "{row}"
    );
    assert!(table.contains("n/a (none ran correctly)"), "{table}");
    assert!(json.contains("\"status\": \"failed\""), "{json}");
    assert!(
        table.contains(
            "| single-thread geomean <= 2.0x python3 | n/a over 0 of 1 programs | not met |"
        ),
        "{table}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
