//! The interactive prompt (`stmpy` on a terminal, `stmpy -i script.py`): CPython's `>>>`
//! and `...` prompts, multi-line blocks, echo of expression values, tracebacks that do not
//! end the session, and line editing with a history file (rustyline) on a terminal.
//!
//! Input that is not a terminal is read line by line with the prompts written to stderr,
//! as CPython does, so the REPL can be driven (and tested) through a pipe.

use std::io::{BufRead, IsTerminal, Write};

use stmpy_core::error::Unwind;
use stmpy_core::types::{ExcKind, types};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::vm::{Frame, LoadedCode};
use crate::{Interpreter, builtins, compiler, frontend, import, ops, run_in_tx};

const PS1: &str = ">>> ";
const PS2: &str = "... ";
const HISTORY_FILE: &str = ".stmpy_history";

/// What the prompt asks the line source for.
enum Line {
    Text(String),
    /// Ctrl-C at the prompt: discard the pending input.
    Interrupted,
    /// Ctrl-D / end of input.
    Eof,
}

/// Where lines come from: a line editor on a terminal, plain stdin otherwise.
enum Source {
    Editor(Box<rustyline::DefaultEditor>),
    Plain(std::io::StdinLock<'static>),
}

impl Source {
    fn open() -> Source {
        if std::io::stdin().is_terminal()
            && let Ok(mut ed) = rustyline::DefaultEditor::new()
        {
            let _ = ed.load_history(&history_path());
            return Source::Editor(Box::new(ed));
        }
        Source::Plain(std::io::stdin().lock())
    }

