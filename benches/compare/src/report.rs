//! The text table (Markdown, so it can go into the README as is) and the JSON results.

use std::fmt::Write;

use crate::{Entry, Interp, Machine, Side, Startup, Verdict};

fn secs(s: Option<f64>) -> String {
    s.map_or("-".into(), |s| format!("{s:.3}"))
}

fn mib(kb: u64) -> String {
    if kb == 0 {
        "-".into()
    } else {
        format!("{:.1}", kb as f64 / 1024.0)
    }
}

fn verdict_text(v: &Verdict) -> String {
    match v {
        Verdict::Ok => "ok".into(),
        Verdict::Wrong(d) => format!("WRONG: {d}"),
        Verdict::Failed(d) => format!("FAILED: {d}"),
        Verdict::PythonFailed(d) => format!("PYTHON FAILED: {d}"),
    }
}

/// Keeps table cells on one line and free of the column separator.
fn cell(s: &str) -> String {
    let s = s.replace('|', "\\|").replace('\n', " ");
    if s.chars().count() > 90 {
        format!("{}...", s.chars().take(87).collect::<String>())
    } else {
        s
    }
}

fn label(e: &Entry) -> String {
    match e.threads {
        Some(t) => format!("{} (T={t})", e.name),
        None => e.name.clone(),
    }
}

pub fn progress_line(e: &Entry) {
    let ratio = e.ratio().map_or("-".into(), |r| format!("{r:.2}x"));
    eprintln!(
        "  {:<28} python3 {:>7}s  stmpy {:>7}s  {:>7}  {}",
        label(e),
        secs(e.python.median_s()),
        secs(e.stmpy.median_s()),
        ratio,
        cell(&verdict_text(&e.verdict))
    );
}

/// Geometric mean of stmpy/python3 over the single-threaded programs that ran correctly,
/// with how many programs it covers out of how many.
pub fn geomean(entries: &[Entry]) -> (Option<f64>, usize, usize) {
    let single: Vec<&Entry> = entries.iter().filter(|e| e.threads.is_none()).collect();
    let ratios: Vec<f64> = single.iter().filter_map(|e| e.ratio()).collect();
    let g = if ratios.is_empty() {
        None
    } else {
        Some((ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp())
    };
    (g, ratios.len(), single.len())
}

/// Speedup at `threads` relative to 1 thread for one program under one interpreter.
/// stmpy's figures count only where its answers were right at both thread counts.
pub fn speedup(entries: &[Entry], name: &str, threads: usize, which: Interp) -> Option<f64> {
    let median = |t: usize| {
        let e = entries
            .iter()
            .find(|e| e.name == name && e.threads == Some(t))?;
        match which {
            Interp::Python => e.python.median_s(),
            Interp::Stmpy if e.verdict == Verdict::Ok => e.stmpy.median_s(),
            Interp::Stmpy => None,
        }
    };
    Some(median(1)? / median(threads)?)
}

pub fn threaded_names(entries: &[Entry]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for e in entries.iter().filter(|e| e.threads.is_some()) {
        if !names.contains(&e.name) {
            names.push(e.name.clone());
        }
    }
    names
}

pub fn table(m: &Machine, runs: usize, startup: &Startup, entries: &[Entry]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Machine: {} ({} cpus); {}; stmpy at {}; {}; median of {} runs.\n",
        m.cpu, m.nproc, m.python_version, m.stmpy_commit, m.date, runs
    );
    let _ = writeln!(
        s,
        "| program | python3 s | stmpy s | ratio | python3 MiB | stmpy MiB | RSS ratio | status |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---|");
    for e in entries
        .iter()
        .filter(|e| e.threads.is_none() || e.threads == Some(1))
    {
        let ratio = e.ratio().map_or("-".into(), |r| format!("{r:.2}x"));
        let (pr, sr) = (e.python.max_rss_kb(), e.stmpy.max_rss_kb());
        let rss_ratio = if e.verdict == Verdict::Ok && pr > 0 && sr > 0 {
            format!("{:.2}x", sr as f64 / pr as f64)
        } else {
            "-".into()
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            label(e),
            secs(e.python.median_s()),
            secs(e.stmpy.median_s()),
            ratio,
            mib(pr),
            if e.verdict == Verdict::Ok {
                mib(sr)
            } else {
                "-".into()
            },
            rss_ratio,
            cell(&verdict_text(&e.verdict))
        );
    }
    let (g, n, total) = geomean(entries);
    let _ = writeln!(
        s,
        "\nGeometric mean of stmpy/python3 time over the {n} of {total} single-threaded programs that ran correctly: {}",
        g.map_or("n/a (none ran correctly)".into(), |g| format!("{g:.2}x"))
    );
    let _ = writeln!(
        s,
        "Start-up (`-c pass`, median of {}): python3 {} ms, stmpy {} ms{}",
        startup.python.runs.len(),
        ms(startup.python.median_s()),
        ms(startup.stmpy.median_s()),
        match &startup.verdict {
            Verdict::Ok => String::new(),
            v => format!(" ({})", cell(&verdict_text(v))),
        }
    );

    let names = threaded_names(entries);
    if !names.is_empty() {
        let counts = thread_counts(entries);
        let _ = write!(
            s,
            "\nThreaded programs: speedup vs 1 thread (same total work)\n\n| program |"
        );
        for t in &counts {
            let _ = write!(s, " python3 T={t} s | stmpy T={t} s |");
        }
        for t in counts.iter().filter(|&&t| t > 1) {
            let _ = write!(s, " python3 x{t} | stmpy x{t} |");
        }
        let _ = write!(s, " status |\n|---|");
        for _ in 0..(counts.len() * 2 + counts.iter().filter(|&&t| t > 1).count() * 2) {
            let _ = write!(s, "---:|");
        }
        let _ = writeln!(s, "---|");
        for name in &names {
            let _ = write!(s, "| {name} |");
            let mut status = "ok".to_string();
            for t in &counts {
                let e = entries
                    .iter()
                    .find(|e| &e.name == name && e.threads == Some(*t));
                let (p, st) = e.map_or((None, None), |e| (e.python.median_s(), e.stmpy.median_s()));
                let _ = write!(s, " {} | {} |", secs(p), secs(st));
                if let Some(e) = e.filter(|e| e.verdict != Verdict::Ok)
                    && status == "ok"
                {
                    status = format!("T={t}: {}", verdict_text(&e.verdict));
                }
            }
            for &t in counts.iter().filter(|&&t| t > 1) {
                let p = speedup(entries, name, t, Interp::Python);
                let st = speedup(entries, name, t, Interp::Stmpy);
                let f = |x: Option<f64>| x.map_or("-".into(), |x| format!("{x:.2}x"));
                let _ = write!(s, " {} | {} |", f(p), f(st));
            }
            let _ = writeln!(s, " {} |", cell(&status));
        }
    }
    s.push_str(&targets(startup, entries));
    s
}

