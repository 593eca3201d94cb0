//! Differential test: every Python program under `tests/programs/` is run with the
//! `stmpy` binary and its output compared with what CPython 3.11 printed when the
//! program was recorded (`tests/programs/record.sh`).
//!
//! Sidecar files beside `NAME.py`:
//! - `NAME.out`  — the exact stdout (always present);
//! - `NAME.code` — the exit status, present only when it is not 0;
//! - `NAME.err`  — the last non-empty line of stderr, present only with `NAME.code`
//!   (e.g. `ZeroDivisionError: division by zero`), so the traceback's body may differ
//!   but the exception that ended the program may not.
//!
//! Files whose name starts with `mod_` (and everything under a `mod_*` folder) are helper
//! modules imported by the programs, not programs. Each program runs with its own folder
//! as the working directory, stdin closed, and a time limit.
//!
//! `tests/programs/XFAIL` lists the programs expected to fail while the interpreter
//! grows. `STMPY_UPDATE_XFAIL=1 cargo test --test programs` rewrites it to exactly the
//! programs failing now. `STMPY_PROGRAMS=substring` runs only matching programs;
//! `STMPY_BIN=python3` runs the corpus under another interpreter (to check the recordings).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Generous: the slowest program takes well under a second even in a debug build of a
/// working interpreter; a hang must not stall CI.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Guards against the walk silently finding nothing (a moved folder, a broken filter).
const MIN_PROGRAMS: usize = 200;
/// The machine has two cores, shared with the compiler and other tests.
const WORKERS: usize = 2;
/// A failure's diff is cut after this many lines so one broken program cannot bury the rest.
const MAX_DIFF_LINES: usize = 40;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

/// Relative paths (with `/`) of all programs, sorted.
fn find_programs(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("mod_") || name.starts_with('.') || name == "__pycache__" {
                continue;
            }
            let rel_path = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &rel_path, out);
            } else if name.ends_with(".py") {
                out.push(rel_path);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, "", &mut out);
    out.sort();
    out
}

/// What CPython did.
struct Expected {
    stdout: Vec<u8>,
    code: i32,
    /// Last non-empty stderr line; `None` when the program exits 0.
    err_line: Option<String>,
}

fn read_expected(py: &Path) -> Result<Expected, String> {
    let stdout = std::fs::read(py.with_extension("out")).map_err(|e| {
        format!(
            "missing {} ({e}); run tests/programs/record.sh",
            py.with_extension("out").display()
        )
    })?;
    let code = match std::fs::read_to_string(py.with_extension("code")) {
        Ok(s) => s
            .trim()
            .parse::<i32>()
            .map_err(|e| format!("bad .code file: {e}"))?,
        Err(_) => 0,
    };
    let err_line = std::fs::read_to_string(py.with_extension("err"))
        .ok()
        .map(|s| s.trim_end_matches('\n').to_string());
    Ok(Expected {
        stdout,
        code,
        err_line,
    })
}

/// What stmpy did.
struct Actual {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `None` when killed by a signal or by the timeout.
    code: Option<i32>,
    timed_out: bool,
    elapsed: Duration,
}

fn run_program(bin: &Path, py: &Path) -> Result<Actual, String> {
    let mut child = Command::new(bin)
        .arg(py.file_name().expect("program has a file name"))
        .current_dir(py.parent().expect("program has a folder"))
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    // Drain both pipes on their own threads so a chatty program cannot block on a full pipe
    // while we wait for it.
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIMEOUT => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().map_err(|e| e.to_string())?;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for stmpy: {e}")),
        }
    };
    let elapsed = start.elapsed();
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Actual {
        stdout,
        stderr,
        code: if timed_out { None } else { status.code() },
        timed_out,
        elapsed,
    })
}

