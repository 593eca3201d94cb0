//! The command line: `stmpy [options] [-c cmd | -m mod | file | -] [args]`.

/// Runs the CLI with the process arguments; returns the exit status.
pub fn main() -> i32 {
    eprintln!("stmpy: not yet implemented");
    2
}