    fn read(&mut self, prompt: &str) -> Line {
        match self {
            Source::Editor(ed) => match ed.readline(prompt) {
                Ok(l) => {
                    if !l.trim().is_empty() {
                        let _ = ed.add_history_entry(l.as_str());
                    }
                    Line::Text(l)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
                Err(_) => Line::Eof,
            },
            Source::Plain(stdin) => {
                let mut err = std::io::stderr();
                let _ = err.write_all(prompt.as_bytes());
                let _ = err.flush();
                let mut l = String::new();
                match stdin.read_line(&mut l) {
                    Ok(0) | Err(_) => Line::Eof,
                    Ok(_) => {
                        while l.ends_with('\n') || l.ends_with('\r') {
                            l.pop();
                        }
                        Line::Text(l)
                    }
                }
            }
        }
    }

    fn save(&mut self) {
        if let Source::Editor(ed) = self {
            let _ = ed.save_history(&history_path());
        }
    }
}

fn history_path() -> std::path::PathBuf {
    std::env::var_os("HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_default()
        .join(HISTORY_FILE)
}

/// Whether `src` is a complete interactive input, needs more lines, or is an error now.
#[derive(Debug, PartialEq)]
enum Completeness {
    Complete,
    Incomplete,
    Invalid,
}

fn completeness(src: &str) -> Completeness {
    let lines: Vec<&str> = src.lines().collect();
    let last = lines.last().copied().unwrap_or("");
    // A compound statement (a header line ends with ':', or a decorator) ends only at an
    // empty line, as in CPython; until then any error may still be fixed by more lines.
    let first = lines.first().copied().unwrap_or("");
    if lines.iter().any(|l| ends_with_colon(l)) || first.trim_start().starts_with('@') {
        return if last.trim().is_empty() {
            match compiler::compile(src, "<stdin>", compiler::Mode::Interactive) {
                Ok(_) => Completeness::Complete,
                Err(_) => Completeness::Invalid,
            }
        } else {
            Completeness::Incomplete
        };
    }
    match compiler::compile(src, "<stdin>", compiler::Mode::Interactive) {
        Ok(_) => Completeness::Complete,
        Err(info) => {
            let at_end = info.lineno as usize >= lines.len();
            let unfinished = info.message.contains("was never closed")
                || info.message.contains("unexpected EOF")
                || info.message.contains("unterminated triple-quoted")
                || last.ends_with('\\');
            if at_end && unfinished && !last.trim().is_empty() {
                Completeness::Incomplete
            } else {
                Completeness::Invalid
            }
        }
    }
}

fn ends_with_colon(line: &str) -> bool {
    let code = line.split('#').next().unwrap_or("");
    code.trim_end().ends_with(':')
}

impl Interpreter {
    /// Runs the interactive loop in `__main__` (the script's, after `-i`); returns the
    /// exit status (`exit()`/`sys.exit(n)`, or 0 at end of input).
    pub fn repl(&mut self, banner: bool) -> i32 {
        let Some(globals) = self.main_globals() else {
            return 1;
        };
        if banner {
            eprintln!(
                "stmpy {} (Python 3.11 language, no GIL) on {}\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
                env!("CARGO_PKG_VERSION"),
                std::env::consts::OS
            );
        }
        let mut source = Source::open();
        let status = loop {
            let mut buf = String::new();
            let mut prompt = PS1;
            let input = loop {
                match source.read(prompt) {
                    Line::Eof if buf.is_empty() => break None,
                    Line::Eof => break Some(buf),
                    Line::Interrupted => {
                        eprintln!("KeyboardInterrupt");
                        buf.clear();
                        prompt = PS1;
                    }
                    Line::Text(l) => {
                        if buf.is_empty() && l.trim().is_empty() {
                            continue;
                        }
                        buf.push_str(&l);
                        buf.push('\n');
                        if completeness(&buf) == Completeness::Incomplete {
                            prompt = PS2;
                        } else {
                            break Some(buf);
                        }
                    }
                }
            };
            let Some(input) = input else {
                if let Source::Plain(_) = source {
                    // CPython ends a piped session at end of input on a fresh line.
                    eprintln!();
                }
                break 0;
            };
            if let Some(status) = self.run_interactive(&input, &globals) {
                break status;
            }
        };
        source.save();
        crate::threads::wait_for_threads();
        status
    }

    /// Runs one complete input; prints its traceback if it raises. `Some(status)` when
    /// the input raised SystemExit.
    fn run_interactive(&mut self, src: &str, globals: &ObjRef) -> Option<i32> {
        // Like CPython, tracebacks show no source lines for `<stdin>` input.
        let vm = &mut self.vm;
        let r = match compiler::compile(src, "<stdin>", compiler::Mode::Interactive) {
            Ok(code) => {
                let frame = Frame::new(
                    LoadedCode::load(code),
                    globals.clone(),
                    Some(globals.clone()),
                );
                vm.run_toplevel(frame)
            }
            Err(info) => syntax_error(vm, &info),
        };
        let exc = match r {
            Ok(_) => return None,
            Err(Unwind::Exc(e)) => e,
            Err(Unwind::Stm(_)) => return None,
        };
        let is_exit = ops::isinstance(&Value::Obj(exc.clone()), types().exc(ExcKind::SystemExit));
        let status = crate::finish(vm, Err(Unwind::Exc(exc)));
        is_exit.then_some(status)
    }

    /// The `__main__` namespace: the script's after `-i`, else a fresh module.
    fn main_globals(&mut self) -> Option<ObjRef> {
        let r = run_in_tx(&mut self.vm, |vm, tx| {
            let modules = vm.shared.modules.clone();
            if let Payload::Dict(cell) = &modules.payload {
                let h = stmpy_core::str::str_hash("__main__");
                if let Some(Value::Obj(m)) = tx.read(cell)?.get_str("__main__", h)
                    && let Payload::Module(m) = &m.payload
                {
                    return Ok(Value::Obj(m.dict.clone()));
                }
            }
            let (m, dict) = import::new_module("__main__", None);
            let b = Value::Obj(vm.shared.builtins.clone());
            builtins::dict_set_str(tx, &dict, Value::str("__builtins__"), b)?;
            builtins::dict_set_str(tx, &modules, Value::str("__main__"), m)?;
            Ok(Value::Obj(dict))
        });
        match r {
            Ok(Value::Obj(g)) => Some(g),
            _ => None,
        }
    }
}

fn syntax_error(
    vm: &mut crate::vm::Vm,
    info: &frontend::SyntaxErrorInfo,
) -> stmpy_core::error::PyResult<Value> {
    run_in_tx(vm, |vm, tx| {
        Err(Unwind::Exc(crate::syntax_error_object(vm, tx, info)?))
    })
}

#[cfg(test)]
mod tests {
    use super::{Completeness, completeness};

    #[test]
    fn completeness_follows_cpython() {
        assert_eq!(completeness("x = 1\n"), Completeness::Complete);
        assert_eq!(
            completeness("for i in range(3):\n"),
            Completeness::Incomplete
        );
        assert_eq!(
            completeness("for i in range(3):\n    x += i\n"),
            Completeness::Incomplete
        );
        assert_eq!(
            completeness("for i in range(3):\n    x += i\n\n"),
            Completeness::Complete
        );
        assert_eq!(completeness("foo(1,\n"), Completeness::Incomplete);
        assert_eq!(completeness("foo(1,\n 2)\n"), Completeness::Complete);
        assert_eq!(completeness("s = '''abc\n"), Completeness::Incomplete);
        assert_eq!(completeness("x = = 2\n"), Completeness::Invalid);
        assert_eq!(completeness("if x:  # comment\n"), Completeness::Incomplete);
        assert_eq!(completeness("[1,\n 2]\n"), Completeness::Complete);
        assert_eq!(
            completeness("try:\n    pass\nexcept E:\n"),
            Completeness::Incomplete
        );
        assert_eq!(completeness("@dec\n"), Completeness::Incomplete);
        assert_eq!(
            completeness("def f(a,\n      b):\n"),
            Completeness::Incomplete
        );
    }
}
