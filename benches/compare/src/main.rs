//! `stmpy-bench compare`: runs the Python programs in `benches/programs/` under
//! `target/release/stmpy` and `python3` alternately, checks that both print the same thing,
//! and reports median times, their ratio, peak RSS, the geometric mean of the ratios, the
//! speedup of the threaded programs (`mt_*.py`, thread count in argv[1]) at 1..nproc
//! threads, and start-up time (`-c pass`). Writes JSON and SVG plots.
//!
//! It runs `cargo build --release -p stmpy` first (skip with `--no-build`).

mod measure;
mod plot;
mod report;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use measure::{Run, run_measured};

const USAGE: &str = "\
usage: stmpy-bench compare [--runs N] [--filter S] [--threads 1,2] [--json FILE]
                           [--plots DIR] [--timeout SECS] [--startup-runs N]
                           [--stmpy PATH] [--python PATH] [--no-build]

  --runs N          runs per program and interpreter, medians reported (default 3)
  --filter S        only programs whose name contains S
  --programs DIR    where the *.py programs are (default benches/programs)
  --threads LIST    thread counts for the mt_* programs (default 1..=nproc)
  --json FILE       results file (default benches/results/results.json)
  --plots DIR       where ratio.svg and speedup.svg go (default benches/results)
  --timeout SECS    per-run limit; a run past it is killed and reported (default 60)
  --startup-runs N  runs of `-c pass` for the start-up figure (default 20)
  --stmpy PATH      interpreter under test (default target/release/stmpy)
  --python PATH     reference interpreter (default python3; a pyenv-style shim is
                    resolved to the real executable, whose sys.executable is used)
  --python-site     run python3 with its site module (default: `python3 -S`, see below)
  --no-build        do not run `cargo build --release -p stmpy` first

python3 runs with -S by default: on this machine the site module executes a .pth file that
imports certifi (~90 ms per start), which is not CPython's own cost. The programs use only
the standard library, so -S changes nothing else.";

#[derive(Clone)]
pub struct Options {
    runs: usize,
    filter: Option<String>,
    programs: PathBuf,
    threads: Vec<usize>,
    json: PathBuf,
    plots: PathBuf,
    timeout: Duration,
    startup_runs: usize,
    stmpy: PathBuf,
    python: PathBuf,
    python_site: bool,
    build: bool,
}

/// Which interpreter a figure belongs to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Interp {
    Python,
    Stmpy,
}

/// The runs of one program (at one thread count) under one interpreter.
#[derive(Default)]
pub struct Side {
    pub runs: Vec<Run>,
}

impl Side {
    /// Median wall time in seconds over the successful runs.
    pub fn median_s(&self) -> Option<f64> {
        let mut t: Vec<f64> = self
            .runs
            .iter()
            .filter(|r| r.ok())
            .map(|r| r.wall.as_secs_f64())
            .collect();
        if t.is_empty() {
            return None;
        }
        t.sort_by(f64::total_cmp);
        let n = t.len();
        Some(if n % 2 == 1 {
            t[n / 2]
        } else {
            (t[n / 2 - 1] + t[n / 2]) / 2.0
        })
    }

    /// Peak RSS over all runs, in KiB.
    pub fn max_rss_kb(&self) -> u64 {
        self.runs.iter().map(|r| r.max_rss_kb).max().unwrap_or(0)
    }
}

/// What the comparison concluded about one program at one thread count.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Ok,
    /// stmpy ran but printed something else than python3.
    Wrong(String),
    /// stmpy failed (error exit, signal, timeout); the reason line.
    Failed(String),
    /// python3 itself failed: the program is broken.
    PythonFailed(String),
}

pub struct Entry {
    pub name: String,
    /// `None` for a single-threaded program, else the thread count passed in argv[1].
    pub threads: Option<usize>,
    pub python: Side,
    pub stmpy: Side,
    pub verdict: Verdict,
}

