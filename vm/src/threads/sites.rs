//! Conflict sites: a source location (`file:line`) packed into the engine's `Site`
//! (file index << 32 | line), so the engine stays ignorant of Python.

use std::sync::Mutex;

use stmpy_core::stm::Site;

use crate::vm::Frame;

static FILES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The site of the instruction `frame` is running.
pub fn site_of(frame: &Frame) -> Site {
    let file = &frame.code.code.filename;
    let mut files = FILES.lock().unwrap_or_else(|p| p.into_inner());
    let idx = match files.iter().position(|f| f.as_str() == &**file) {
        Some(i) => i,
        None => {
            files.push(file.to_string());
            files.len() - 1
        }
    };
    ((idx as u64 + 1) << 32) | u64::from(frame.line())
}

/// `file:line` of a site; `?` when unknown.
pub fn describe(site: Site) -> String {
    let idx = (site >> 32) as usize;
    if idx == 0 {
        return "?".to_string();
    }
    let files = FILES.lock().unwrap_or_else(|p| p.into_inner());
    match files.get(idx - 1) {
        Some(f) => format!("{f}:{}", site & 0xffff_ffff),
        None => "?".to_string(),
    }
}
