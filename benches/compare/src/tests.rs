//! Tests of the comparison logic and of the measuring helper on real child processes.

use std::time::Duration;

use crate::measure::{Exit, Run, helper_main, parse_stats};
use crate::report::{geomean, json_str, speedup};
use crate::{Entry, Interp, Side, Verdict, first_diff, judge};

fn run(secs: f64, out: &str, exit: Exit) -> Run {
    Run {
        wall: Duration::from_secs_f64(secs),
        max_rss_kb: 1000,
        exit,
        stdout: out.to_string(),
        stderr: String::new(),
    }
}

fn side(runs: &[(f64, &str)]) -> Side {
    Side {
        runs: runs
            .iter()
            .map(|&(t, o)| run(t, o, Exit::Code(0)))
            .collect(),
    }
}

fn entry(name: &str, threads: Option<usize>, py: f64, st: f64) -> Entry {
    Entry {
        name: name.into(),
        threads,
        python: side(&[(py, "x\n")]),
        stmpy: side(&[(st, "x\n")]),
        verdict: Verdict::Ok,
    }
}

#[test]
fn median_ignores_failed_runs_and_averages_the_middle_pair() {
    let mut s = side(&[(3.0, ""), (1.0, ""), (2.0, ""), (10.0, "")]);
    assert_eq!(s.median_s(), Some(2.5));
    s.runs.push(run(100.0, "", Exit::TimedOut));
    assert_eq!(s.median_s(), Some(2.5));
    assert_eq!(Side::default().median_s(), None);
}

#[test]
fn judge_tells_wrong_from_failed() {
    let py = side(&[(1.0, "42\n"), (1.0, "42\n")]);
    assert_eq!(judge(&py, &side(&[(2.0, "42\n")])), Verdict::Ok);
    assert_eq!(
        judge(&py, &side(&[(2.0, "43\n")])),
        Verdict::Wrong("line 1: expected \"42\", got \"43\"".into())
    );
    let mut crashed = run(0.1, "", Exit::Code(1));
    crashed.stderr = "Traceback (most recent call last):\n  File \"x\"\nNameError: boom\n".into();
    let v = judge(
        &py,
        &Side {
            runs: vec![crashed],
        },
    );
    assert_eq!(v, Verdict::Failed("exit 1: NameError: boom".into()));
    let v = judge(
        &py,
        &Side {
            runs: vec![run(60.0, "", Exit::TimedOut)],
        },
    );
    assert_eq!(v, Verdict::Failed("timed out".into()));
    let broken = Side {
        runs: vec![run(0.1, "", Exit::Code(2))],
    };
    assert!(matches!(judge(&broken, &py), Verdict::PythonFailed(_)));
}

#[test]
fn first_stderr_line_is_used_when_it_is_not_a_traceback() {
    let mut r = run(0.1, "", Exit::Code(2));
    r.stderr = "stmpy: not yet implemented\nmore\n".into();
    assert_eq!(r.failure_line(), "exit 2: stmpy: not yet implemented");
}

#[test]
fn first_diff_reports_missing_lines() {
    assert_eq!(
        first_diff("a\nb\n", "a\n"),
        "line 2: expected \"b\", got \"<end>\""
    );
}

#[test]
fn geomean_covers_only_correct_single_threaded_programs() {
    let mut bad = entry("c", None, 1.0, 100.0);
    bad.verdict = Verdict::Failed("x".into());
    let entries = vec![
        entry("a", None, 1.0, 2.0),
        entry("b", None, 1.0, 8.0),
        bad,
        entry("mt", Some(1), 1.0, 50.0),
    ];
    let (g, n, total) = geomean(&entries);
    assert!((g.unwrap() - 4.0).abs() < 1e-9);
    assert_eq!((n, total), (2, 3));
}

#[test]
fn speedup_is_relative_to_one_thread_and_needs_right_answers() {
    let mut two = entry("mt", Some(2), 2.0, 1.0);
    let entries = vec![entry("mt", Some(1), 2.0, 4.0), two];
    assert_eq!(speedup(&entries, "mt", 2, Interp::Python), Some(1.0));
    assert_eq!(speedup(&entries, "mt", 2, Interp::Stmpy), Some(4.0));
    two = entry("mt", Some(2), 2.0, 1.0);
    two.verdict = Verdict::Wrong("x".into());
    let entries = vec![entry("mt", Some(1), 2.0, 4.0), two];
    assert_eq!(speedup(&entries, "mt", 2, Interp::Stmpy), None);
}

#[test]
fn json_strings_are_escaped() {
    assert_eq!(json_str("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
}

/// Runs the helper in-process on a real command and reads back what it wrote.
fn helper(timeout: &str, argv: &[&str]) -> (Duration, u64, Exit) {
    let dir = std::env::temp_dir().join(format!("stmpy-bench-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let stats = dir.join(format!("stats-{}", argv.join("_").len() + timeout.len()));
    let mut args = vec![
        stats.to_string_lossy().into_owned(),
        timeout.into(),
        "--".into(),
    ];
    args.extend(argv.iter().map(|s| s.to_string()));
    helper_main(&args).unwrap();
    let text = std::fs::read_to_string(&stats).unwrap();
    let _ = std::fs::remove_file(&stats);
    parse_stats(&text).unwrap()
}

#[test]
fn helper_reports_exit_codes_and_missing_programs() {
    assert_eq!(helper("10", &["sh", "-c", "exit 3"]).2, Exit::Code(3));
    assert_eq!(helper("10", &["sh", "-c", "kill -9 $$"]).2, Exit::Signal(9));
    let missing = helper("10", &["/nonexistent/stmpy-bench-test"]).2;
    assert!(matches!(missing, Exit::SpawnError(_)), "{missing:?}");
}

#[test]
fn helper_kills_a_program_at_the_timeout() {
    let (wall, _, exit) = helper("0.2", &["sleep", "5"]);
    assert_eq!(exit, Exit::TimedOut);
    assert!(wall < Duration::from_secs(4), "{wall:?}");
}

#[test]
fn helper_measures_the_peak_rss_of_its_child() {
    // dd allocates a 200 MB block buffer and fills it; that must show up. (In-process,
    // RUSAGE_CHILDREN covers every child of the test binary, which is why the real tool runs
    // the helper as its own process; here only the lower bound can be checked.)
    let (_, rss_kb, exit) = helper(
        "30",
        &[
            "dd",
            "if=/dev/zero",
            "of=/dev/null",
            "bs=200M",
            "count=1",
            "status=none",
        ],
    );
    assert_eq!(exit, Exit::Code(0));
    assert!(rss_kb > 190 * 1024, "rss {rss_kb} KiB");
}