impl Entry {
    /// stmpy time / python3 time, only when the outputs matched.
    pub fn ratio(&self) -> Option<f64> {
        if self.verdict != Verdict::Ok {
            return None;
        }
        Some(self.stmpy.median_s()? / self.python.median_s()?)
    }
}

pub struct Startup {
    pub python: Side,
    pub stmpy: Side,
    pub verdict: Verdict,
}

pub struct Machine {
    pub cpu: String,
    pub nproc: usize,
    pub python_version: String,
    pub stmpy_commit: String,
    pub date: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("measure") => measure::helper_main(&args[1..]),
        Some("compare") => parse_options(&args[1..]).and_then(|o| compare(&o)),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    if let Err(e) = result {
        eprintln!("stmpy-bench: {e}");
        std::process::exit(2);
    }
}

fn repo_root() -> PathBuf {
    // benches/compare -> repository root; fixed at compile time so the tool works from any cwd.
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .and_then(Path::parent)
        .unwrap_or(here)
        .to_path_buf()
}

fn nproc() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let root = repo_root();
    let mut o = Options {
        runs: 3,
        filter: None,
        programs: root.join("benches/programs"),
        threads: (1..=nproc()).collect(),
        json: root.join("benches/results/results.json"),
        plots: root.join("benches/results"),
        timeout: Duration::from_secs(60),
        startup_runs: 20,
        stmpy: root.join("target/release/stmpy"),
        python: PathBuf::from("python3"),
        python_site: false,
        build: true,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--no-build" {
            o.build = false;
            continue;
        }
        if flag == "--python-site" {
            o.python_site = true;
            continue;
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = |v: &str| {
            v.parse::<usize>()
                .map_err(|_| format!("{flag}: not a number: {v}"))
        };
        match flag.as_str() {
            "--runs" => o.runs = number(value)?.max(1),
            "--filter" => o.filter = Some(value.clone()),
            "--programs" => o.programs = PathBuf::from(value),
            "--threads" => {
                o.threads = value
                    .split(',')
                    .map(|v| number(v.trim()))
                    .collect::<Result<_, _>>()?;
                if o.threads.is_empty() || o.threads.contains(&0) {
                    return Err("--threads: counts must be positive".into());
                }
                // Speedups are relative to 1 thread, so it is always measured.
                if !o.threads.contains(&1) {
                    o.threads.insert(0, 1);
                }
            }
            "--json" => o.json = PathBuf::from(value),
            "--plots" => o.plots = PathBuf::from(value),
            "--timeout" => {
                let s: f64 = value
                    .parse()
                    .map_err(|_| format!("--timeout: bad value {value}"))?;
                o.timeout = Duration::from_secs_f64(s.max(0.1));
            }
            "--startup-runs" => o.startup_runs = number(value)?.max(1),
            "--stmpy" => o.stmpy = PathBuf::from(value),
            "--python" => o.python = PathBuf::from(value),
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    Ok(o)
}

fn compare(o: &Options) -> Result<(), String> {
    let root = repo_root();
    let resolved = Options {
        python: resolve_python(&o.python),
        ..o.clone()
    };
    let o = &resolved;
    if o.build {
        eprintln!("building: cargo build --release -p stmpy");
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--release", "-p", "stmpy"])
            .current_dir(&root)
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            // Keep going: an old binary (or none) is still worth reporting on, as failures.
            eprintln!("warning: cargo build --release failed; using whatever binary exists");
        }
    }
    let programs = discover(&o.programs, o.filter.as_deref())?;
    if programs.is_empty() {
        return Err("no programs matched".into());
    }
    let scratch = std::env::temp_dir().join(format!("stmpy-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;

    let machine = machine_facts(o, &root);
    eprintln!(
        "{} programs, {} runs each, threads {:?}, on {} ({} cpus)",
        programs.len(),
        o.runs,
        o.threads,
        machine.cpu,
        machine.nproc
    );

    let startup = measure_startup(o, &scratch);
    let mut entries = Vec::new();
    for prog in &programs {
        let name = prog
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let threaded = name.starts_with("mt_");
        let counts: Vec<Option<usize>> = if threaded {
            o.threads.iter().map(|&t| Some(t)).collect()
        } else {
            vec![None]
        };
        for entry in measure_program(o, &scratch, prog, &name, &counts) {
            report::progress_line(&entry);
            entries.push(entry);
        }
        // A long run on a busy machine may be cut short: keep what is measured so far.
        if let Some(dir) = o.json.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&o.json, report::json(&machine, o.runs, &startup, &entries));
    }
    let _ = std::fs::remove_dir_all(&scratch);

    let text = report::table(&machine, o.runs, &startup, &entries);
    println!("{text}");
    let json = report::json(&machine, o.runs, &startup, &entries);
    if let Some(dir) = o.json.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    std::fs::write(&o.json, json).map_err(|e| format!("{}: {e}", o.json.display()))?;
    std::fs::create_dir_all(&o.plots).map_err(|e| format!("{}: {e}", o.plots.display()))?;
    plot::ratio_chart(&o.plots.join("ratio.svg"), &entries)?;
    plot::speedup_chart(&o.plots.join("speedup.svg"), &entries)?;
    eprintln!(
        "wrote {}, {}/ratio.svg, {}/speedup.svg",
        o.json.display(),
        o.plots.display(),
        o.plots.display()
    );
    Ok(())
}

fn discover(dir: &Path, filter: Option<&str>) -> Result<Vec<PathBuf>, String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            filter.is_none_or(|f| name.contains(f))
        })
        .collect();
    // Single-threaded programs first, then the threaded ones, each alphabetically.
    v.sort_by_key(|p| {
        let name = p
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        (name.starts_with("mt_"), name)
    });
    Ok(v)
}