fn last_nonempty_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// Compares one program's run with its recording: `Ok(run time)`, or a readable report.
fn check(bin: &Path, root: &Path, rel: &str) -> Result<Duration, String> {
    let py = root.join(rel);
    let expected = read_expected(&py)?;
    let actual = run_program(bin, &py)?;
    let mut report = String::new();
    if actual.timed_out {
        let _ = writeln!(report, "  timed out after {}s", TIMEOUT.as_secs());
    }
    if actual.stdout != expected.stdout {
        let _ = writeln!(report, "  stdout differs (--- expected, +++ stmpy):");
        report.push_str(&unified_diff(
            &String::from_utf8_lossy(&expected.stdout),
            &String::from_utf8_lossy(&actual.stdout),
        ));
    }
    if !actual.timed_out && actual.code != Some(expected.code) {
        let got = match actual.code {
            Some(c) => c.to_string(),
            None => "killed by a signal".to_string(),
        };
        let _ = writeln!(
            report,
            "  exit status: expected {}, got {got}",
            expected.code
        );
    }
    if let Some(want) = &expected.err_line {
        let got = last_nonempty_line(&actual.stderr);
        if &got != want {
            let _ = writeln!(
                report,
                "  last stderr line differs:\n    expected: {want}\n    got:      {got}"
            );
        }
    }
    // Even with the right output, a panic (say, in a helper thread) is a failure.
    if String::from_utf8_lossy(&actual.stderr).contains("panicked at") {
        let _ = writeln!(
            report,
            "  stmpy panicked (a Rust panic must never reach a user)"
        );
    }
    if report.is_empty() {
        return Ok(actual.elapsed);
    }
    // The end of stderr usually says why (a traceback, a panic, "not implemented").
    let stderr = String::from_utf8_lossy(&actual.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
    if !tail.is_empty() && expected.err_line.is_none() {
        let _ = writeln!(report, "  stderr (last lines):");
        for line in tail.iter().rev() {
            let _ = writeln!(report, "    {line}");
        }
    }
    Err(report)
}

/// A unified-style line diff with three lines of context, cut at `MAX_DIFF_LINES`.
fn unified_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    // Strip the common prefix and suffix first: outputs usually differ in a few lines, and
    // this keeps the quadratic LCS table small.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    // Edit script: (tag, line) with ' ', '-', '+'.
    let mut ops: Vec<(char, &str)> = a[..prefix].iter().map(|l| (' ', *l)).collect();
    if ma.len() * mb.len() <= 4_000_000 {
        let (n, m) = (ma.len(), mb.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                ops.push((' ', ma[i]));
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j]) {
                ops.push(('+', mb[j]));
                j += 1;
            } else {
                ops.push(('-', ma[i]));
                i += 1;
            }
        }
    } else {
        ops.extend(ma.iter().map(|l| ('-', *l)));
        ops.extend(mb.iter().map(|l| ('+', *l)));
    }
    ops.extend(a[a.len() - suffix..].iter().map(|l| (' ', *l)));

    // Keep changed lines and three lines of context around them.
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let mut keep = vec![false; ops.len()];
    for &k in &changed {
        for slot in keep
            .iter_mut()
            .take((k + 4).min(ops.len()))
            .skip(k.saturating_sub(3))
        {
            *slot = true;
        }
    }
    let mut out = String::new();
    let mut shown = 0;
    let mut skipping = false;
    for (k, (tag, line)) in ops.iter().enumerate() {
        if !keep[k] {
            skipping = true;
            continue;
        }
        if skipping || k == 0 {
            let _ = writeln!(
                out,
                "    @@ line {} @@",
                ops[..k].iter().filter(|o| o.0 != '+').count() + 1
            );
            skipping = false;
        }
        if shown == MAX_DIFF_LINES {
            let _ = writeln!(out, "    ... (diff cut)");
            break;
        }
        let body = line.strip_suffix('\n');
        let _ = match body {
            Some(text) => writeln!(out, "    {tag}{text}"),
            None => writeln!(out, "    {tag}{line}\\ (no newline at end)"),
        };
        shown += 1;
    }
    out
}

