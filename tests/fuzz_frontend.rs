//! Robustness of the whole pipeline (parser, compiler, VM) against broken programs.
//!
//! Takes the differential test programs (`tests/programs/`), applies random edits —
//! delete/duplicate/swap lines or tokens, insert random text, truncate — and runs each
//! mutant through the `stmpy` binary. The only allowed outcomes are what CPython could do:
//! exit 0, or exit 1 with a last stderr line shaped like an exception (`SyntaxError: ...`,
//! `NameError: ...`, `ValueError`). Never a signal, a Rust panic (`panicked at`), another
//! exit status, or a hang.
//!
//! A mutant can legitimately loop forever (deleting `n += 1` from a `while` loop) or run
//! for long (deleting a memo table), so when stmpy runs out of time the same mutant is
//! given to `python3`: unless CPython finishes it quickly, the case proves nothing.
//!
//! Knobs: `STMPY_FUZZ_CASES` (default 64), `STMPY_FUZZ_SEED` (a number, or `random`; the
//! default is fixed so CI sees the same mutants every run). A failing mutant is written to
//! `target/fuzz-failures/` so it can be replayed with `stmpy FILE`.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// A debug build of the interpreter runs the test programs in well under a second.
const STMPY_TIMEOUT: Duration = Duration::from_secs(10);
/// Only consulted for mutants stmpy did not finish: does CPython finish them at all?
const PYTHON_TIMEOUT: Duration = Duration::from_secs(5);
/// CPython finishing within this (start-up included) while stmpy needs more than
/// `STMPY_TIMEOUT` means stmpy hangs rather than being slow.
const PYTHON_QUICK: Duration = Duration::from_millis(500);
const DEFAULT_CASES: u32 = 64;
const DEFAULT_SEED: u64 = 0x5701_a2e5;

/// Source texts of the programs worth mutating.
fn corpus() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with("mod_") || name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if name.ends_with(".py") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let src = std::fs::read_to_string(&p).ok()?;
            // Exit statuses chosen by the program, real signals and threads that a mutant
            // can deadlock are outcomes this test cannot judge without CPython.
            let excluded = [
                "exit(",
                "SystemExit",
                "KeyboardInterrupt",
                "threading",
                "sleep",
            ];
            if excluded.iter().any(|w| src.contains(w)) {
                return None;
            }
            let rel = p.strip_prefix(&root).ok()?.to_string_lossy().into_owned();
            Some((rel, src))
        })
        .collect()
}

/// One random edit. Positions are reduced modulo the current length when applied, so any
/// `usize` is valid and shrinking stays meaningful.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    DeleteToken(usize),
    DuplicateToken(usize),
    SwapTokens(usize, usize),
    Insert(usize, String),
    Truncate(usize),
}

/// Fragments that are likely to confuse a Python front end or compiler.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "=",
    "==",
    ":=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "->",
    "<",
    ">",
    "|",
    "&",
    "^",
    "~",
    "!",
    "\"",
    "'",
    "\"\"\"",
    "\\",
    "#",
    "\n",
    "\n    ",
    "    ",
    "\t",
    "\r",
    "\0",
    "0x",
    "1e",
    "1_",
    "0b2",
    ".5j",
    "f\"{",
    "}\"",
    "b'",
    "r'",
    "def ",
    "class ",
    "lambda",
    "lambda:",
    "yield",
    "yield from ",
    "return",
    "await ",
    "async ",
    "global x",
    "nonlocal x",
    "del ",
    "if ",
    "else:",
    "elif ",
    "while ",
    "for ",
    " in ",
    "not ",
    " is ",
    "try:",
    "except:",
    "finally:",
    "with ",
    " as ",
    "raise",
    "from ",
    "import ",
    "match x:",
    "case _:",
    "*args",
    "**kw",
    "pass",
    "break",
    "continue",
    "None",
    "True",
    "__class__",
    "super()",
    "self",
    "x",
    "é",
    "😀",
    "\u{200b}",
];

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let insert_text = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[ -~]{1,6}",
    ];
    prop_oneof![
        1 => any::<usize>().prop_map(Edit::DeleteLine),
        1 => any::<usize>().prop_map(Edit::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        2 => any::<usize>().prop_map(Edit::DeleteToken),
        1 => any::<usize>().prop_map(Edit::DuplicateToken),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapTokens(a, b)),
        3 => (any::<usize>(), insert_text).prop_map(|(p, s)| Edit::Insert(p, s)),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// Byte ranges of tokens: runs of identifier characters, or single other non-space chars.
fn tokens(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut iter = src.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() || c == '_' {
            while let Some(&(i, d)) = iter.peek() {
                if !(d.is_alphanumeric() || d == '_') {
                    break;
                }
                end = i + d.len_utf8();
                iter.next();
            }
        }
        out.push((start, end));
    }
    out
}