/// The command prefix that runs a script under `which`.
fn interp_argv(o: &Options, which: Interp) -> Vec<String> {
    match which {
        Interp::Python if o.python_site => vec![o.python.to_string_lossy().into_owned()],
        Interp::Python => vec![o.python.to_string_lossy().into_owned(), "-S".into()],
        Interp::Stmpy => vec![o.stmpy.to_string_lossy().into_owned()],
    }
}

/// `python3` here is often a shell-script shim (pyenv) that costs more than CPython's own
/// start-up; time the interpreter itself.
fn resolve_python(python: &Path) -> PathBuf {
    let out = Command::new(python)
        .args(["-S", "-c", "import sys; print(sys.executable)"])
        .output();
    match out {
        Ok(out) if out.status.success() => {
            let exe = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
            if exe.is_file() {
                exe
            } else {
                python.to_path_buf()
            }
        }
        _ => python.to_path_buf(),
    }
}

fn measure_startup(o: &Options, scratch: &Path) -> Startup {
    let mut s = Startup {
        python: Side::default(),
        stmpy: Side::default(),
        verdict: Verdict::Ok,
    };
    for _ in 0..o.startup_runs {
        for which in [Interp::Python, Interp::Stmpy] {
            let mut argv = interp_argv(o, which);
            argv.extend(["-c".into(), "pass".into()]);
            let run = run_measured(&argv, o.timeout, scratch);
            match which {
                Interp::Python => s.python.runs.push(run),
                Interp::Stmpy => s.stmpy.runs.push(run),
            }
        }
    }
    s.verdict = judge(&s.python, &s.stmpy);
    s
}