/// The targets of issue 7 / DESIGN.md, each with stmpy's figure and whether it is met.
/// A target that depends on a program stmpy could not run correctly is not met.
fn targets(startup: &Startup, entries: &[Entry]) -> String {
    let single: Vec<&Entry> = entries.iter().filter(|e| e.threads.is_none()).collect();
    let all_ok = !single.is_empty() && single.iter().all(|e| e.verdict == Verdict::Ok);
    let (g, n, total) = geomean(entries);
    let worst = single
        .iter()
        .filter_map(|e| Some((e.ratio()?, e.name.as_str())))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let rss_worst = entries
        .iter()
        .filter(|e| e.verdict == Verdict::Ok && e.python.max_rss_kb() > 0)
        .map(|e| {
            (
                e.stmpy.max_rss_kb() as f64 / e.python.max_rss_kb() as f64,
                label(e),
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let rss_all_ok = entries.iter().all(|e| e.verdict == Verdict::Ok);
    let x2 = |name: &str| speedup(entries, name, 2, Interp::Stmpy);
    let x = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.2}x"));
    let met = |b: bool| if b { "met" } else { "not met" };
    let start_ms = startup
        .stmpy
        .median_s()
        .filter(|_| startup.verdict == Verdict::Ok);

    let mut rows: Vec<(String, String, &str)> = vec![
        (
            "single-thread geomean <= 2.0x python3".into(),
            format!("{} over {n} of {total} programs", x(g)),
            met(all_ok && g.is_some_and(|g| g <= 2.0)),
        ),
        (
            "no single-threaded program worse than 4x".into(),
            worst.map_or("n/a".into(), |(r, name)| format!("worst {r:.2}x ({name})")),
            met(all_ok && worst.is_some_and(|(r, _)| r <= 4.0)),
        ),
    ];
    for (name, goal) in [
        ("mt_independent", 1.9),
        ("mt_shared_read", 1.8),
        ("mt_lock_counter", 0.7),
    ] {
        if entries.iter().any(|e| e.name == name) {
            rows.push((
                format!("{name}: 2-thread speedup >= {goal}x"),
                x(x2(name)),
                met(x2(name).is_some_and(|v| v >= goal)),
            ));
        }
    }
    rows.push((
        "peak RSS <= 1.5x python3 on each program".into(),
        rss_worst
            .as_ref()
            .map_or("n/a".into(), |(r, name)| format!("worst {r:.2}x ({name})")),
        met(rss_all_ok && rss_worst.is_some_and(|(r, _)| r <= 1.5)),
    ));
    rows.push((
        "start-up (-c pass) < 10 ms".into(),
        start_ms.map_or("n/a".into(), |t| format!("{:.1} ms", t * 1000.0)),
        met(start_ms.is_some_and(|t| t < 0.010)),
    ));

    let mut s = String::from("\nTargets (issue 7)\n\n| target | stmpy | |\n|---|---|---|\n");
    for (target, figure, verdict) in rows {
        let _ = writeln!(s, "| {target} | {figure} | {verdict} |");
    }
    s
}

fn ms(s: Option<f64>) -> String {
    s.map_or("-".into(), |s| format!("{:.1}", s * 1000.0))
}

pub fn thread_counts(entries: &[Entry]) -> Vec<usize> {
    let mut v: Vec<usize> = entries.iter().filter_map(|e| e.threads).collect();
    v.sort_unstable();
    v.dedup();
    v
}

pub(crate) fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_num(x: Option<f64>) -> String {
    match x {
        Some(x) if x.is_finite() => format!("{x}"),
        _ => "null".into(),
    }
}

fn json_side(side: &Side) -> String {
    let times: Vec<String> = side
        .runs
        .iter()
        .map(|r| format!("{}", r.wall.as_secs_f64()))
        .collect();
    format!(
        "{{\"median_s\": {}, \"times_s\": [{}], \"max_rss_kb\": {}}}",
        json_num(side.median_s()),
        times.join(", "),
        side.max_rss_kb()
    )
}

fn json_verdict(v: &Verdict) -> String {
    let (status, detail) = match v {
        Verdict::Ok => ("ok", ""),
        Verdict::Wrong(d) => ("wrong", d.as_str()),
        Verdict::Failed(d) => ("failed", d.as_str()),
        Verdict::PythonFailed(d) => ("python_failed", d.as_str()),
    };
    format!(
        "\"status\": {}, \"detail\": {}",
        json_str(status),
        json_str(detail)
    )
}

pub fn json(m: &Machine, runs: usize, startup: &Startup, entries: &[Entry]) -> String {
    let mut s = String::from("{\n");
    let _ = writeln!(
        s,
        "  \"machine\": {{\"cpu\": {}, \"nproc\": {}, \"python\": {}, \"stmpy_commit\": {}, \"date\": {}}},",
        json_str(&m.cpu),
        m.nproc,
        json_str(&m.python_version),
        json_str(&m.stmpy_commit),
        json_str(&m.date)
    );
    let _ = writeln!(s, "  \"runs\": {runs},");
    let _ = writeln!(
        s,
        "  \"startup\": {{\"python\": {}, \"stmpy\": {}, {}}},",
        json_side(&startup.python),
        json_side(&startup.stmpy),
        json_verdict(&startup.verdict)
    );
    let (g, n, total) = geomean(entries);
    let _ = writeln!(
        s,
        "  \"geomean_ratio\": {}, \"geomean_programs\": {n}, \"single_threaded_programs\": {total},",
        json_num(g)
    );
    let _ = writeln!(s, "  \"programs\": [");
    let items: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "    {{\"name\": {}, \"threads\": {}, \"ratio\": {}, {}, \"python\": {}, \"stmpy\": {}}}",
                json_str(&e.name),
                e.threads.map_or("null".into(), |t| t.to_string()),
                json_num(e.ratio()),
                json_verdict(&e.verdict),
                json_side(&e.python),
                json_side(&e.stmpy)
            )
        })
        .collect();
    let _ = writeln!(s, "{}\n  ],", items.join(",\n"));
    let mut sp = Vec::new();
    for name in threaded_names(entries) {
        for t in thread_counts(entries) {
            sp.push(format!(
                "    {{\"name\": {}, \"threads\": {t}, \"python\": {}, \"stmpy\": {}}}",
                json_str(&name),
                json_num(speedup(entries, &name, t, Interp::Python)),
                json_num(speedup(entries, &name, t, Interp::Stmpy))
            ));
        }
    }
    let _ = writeln!(s, "  \"speedups\": [\n{}\n  ]\n}}", sp.join(",\n"));
    s
}