/// The byte offset of the char boundary at or before `pos % (len + 1)`.
fn boundary(src: &str, pos: usize) -> usize {
    let mut p = pos % (src.len() + 1);
    while !src.is_char_boundary(p) {
        p -= 1;
    }
    p
}

fn apply(src: &str, edit: &Edit) -> String {
    let mut lines: Vec<&str> = src.split_inclusive('\n').collect();
    let toks = tokens(src);
    match edit {
        Edit::DeleteLine(i) if !lines.is_empty() => {
            lines.remove(i % lines.len());
            lines.concat()
        }
        Edit::DuplicateLine(i) if !lines.is_empty() => {
            let k = i % lines.len();
            lines.insert(k, lines[k]);
            lines.concat()
        }
        Edit::SwapLines(a, b) if !lines.is_empty() => {
            let n = lines.len();
            lines.swap(a % n, b % n);
            lines.concat()
        }
        Edit::DeleteToken(i) if !toks.is_empty() => {
            let (s, e) = toks[i % toks.len()];
            format!("{}{}", &src[..s], &src[e..])
        }
        Edit::DuplicateToken(i) if !toks.is_empty() => {
            let (s, e) = toks[i % toks.len()];
            format!("{}{}", &src[..e], &src[s..])
        }
        Edit::SwapTokens(a, b) if !toks.is_empty() => {
            let (mut x, mut y) = (toks[a % toks.len()], toks[b % toks.len()]);
            if x.0 > y.0 {
                std::mem::swap(&mut x, &mut y);
            }
            if x == y {
                return src.to_string();
            }
            format!(
                "{}{}{}{}{}",
                &src[..x.0],
                &src[y.0..y.1],
                &src[x.1..y.0],
                &src[x.0..x.1],
                &src[y.1..]
            )
        }
        Edit::Insert(p, text) => {
            let at = boundary(src, *p);
            format!("{}{}{}", &src[..at], text, &src[at..])
        }
        Edit::Truncate(p) => src[..boundary(src, *p)].to_string(),
        _ => src.to_string(),
    }
}

struct Outcome {
    /// `None`: killed by a signal.
    code: Option<i32>,
    stderr: String,
    timed_out: bool,
    elapsed: Duration,
}

fn run(program: &Path, args: &[&Path], timeout: Duration) -> std::io::Result<Outcome> {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(args[0].parent().expect("mutant has a folder"))
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() > timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    Ok(Outcome {
        code: if timed_out { None } else { status.code() },
        stderr,
        timed_out,
        elapsed,
    })
}

/// `SyntaxError: invalid syntax`, `ValueError`, `mod.CustomError: text`.
fn looks_like_exception(line: &str) -> bool {
    let name = line.split(':').next().unwrap_or("");
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && (line.len() == name.len() || line[name.len()..].starts_with(": "))
}