/// Measures one program at each of `counts` (one `None` for a single-threaded program).
/// Runs alternate between the interpreters and, for a threaded program, between thread
/// counts within each round, so drift in the load on the (shared) machine hits every
/// figure alike instead of skewing one thread count's speedup.
fn measure_program(
    o: &Options,
    scratch: &Path,
    prog: &Path,
    name: &str,
    counts: &[Option<usize>],
) -> Vec<Entry> {
    let mut group: Vec<Entry> = counts
        .iter()
        .map(|&threads| Entry {
            name: name.to_string(),
            threads,
            python: Side::default(),
            stmpy: Side::default(),
            verdict: Verdict::Ok,
        })
        .collect();
    let argv_for = |which, threads: Option<usize>| {
        let mut v = interp_argv(o, which);
        v.push(prog.to_string_lossy().into_owned());
        if let Some(t) = threads {
            v.push(t.to_string());
        }
        v
    };
    // Once stmpy has failed or printed a wrong answer at a thread count, further stmpy
    // runs there only cost time.
    let mut stmpy_done = vec![false; group.len()];
    for _ in 0..o.runs {
        for (e, done) in group.iter_mut().zip(stmpy_done.iter_mut()) {
            let python = run_measured(&argv_for(Interp::Python, e.threads), o.timeout, scratch);
            e.python.runs.push(python);
            if !*done {
                let run = run_measured(&argv_for(Interp::Stmpy, e.threads), o.timeout, scratch);
                let reference = e.python.runs.first().map(|p| &p.stdout);
                *done = !run.ok() || reference.is_some_and(|p| *p != run.stdout);
                e.stmpy.runs.push(run);
            }
        }
    }
    for e in &mut group {
        e.verdict = judge(&e.python, &e.stmpy);
    }
    group
}

/// Compares every stmpy run against the first python3 run (the programs are deterministic).
pub(crate) fn judge(python: &Side, stmpy: &Side) -> Verdict {
    let Some(reference) = python.runs.iter().find(|r| !r.ok()).or(python.runs.first()) else {
        return Verdict::PythonFailed("no runs".into());
    };
    if !reference.ok() {
        return Verdict::PythonFailed(reference.failure_line());
    }
    if let Some(p) = python.runs.iter().find(|r| r.stdout != reference.stdout) {
        return Verdict::PythonFailed(format!(
            "python3 output differs between runs: {:?}",
            first_diff(&reference.stdout, &p.stdout)
        ));
    }
    for r in &stmpy.runs {
        if !r.ok() {
            return Verdict::Failed(r.failure_line());
        }
        if r.stdout != reference.stdout {
            return Verdict::Wrong(first_diff(&reference.stdout, &r.stdout));
        }
    }
    Verdict::Ok
}

/// The first differing line, as `line N: expected ... got ...`.
pub(crate) fn first_diff(expected: &str, got: &str) -> String {
    let mut e = expected.lines();
    let mut g = got.lines();
    let mut n = 1;
    loop {
        match (e.next(), g.next()) {
            (None, None) => return "outputs differ only in line endings".into(),
            (a, b) if a == b => n += 1,
            (a, b) => {
                return format!(
                    "line {n}: expected {:?}, got {:?}",
                    a.unwrap_or("<end>"),
                    b.unwrap_or("<end>")
                );
            }
        }
    }
}

fn machine_facts(o: &Options, root: &Path) -> Machine {
    let capture = |cmd: &str, args: &[&str]| {
        Command::new(cmd)
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .map(|out| {
                let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
                s.push_str(&String::from_utf8_lossy(&out.stderr));
                s.trim().to_string()
            })
            .unwrap_or_default()
    };
    let lscpu = capture("lscpu", &[]);
    let mut cpu = lscpu
        .lines()
        .find_map(|l| l.strip_prefix("Model name:").map(|v| v.trim().to_string()))
        .unwrap_or_default();
    if cpu.is_empty() {
        cpu = measure::read_lossy(Path::new("/proc/cpuinfo"))
            .lines()
            .find_map(|l| l.split_once(':').filter(|(k, _)| k.trim() == "model name"))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_else(|| "unknown".into());
    }
    let mut python = interp_argv(o, Interp::Python);
    let version = capture(&python[0], &["--version"]);
    python[0] = version;
    Machine {
        cpu,
        nproc: nproc(),
        python_version: format!("{} ({})", python.join(" "), o.python.display()),
        stmpy_commit: capture("git", &["rev-parse", "--short", "HEAD"]),
        date: capture("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
    }
}
