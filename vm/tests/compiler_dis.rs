//! Ad-hoc disassembly for debugging: `STMPY_DIS_FILE=x.py cargo test -p stmpy-vm --test
//! compiler_dis -- --nocapture` prints the file's bytecode (does nothing without it).

use stmpy_vm::bytecode::disassemble;
use stmpy_vm::compiler::{Mode, compile};

#[test]
fn dis_file_from_env() {
    let Ok(path) = std::env::var("STMPY_DIS_FILE") else {
        return;
    };
    let source = std::fs::read_to_string(&path).expect("readable file");
    match compile(&source, &path, Mode::Module) {
        Ok(code) => print!("{}", disassemble(&code)),
        Err(e) => print!("{}", e.render()),
    }
}

/// `STMPY_STATS=dir cargo test --release -p stmpy-vm --test compiler_dis -- --nocapture`
/// prints compile throughput, code size and the most frequent opcodes and opcode pairs of
/// every `.py` file under `dir` (the numbers quoted in ARCHITECTURE.md).
#[test]
fn opcode_statistics_from_env() {
    use std::collections::HashMap;
    use stmpy_vm::bytecode::{CodeObject, Constant};
    let Ok(dir) = std::env::var("STMPY_STATS") else {
        return;
    };
    fn walk(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }
    fn count(
        code: &CodeObject,
        ops: &mut HashMap<&'static str, u64>,
        pairs: &mut HashMap<String, u64>,
        n: &mut (u64, u64),
    ) {
        n.0 += code.instructions.len() as u64;
        n.1 += 1;
        for w in code.instructions.windows(2) {
            *pairs
                .entry(format!("{} {}", w[0].name(), w[1].name()))
                .or_default() += 1;
        }
        for i in &code.instructions {
            *ops.entry(i.name()).or_default() += 1;
        }
        for c in &code.constants {
            if let Constant::Code(inner) = c {
                count(inner, ops, pairs, n);
            }
        }
    }
    let mut files = Vec::new();
    walk(std::path::Path::new(&dir), &mut files);
    let sources: Vec<(String, String)> = files
        .iter()
        .filter_map(|f| Some((f.display().to_string(), std::fs::read_to_string(f).ok()?)))
        .collect();
    let start = std::time::Instant::now();
    let codes: Vec<_> = sources
        .iter()
        .filter_map(|(name, src)| compile(src, name, Mode::Module).ok())
        .collect();
    let elapsed = start.elapsed();
    let lines: usize = sources.iter().map(|(_, s)| s.lines().count()).sum();
    let (mut ops, mut pairs, mut n) = (HashMap::new(), HashMap::new(), (0, 0));
    for c in &codes {
        count(c, &mut ops, &mut pairs, &mut n);
    }
    println!(
        "{} files ({} compiled), {lines} lines in {elapsed:?} ({:.0} lines/s); {} code objects, {} instructions ({} bytes)",
        sources.len(),
        codes.len(),
        lines as f64 / elapsed.as_secs_f64(),
        n.1,
        n.0,
        n.0 * std::mem::size_of::<stmpy_vm::bytecode::Instruction>() as u64
    );
    let mut ops: Vec<_> = ops.into_iter().collect();
    ops.sort_by_key(|p| std::cmp::Reverse(p.1));
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_by_key(|p| std::cmp::Reverse(p.1));
    for (name, k) in ops.iter().take(15) {
        println!("  {name:<20} {:5.1}%", *k as f64 * 100.0 / n.0 as f64);
    }
    for (pair, k) in pairs.iter().take(12) {
        println!("  {pair:<32} {:5.1}%", *k as f64 * 100.0 / n.0 as f64);
    }
}
