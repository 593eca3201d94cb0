//! The `stmpy` command: a thin shell over `stmpy_vm::cli`.
use mimalloc::MiMalloc;

// mimalloc: measured ~2x faster than glibc malloc for STM cell writes (DESIGN.md).
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() {
    std::process::exit(stmpy_vm::cli::main());
}
