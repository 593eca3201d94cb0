//! Timing one run of a program: wall time, peak RSS, exit status, captured output.
//!
//! Peak RSS comes from `getrusage(RUSAGE_CHILDREN)`, which reports the largest resident set
//! of any child the calling process has reaped. In the long-lived driver that figure only
//! ever grows (it is a maximum over *all* runs), so each run goes through a fresh
//! `stmpy-bench measure` helper process whose only child is the program: the helper's
//! `RUSAGE_CHILDREN` is then exactly that program's peak. The helper also takes the wall
//! time itself, so the helper's own start-up is not counted.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

/// How one run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    TimedOut,
    /// The program could not be started at all (missing binary, ...).
    SpawnError(String),
}

/// One run of one program under one interpreter.
#[derive(Clone, Debug)]
pub struct Run {
    pub wall: Duration,
    pub max_rss_kb: u64,
    pub exit: Exit,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> bool {
        self.exit == Exit::Code(0)
    }

    /// A one-line reason for a failed run, for the table.
    ///
    /// The brief asks for the first stderr line; for a Python traceback that line is always
    /// "Traceback (most recent call last):", so the exception line (the last one) is used.
    pub fn failure_line(&self) -> String {
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let line = match lines.first() {
            Some(first) if first.starts_with("Traceback") => lines.last().copied(),
            other => other.copied(),
        };
        let status = match &self.exit {
            Exit::Code(c) => format!("exit {c}"),
            Exit::Signal(s) => format!("signal {s}"),
            Exit::TimedOut => "timed out".to_string(),
            Exit::SpawnError(e) => return format!("cannot start: {e}"),
        };
        match line {
            Some(l) => format!("{status}: {}", l.trim()),
            None => status,
        }
    }
}

/// Runs `argv` through the measuring helper (a fresh copy of this binary) and returns the
/// run's figures and output. Never panics on a misbehaving program: every failure is a
/// value of [`Exit`].
pub fn run_measured(argv: &[String], timeout: Duration, scratch: &Path) -> Run {
    let stats = scratch.join(format!("stats-{}", next_id()));
    let _ = std::fs::remove_file(&stats);
    let helper = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => return spawn_error(format!("current_exe: {e}")),
    };
    let out = Command::new(helper)
        .arg("measure")
        .arg(&stats)
        .arg(timeout.as_secs_f64().to_string())
        .arg("--")
        .args(argv)
        .stdin(Stdio::null())
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => return spawn_error(format!("measure helper: {e}")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let text = std::fs::read_to_string(&stats).unwrap_or_default();
    let _ = std::fs::remove_file(&stats);
    match parse_stats(&text) {
        Some((wall, max_rss_kb, exit)) => Run {
            wall,
            max_rss_kb,
            exit,
            stdout,
            stderr,
        },
        None => Run {
            wall: Duration::ZERO,
            max_rss_kb: 0,
            exit: Exit::SpawnError(format!(
                "measure helper wrote no figures ({})",
                stderr.lines().next().unwrap_or("no message")
            )),
            stdout,
            stderr,
        },
    }
}

fn spawn_error(msg: String) -> Run {
    Run {
        wall: Duration::ZERO,
        max_rss_kb: 0,
        exit: Exit::SpawnError(msg),
        stdout: String::new(),
        stderr: String::new(),
    }
}

fn next_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// Stats file format: `wall_ns max_rss_kb kind value`, kind one of code/signal/timeout/spawn.
pub(crate) fn parse_stats(text: &str) -> Option<(Duration, u64, Exit)> {
    let mut it = text.split_whitespace();
    let wall = Duration::from_nanos(it.next()?.parse().ok()?);
    let rss = it.next()?.parse().ok()?;
    let kind = it.next()?;
    let rest: Vec<&str> = it.collect();
    let exit = match kind {
        "code" => Exit::Code(rest.first()?.parse().ok()?),
        "signal" => Exit::Signal(rest.first()?.parse().ok()?),
        "timeout" => Exit::TimedOut,
        "spawn" => Exit::SpawnError(rest.join(" ")),
        _ => return None,
    };
    Some((wall, rss, exit))
}

/// The helper: `stmpy-bench measure STATS_FILE TIMEOUT_S -- PROGRAM ARGS...`.
/// Runs the program with inherited stdio, kills it at the timeout, writes the stats file.
pub fn helper_main(args: &[String]) -> Result<(), String> {
    let [stats, timeout, dashes, argv @ ..] = args else {
        return Err("usage: measure STATS_FILE TIMEOUT_S -- PROGRAM [ARGS...]".into());
    };
    if dashes != "--" || argv.is_empty() {
        return Err("usage: measure STATS_FILE TIMEOUT_S -- PROGRAM [ARGS...]".into());
    }
    let timeout: f64 = timeout
        .parse()
        .map_err(|_| format!("bad timeout {timeout:?}"))?;
    let stats = PathBuf::from(stats);

    let start = Instant::now();
    let mut child = match Command::new(&argv[0]).args(&argv[1..]).spawn() {
        Ok(c) => c,
        Err(e) => {
            let line = format!("0 0 spawn {}: {e}", argv[0]);
            return std::fs::write(&stats, line).map_err(|e| e.to_string());
        }
    };
    // The watchdog kills the program at the deadline unless told the program is done.
    // (A pid could in principle be reused between the exit and the message; the window is
    // the few microseconds around the deadline itself.)
    let pid = Pid::from_raw(child.id() as i32);
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        let fired = done_rx
            .recv_timeout(Duration::from_secs_f64(timeout))
            .is_err();
        if fired {
            let _ = kill(pid, Signal::SIGKILL);
        }
        fired
    });
    let status = child.wait().map_err(|e| format!("wait: {e}"))?;
    let wall = start.elapsed();
    let _ = done_tx.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    let rss_kb = getrusage(UsageWho::RUSAGE_CHILDREN)
        .map(|u| u.max_rss())
        .unwrap_or(0);
    let exit = if timed_out {
        "timeout 0".to_string()
    } else {
        describe(status)
    };
    let line = format!("{} {} {exit}", wall.as_nanos(), rss_kb.max(0));
    std::fs::write(&stats, line).map_err(|e| e.to_string())
}

fn describe(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => format!("code {c}"),
        (None, Some(s)) => format!("signal {s}"),
        (None, None) => "code -1".to_string(),
    }
}

/// Reads a whole file, tolerating a missing one (used for /proc and lscpu-style facts).
pub fn read_lossy(path: &Path) -> String {
    let mut s = String::new();
    if let Ok(mut f) = std::fs::File::open(path) {
        let mut bytes = Vec::new();
        if f.read_to_end(&mut bytes).is_ok() {
            s = String::from_utf8_lossy(&bytes).into_owned();
        }
    }
    s
}