/// Why this outcome is not one CPython could produce, if it is not.
fn judge(out: &Outcome) -> Option<String> {
    if out.stderr.contains("panicked at") {
        return Some("a Rust panic reached the user".into());
    }
    let last = out
        .stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    match out.code {
        Some(0) => None,
        Some(1) if looks_like_exception(last) => None,
        Some(1) => Some(format!(
            "exit 1 but the last stderr line is not an exception: {last:?}"
        )),
        Some(c) => Some(format!("exit status {c}")),
        None if out.timed_out => Some(format!("no result after {:?}", out.elapsed)),
        None => Some("killed by a signal".into()),
    }
}

fn seed() -> RngSeed {
    match std::env::var("STMPY_FUZZ_SEED").as_deref() {
        Ok("random") => RngSeed::Random,
        Ok(s) => RngSeed::Fixed(s.parse().expect("STMPY_FUZZ_SEED: a number or `random`")),
        Err(_) => RngSeed::Fixed(DEFAULT_SEED),
    }
}

/// Runs candidate programs through stmpy and keeps the verdicts.
struct Fuzzer {
    name: &'static str,
    bin: PathBuf,
    /// Scratch folder for the candidate files, removed on drop.
    work: PathBuf,
    failures: PathBuf,
    case_no: AtomicU32,
    /// What the candidates did, so a run shows it exercised more than the parser.
    tally: Mutex<BTreeMap<String, u32>>,
}