fn read_xfail(path: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn write_xfail(path: &Path, failing: &BTreeSet<String>) {
    let mut text = String::from(
        "# Programs under tests/programs/ that stmpy is expected to fail for now.\n\
         # One path per line, relative to tests/programs/. Regenerate with\n\
         #   STMPY_UPDATE_XFAIL=1 cargo test --test programs\n",
    );
    for rel in failing {
        text.push_str(rel);
        text.push('\n');
    }
    std::fs::write(path, text).expect("write XFAIL");
}

#[test]
fn programs_match_cpython() {
    // STMPY_BIN=python3 checks the corpus itself (every recording reproduces under CPython).
    let bin = std::env::var_os("STMPY_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_stmpy")));
    let root = programs_dir();
    let filter = std::env::var("STMPY_PROGRAMS").ok();
    let update = std::env::var("STMPY_UPDATE_XFAIL").is_ok_and(|v| v == "1");
    let programs: Vec<String> = find_programs(&root)
        .into_iter()
        .filter(|p| filter.as_deref().is_none_or(|f| p.contains(f)))
        .collect();
    assert!(
        filter.is_some() || programs.len() >= MIN_PROGRAMS,
        "expected at least {MIN_PROGRAMS} programs, found {}",
        programs.len()
    );

    // Workers pull the next program index from a shared counter.
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<(String, Result<Duration, String>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| {
                loop {
                    let idx = {
                        let mut n = next.lock().unwrap();
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(rel) = programs.get(idx) else { break };
                    let r = check(&bin, &root, rel);
                    results.lock().unwrap().push((rel.clone(), r));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|x, y| x.0.cmp(&y.0));

    let xfail_path = root.join("XFAIL");
    let xfail = read_xfail(&xfail_path);
    let failing: BTreeSet<String> = results
        .iter()
        .filter(|(_, r)| r.is_err())
        .map(|(p, _)| p.clone())
        .collect();
    if update {
        let mut all = failing.clone();
        if filter.is_some() {
            // A filtered run only knows about the programs it ran: keep the other entries.
            let ran: BTreeSet<&String> = programs.iter().collect();
            all.extend(xfail.iter().filter(|p| !ran.contains(p)).cloned());
        }
        write_xfail(&xfail_path, &all);
        eprintln!(
            "rewrote {} with {} entries",
            xfail_path.display(),
            all.len()
        );
        return;
    }

    let mut passed = 0;
    let mut expected_failures = 0;
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    // Crashes are listed even when expected to fail: they are bugs of their own kind.
    let mut crashes = Vec::new();
    for (rel, result) in &results {
        match (result, xfail.contains(rel)) {
            (Ok(_), false) => passed += 1,
            (Ok(_), true) => now_passing.push(rel.clone()),
            (Err(_), true) => expected_failures += 1,
            (Err(report), false) => unexpected.push(format!("FAIL {rel}\n{report}")),
        }
        if let Err(report) = result
            && (report.contains("stmpy panicked") || report.contains("killed by a signal"))
        {
            crashes.push(rel.as_str());
        }
    }
    let stale: Vec<&String> = if filter.is_some() {
        Vec::new()
    } else {
        xfail.iter().filter(|p| !programs.contains(p)).collect()
    };

    for report in &unexpected {
        eprintln!("{report}");
    }
    // Only a warning: in a shared checkout a colleague's uncommitted program may be listed.
    if !stale.is_empty() {
        eprintln!("warning: XFAIL names programs that do not exist: {stale:?}");
    }
    eprintln!(
        "programs: {passed} passed, {expected_failures} expected failures, {} unexpected, \
         {} now passing but listed in XFAIL, {} crashed (panic or signal)",
        unexpected.len(),
        now_passing.len(),
        crashes.len()
    );
    if !crashes.is_empty() {
        eprintln!("crashed: {}", crashes.join(", "));
    }
    // Not a check (timings never fail a test), a pointer for whoever tunes the interpreter.
    let mut timed: Vec<(&String, Duration)> = results
        .iter()
        .filter_map(|(rel, r)| r.as_ref().ok().map(|d| (rel, *d)))
        .collect();
    timed.sort_by_key(|t| std::cmp::Reverse(t.1));
    let slowest: Vec<String> = timed
        .iter()
        .take(3)
        .map(|(rel, d)| format!("{rel} {:.2}s", d.as_secs_f64()))
        .collect();
    if !slowest.is_empty() {
        eprintln!("slowest passing programs: {}", slowest.join(", "));
    }
    let mut problems = Vec::new();
    if !unexpected.is_empty() {
        problems.push(format!(
            "{} programs failed (reports above)",
            unexpected.len()
        ));
    }
    if !now_passing.is_empty() {
        problems.push(format!(
            "these programs now pass: remove them from tests/programs/XFAIL \
             (or run STMPY_UPDATE_XFAIL=1 cargo test --test programs):\n  {}",
            now_passing.join("\n  ")
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
