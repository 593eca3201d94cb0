//! The command line: `stmpy [options] [-c cmd | -m mod | file | -] [args]`.

use clap::Parser;

use crate::Interpreter;

#[derive(Parser, Debug)]
#[command(
    name = "stmpy",
    version,
    about = "A Python interpreter without a GIL, on software transactional memory"
)]
struct Args {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "cmd", allow_hyphen_values = true)]
    command: Option<String>,
    /// Run a library module as a script.
    #[arg(short = 'm', value_name = "mod")]
    module: Option<String>,
    /// Unbuffered output.
    #[arg(short = 'u')]
    unbuffered: bool,
    /// Inspect interactively after running the script.
    #[arg(short = 'i')]
    interactive: bool,
    /// Print STM statistics at exit (commits, aborts, wasted time, top conflicts).
    #[arg(long = "stm-stats")]
    stm_stats: bool,
    /// Write a Chrome trace-event JSON of the transactions to this file at exit.
    #[arg(long = "stm-trace", value_name = "out.json")]
    stm_trace: Option<std::path::PathBuf>,
    /// Script file (or `-` for stdin) and its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs the CLI with the process arguments; returns the exit status.
pub fn main() -> i32 {
    // Deep Python recursion runs on the explicit frame stack, but native code calling
    // back into Python nests Rust frames: give the interpreter thread a big stack.
    let child = std::thread::Builder::new().stack_size(512 << 20).spawn(run);
    match child {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => run(),
    }
}

fn run() -> i32 {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    crate::threads::report::enable(args.stm_stats, args.stm_trace.clone());
    let status = run_program(&args);
    crate::threads::report::finish();
    status
}

fn run_program(args: &Args) -> i32 {
    if let Some(cmd) = &args.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(args.rest.iter().cloned());
        let mut it = Interpreter::new(argv);
        it.vm.out.unbuffered = args.unbuffered;
        let status = it.run_source(cmd, "<string>");
        return if args.interactive {
            it.repl(false)
        } else {
            status
        };
    }
    if let Some(m) = &args.module {
        let mut argv = vec![m.clone()];
        argv.extend(args.rest.iter().cloned());
        let path = format!("{}.py", m.replace('.', "/"));
        let mut it = Interpreter::new(argv);
        return it.run_file(&path);
    }
    match args.rest.first().map(|s| s.as_str()) {
        None if args.interactive || std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            let mut it = Interpreter::new(vec![String::new()]);
            it.vm.out.unbuffered = args.unbuffered;
            it.repl(true)
        }
        Some("-") | None => {
            let mut src = String::new();
            if std::io::Read::read_to_string(&mut std::io::stdin(), &mut src).is_err() {
                return 1;
            }
            let mut argv = vec![if args.rest.is_empty() {
                String::new()
            } else {
                "-".to_string()
            }];
            argv.extend(args.rest.iter().skip(1).cloned());
            let mut it = Interpreter::new(argv);
            it.run_source(&src, "<stdin>")
        }
        Some(path) => {
            let mut it = Interpreter::new(args.rest.clone());
            it.vm.out.unbuffered = args.unbuffered;
            let status = it.run_file(path);
            if args.interactive {
                it.repl(false)
            } else {
                status
            }
        }
    }
}