impl Fuzzer {
    fn new(name: &'static str) -> Fuzzer {
        let work = std::env::temp_dir().join(format!("stmpy-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&work).expect("create scratch folder");
        Fuzzer {
            name,
            bin: PathBuf::from(env!("CARGO_BIN_EXE_stmpy")),
            work,
            failures: Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures"),
            case_no: AtomicU32::new(0),
            tally: Mutex::new(BTreeMap::new()),
        }
    }

    fn config() -> Config {
        let cases = std::env::var("STMPY_FUZZ_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(DEFAULT_CASES);
        Config {
            cases,
            rng_seed: seed(),
            // Each case starts a process: keep shrinking short, and save failures ourselves
            // instead of a regressions file in the shared source tree.
            max_shrink_iters: 64,
            failure_persistence: None,
            ..Config::default()
        }
    }

    /// Runs `source` with stmpy; `Err` when the outcome is not one CPython could produce.
    fn check(&self, label: &str, source: &str) -> Result<(), TestCaseError> {
        let n = self.case_no.fetch_add(1, Ordering::Relaxed);
        let file = self.work.join(format!("case{n}.py"));
        std::fs::write(&file, source).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let out = run(&self.bin, &[&file], STMPY_TIMEOUT)
            .map_err(|e| TestCaseError::fail(format!("cannot run stmpy: {e}")))?;
        let verdict = match judge(&out) {
            Some(_) if out.timed_out => {
                // A program that runs forever (or just long) under CPython too is a fine
                // outcome: a debug build of stmpy is many times slower than CPython, so
                // only a program CPython finishes quickly proves that stmpy hangs.
                match run(Path::new("python3"), &[&file], PYTHON_TIMEOUT) {
                    Ok(py) if py.timed_out || py.elapsed > PYTHON_QUICK => None,
                    Ok(_) => judge(&out),
                    Err(e) => Some(format!("stmpy timed out and python3 cannot run: {e}")),
                }
            }
            v => v,
        };
        let _ = std::fs::remove_file(&file);
        let kind = match out.code {
            Some(0) => "exit 0",
            _ if out.timed_out => "too long (CPython too)",
            _ => {
                let last = out.stderr.lines().rev().find(|l| !l.trim().is_empty());
                last.unwrap_or("").split(':').next().unwrap_or("")
            }
        };
        *self
            .tally
            .lock()
            .unwrap()
            .entry(kind.to_string())
            .or_default() += 1;
        let Some(why) = verdict else {
            return Ok(());
        };
        let _ = std::fs::create_dir_all(&self.failures);
        let saved = self.failures.join(format!("{}-case{n}.py", self.name));
        let _ = std::fs::write(&saved, source);
        let tail: Vec<&str> = out.stderr.lines().rev().take(8).collect();
        Err(TestCaseError::fail(format!(
            "{label}: {why}\n  saved as {}\n  stderr tail:\n    {}",
            saved.display(),
            tail.into_iter().rev().collect::<Vec<_>>().join("\n    ")
        )))
    }

    fn finish(self, result: Result<(), impl std::fmt::Display>) {
        let _ = std::fs::remove_dir_all(&self.work);
        eprintln!("{} outcomes: {:?}", self.name, self.tally.lock().unwrap());
        if let Err(e) = result {
            panic!("{e}");
        }
    }
}

#[test]
fn mutated_programs_never_crash_the_interpreter() {
    let programs = corpus();
    assert!(programs.len() > 50, "corpus too small: {}", programs.len());
    let fuzz = Fuzzer::new("mutants");
    let strategy = (
        0..programs.len(),
        proptest::collection::vec(edit_strategy(), 1..4),
    );
    let result = TestRunner::new(Fuzzer::config()).run(&strategy, |(idx, edits)| {
        let (rel, src) = &programs[idx];
        let mutant = edits.iter().fold(src.clone(), |s, e| apply(&s, e));
        fuzz.check(&format!("mutant of {rel} {edits:?}"), &mutant)
    });
    fuzz.finish(result);
}

/// Identifiers, literals and keywords to mix with `FRAGMENTS` into token soup.
const WORDS: &[&str] = &[
    "x", "y", "f", "print", "len", "range", "0", "1", "2", "-1", "3.5", "1e308", "10**100", "'s'",
    "\"t\"", "[]", "{}", "()", "[1, 2]", "{1: 2}", "f(x)", "x.y", "x[0]", "x[1:2]", "and", "or",
    "if", "else", "for", "in", "while", "return", "yield", "lambda", "def", "class", "try",
    "except", "finally", "with", "as", "import", "sys", "math", "global", "del", "assert", "pass",
    "not", "is", "None", "True", "False", "...", "*", "**", "=", "+=", ":", "\n", "\n    ",
];

#[test]
fn random_token_soup_never_crashes_the_interpreter() {
    let fuzz = Fuzzer::new("soup");
    let token = prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
    ];
    let strategy = proptest::collection::vec((token, any::<bool>()), 1..40);
    let result = TestRunner::new(Fuzzer::config()).run(&strategy, |toks| {
        let source: String = toks
            .iter()
            .map(|(t, space)| if *space { format!("{t} ") } else { t.clone() })
            .collect();
        fuzz.check(&format!("token soup {source:?}"), &source)
    });
    fuzz.finish(result);
}

#[test]
fn edits_keep_text_valid() {
    let src = "def f(x):\n    return x + 1  # é😀\nprint(f(2))\n";
    assert_eq!(tokens("a_1 + (b)").len(), 5);
    assert_eq!(apply(src, &Edit::DeleteLine(1)), "def f(x):\nprint(f(2))\n");
    assert_eq!(
        apply("a b", &Edit::SwapTokens(1, 0)),
        "b a",
        "token swap exchanges the two tokens"
    );
    // Every edit at every position yields valid UTF-8 (a `String`) without panicking.
    for p in 0..src.len() + 3 {
        for e in [
            Edit::Insert(p, "😀".into()),
            Edit::Truncate(p),
            Edit::DeleteToken(p),
            Edit::DuplicateToken(p),
            Edit::SwapTokens(p, p / 2),
            Edit::DuplicateLine(p),
            Edit::SwapLines(p, 1),
        ] {
            let _ = apply(src, &e);
        }
    }
    assert!(looks_like_exception("SyntaxError: invalid syntax"));
    assert!(looks_like_exception("ValueError"));
    assert!(looks_like_exception("mod.Custom: x"));
    assert!(!looks_like_exception(
        "thread 'main' panicked at src/x.rs:1:1:"
    ));
    assert!(!looks_like_exception("  File \"x.py\", line 1"));
    assert!(!looks_like_exception(""));
}
