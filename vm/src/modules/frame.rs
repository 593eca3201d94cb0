//! Frame objects for `sys._getframe(depth)`: a snapshot of the calling frames taken at
//! the call (code, position, globals, locals), chained through `f_back`.
//!
//! Frames run in the VM's own structures, which are restored on a transaction rollback,
//! so a frame object cannot point into them; it copies what it shows. `f_lineno` and
//! `f_locals` are therefore those of the moment `sys._getframe` was called.

use std::sync::{Arc, OnceLock};

use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, value_error};
use stmpy_core::stm::Tx;
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::builtins::funcs::CallerInfo;
use crate::vm::{CodeRef, Vm};

/// One frame as `sys._getframe` saw it, or as a traceback entry recorded it.
enum FrameSnap {
    Live(CallerInfo),
    /// `tb.tb_frame`: the code, globals and line of the entry (no locals, no `f_back`).
    Trace {
        code: CodeRef,
        globals: ObjRef,
        line: u32,
    },
}

impl FrameSnap {
    fn code(&self) -> &CodeRef {
        match self {
            FrameSnap::Live(info) => &info.code,
            FrameSnap::Trace { code, .. } => code,
        }
    }
    fn line(&self) -> u32 {
        match self {
            FrameSnap::Live(info) => {
                info.code
                    .code
                    .location(info.pc.saturating_sub(1) as u32)
                    .line
            }
            FrameSnap::Trace { line, .. } => *line,
        }
    }
}

/// `tb.tb_frame` of a traceback entry (None when the entry has no code recorded).
pub fn traceback_frame(e: &stmpy_core::value::TraceEntry) -> Value {
    let code = e
        .code
        .as_ref()
        .and_then(|c| c.downcast_ref::<CodeRef>().cloned());
    match (code, &e.globals) {
        (Some(code), Some(globals)) => frame_value(
            Arc::from(vec![FrameSnap::Trace {
                code,
                globals: globals.clone(),
                line: e.line,
            }]),
            0,
        ),
        _ => Value::None,
    }
}

/// A frame object: level `index` (0 the innermost) of a snapshot of the stack.
pub struct FrameObj {
    snaps: Arc<[FrameSnap]>,
    index: usize,
}

fn frame_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("frame"))
}

fn frame_value(snaps: Arc<[FrameSnap]>, index: usize) -> Value {
    if index >= snaps.len() {
        return Value::None;
    }
    Value::Obj(ObjRef::new(Payload::Opaque(
        frame_type().clone(),
        Box::new(FrameObj { snaps, index }),
    )))
}

/// `sys._getframe(depth=0)`: the frame `depth` calls above the Python function calling
/// it.
pub fn getframe(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let depth = match args.first() {
        Some(v) => crate::ops::index_of(v)?,
        None => 0,
    };
    let Some(first) = vm.caller.clone() else {
        return Err(value_error("call stack is not deep enough"));
    };
    let mut snaps = vec![FrameSnap::Live(first)];
    for f in vm.frames.iter().rev() {
        snaps.push(FrameSnap::Live(CallerInfo::of(tx, f)?));
    }
    if depth < 0 || depth as usize >= snaps.len() {
        return Err(value_error("call stack is not deep enough"));
    }
    Ok(frame_value(Arc::from(snaps), depth as usize))
}

impl FrameObj {
    /// `f_code`, `f_lineno`, `f_globals`, `f_locals`, `f_back`, `f_lasti`, `f_builtins`.
    pub fn attr(&self, name: &str) -> Option<Value> {
        let snap = &self.snaps[self.index];
        if let FrameSnap::Trace { globals, .. } = snap {
            return Some(match name {
                "f_code" => crate::vm::code_value(snap.code().clone()),
                "f_lineno" => Value::Int(i64::from(snap.line())),
                "f_globals" => Value::Obj(globals.clone()),
                "f_locals" => Value::dict(DictData::new()),
                "f_back" | "f_trace" => Value::None,
                "f_lasti" => Value::Int(0),
                _ => return None,
            });
        }
        let FrameSnap::Live(info) = snap else {
            return None;
        };
        Some(match name {
            "f_code" => crate::vm::code_value(info.code.clone()),
            "f_lineno" => Value::Int(i64::from(snap.line())),
            "f_lasti" => Value::Int(2 * info.pc.saturating_sub(1) as i64),
            "f_globals" => Value::Obj(info.globals.clone()),
            "f_locals" => match &info.locals {
                Some(l) => Value::Obj(l.clone()),
                None => {
                    let mut d = DictData::new();
                    for (k, v) in &info.fast {
                        let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
                        d.insert_str(k.clone(), h, v.clone());
                    }
                    Value::dict(d)
                }
            },
            "f_back" => frame_value(self.snaps.clone(), self.index + 1),
            "f_trace" => Value::None,
            _ => return None,
        })
    }

    /// `<frame at 0x..., file 'f.py', line 3, code name>`.
    pub fn repr(&self, addr: &str) -> String {
        let snap = &self.snaps[self.index];
        let code = &snap.code().code;
        format!(
            "<frame at {addr}, file {}, line {}, code {}>",
            stmpy_core::fmt::repr_str(&code.filename),
            snap.line(),
            code.name
        )
    }
}
