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
