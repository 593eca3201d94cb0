//! Exception objects' state (args, traceback, cause, context), matching, and printing
//! tracebacks in CPython 3.11's format.

use std::sync::Arc;

use stmpy_core::error::{PyResult, Unwind, type_error};
use stmpy_core::stm::Tx;
use stmpy_core::types::{ExcKind, as_type, is_subtype, type_of_obj, types};
use stmpy_core::value::{ExcState, ObjRef, Payload, TraceEntry, Value};

use crate::call::StrValue;
use crate::ops;
use crate::vm::{Frame, Vm};

fn exc_cell(o: &ObjRef) -> Option<&stmpy_core::stm::TVar<ExcState>> {
    match &o.payload {
        Payload::Instance(i) => i.exc.as_ref(),
        _ => None,
    }
}

pub fn exc_state(tx: &Tx, o: &ObjRef) -> PyResult<ExcState> {
    match exc_cell(o) {
        Some(c) => Ok(tx.view(c, |v| v.clone())?),
        None => Ok(ExcState::default()),
    }
}

pub fn set_context(tx: &Tx, exc: &ObjRef, handled: &Value) -> PyResult<()> {
    let Value::Obj(h) = handled else {
        return Ok(());
    };
    if h.is(exc) {
        return Ok(());
    }
    if let Some(c) = exc_cell(exc)
        && tx.read(c)?.context.is_none()
    {
        tx.modify(c, |s| s.context = handled.clone())?;
    }
    Ok(())
}

pub fn set_cause(tx: &Tx, exc: &ObjRef, cause: Value) -> PyResult<()> {
    if let Some(c) = exc_cell(exc) {
        tx.modify(c, |s| {
            s.cause = cause;
            s.suppress_context = true;
        })?;
    }
    Ok(())
}

pub fn add_traceback(tx: &Tx, exc: &ObjRef, frame: &Frame) -> PyResult<()> {
    if let Some(c) = exc_cell(exc) {
        let loc = frame.code.code.location(frame.pc.saturating_sub(1) as u32);
        let entry = TraceEntry {
            code: Some(Arc::new(frame.code.clone())),
            globals: Some(frame.globals.clone()),
            filename: frame.code.code.filename.clone(),
            name: Arc::from(frame.code.code.name.as_str()),
            line: loc.line,
            end_line: loc.end_line,
            col: loc.col,
            end_col: loc.end_col,
        };
        tx.modify(c, |s| {
            // A chain Python code already has grows at its head, as CPython's does.
            if let Some(head) = s.tb_obj.take() {
                s.tb_obj = Some(traceback_obj(entry.clone(), head));
            }
            s.traceback.push(entry);
        })?;
    }
    Ok(())
}

/// `isinstance(exc, ty)` for `except ty:` (ty a class or tuple of classes).
pub fn exc_matches(tx: &Tx, exc: &Value, ty: &Value) -> PyResult<bool> {
    let _ = tx;
    let Some(e) = exc.obj() else { return Ok(false) };
    let class = type_of_obj(e);
    let check = |t: &Value| -> PyResult<bool> {
        match t.obj() {
            Some(c) if ops::is_exception_class(c) => Ok(is_subtype(class, c)),
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    };
    match ty.as_tuple() {
        Some(items) => {
            for t in items {
                if check(t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        None => check(ty),
    }
}

/// The exception object to raise for `raise v` (classes are instantiated).
pub fn instantiate(vm: &mut Vm, tx: &Tx, v: &Value) -> PyResult<ObjRef> {
    if let Some(o) = v.obj() {
        if ops::is_exception_class(o) {
            let inst = vm.construct(tx, o, &[], &[])?;
            if let Some(io) = inst.obj()
                && exc_cell(io).is_some()
            {
                return Ok(io.clone());
            }
            return Err(type_error(
                "calling exception class did not return an exception",
            ));
        }
        if exc_cell(o).is_some() {
            return Ok(o.clone());
        }
    }
    Err(type_error("exceptions must derive from BaseException"))
}

/// `StopIteration.value` of an unwinding StopIteration.
pub fn stop_value(tx: &Tx, e: &Unwind) -> PyResult<Value> {
    match e {
        Unwind::Exc(o) => {
            let st = exc_state(tx, o)?;
            Ok(st
                .args
                .as_tuple()
                .and_then(|a| a.first().cloned())
                .unwrap_or_default())
        }
        _ => Ok(Value::None),
    }
}

/// `str(exc)` for exceptions without their own `__str__`.
pub fn exc_str(vm: &mut Vm, tx: &Tx, o: &ObjRef) -> PyResult<String> {
    let st = exc_state(tx, o)?;
    let args = st.args.as_tuple().map(|a| a.to_vec()).unwrap_or_default();
    let is_key_error = is_subtype(type_of_obj(o), types().exc(ExcKind::KeyError));
    if crate::os_error::is_os_error(o)
        && let Some(s) = crate::os_error::str_of(vm, tx, o)?
    {
        return Ok(s);
    }
    if let Some(kind) = unicode_error_kind(o)
        && let Some(s) = crate::builtins::codecs::unicode_error_str(kind, &args)
    {
        return Ok(s);
    }
    if is_subtype(type_of_obj(o), types().exc(ExcKind::SyntaxError)) {
        return syntax_error_str(vm, tx, o, &args);
    }
    match args.len() {
        0 => Ok(String::new()),
        1 if is_key_error => ops::repr(vm, tx, &args[0]),
        1 => ops::str_of(vm, tx, &args[0]),
        _ => ops::repr(vm, tx, &st.args),
    }
}

/// `str(SyntaxError)`: CPython's `msg (file, line N)`, the file by its base name.
fn syntax_error_str(vm: &mut Vm, tx: &Tx, o: &ObjRef, args: &[Value]) -> PyResult<String> {
    let ov = Value::Obj(o.clone());
    let mut get = |n: &str| -> PyResult<Value> {
        Ok(ops::getattr_opt(vm, tx, &ov, &Value::str(n))?.unwrap_or_default())
    };
    let (msg, filename, lineno) = (get("msg")?, get("filename")?, get("lineno")?);
    let msg = match (&msg, args.first()) {
        (Value::None, Some(a)) => a.clone(),
        _ => msg,
    };
    let msg = ops::str_of(vm, tx, &msg)?;
    let file = filename
        .payload_str()
        .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    Ok(match (file, &lineno) {
        (Some(f), Value::Int(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), _) => format!("{msg} ({f})"),
        (None, Value::Int(l)) => format!("{msg} (line {l})"),
        (None, _) => msg,
    })
}

/// UnicodeEncodeError or UnicodeDecodeError, when `o` is one (their `str()` and
/// attributes come from their five arguments).
fn unicode_error_kind(o: &ObjRef) -> Option<ExcKind> {
    let class = type_of_obj(o);
    [ExcKind::UnicodeEncodeError, ExcKind::UnicodeDecodeError]
        .into_iter()
        .find(|&k| is_subtype(class, types().exc(k)))
}

/// `repr(exc)`: `ValueError('x')`.
pub fn exc_repr(vm: &mut Vm, tx: &Tx, o: &ObjRef) -> PyResult<String> {
    let st = exc_state(tx, o)?;
    let name = as_type(type_of_obj(o)).name.clone();
    let args = st.args.as_tuple().map(|a| a.to_vec()).unwrap_or_default();
    if args.len() == 1 {
        return Ok(format!("{name}({})", ops::repr(vm, tx, &args[0])?));
    }
    let r = ops::repr(vm, tx, &st.args)?;
    if args.is_empty() {
        Ok(format!("{name}()"))
    } else {
        Ok(format!("{name}{r}"))
    }
}

/// Attributes every exception has.
pub fn exc_attr(tx: &Tx, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let st = exc_state(tx, o)?;
    let first = || {
        st.args
            .as_tuple()
            .and_then(|a| a.first().cloned())
            .unwrap_or_default()
    };
    Ok(Some(match name {
        "args" => st.args.clone(),
        "__cause__" => st.cause.clone(),
        "__context__" => st.context.clone(),
        "__suppress_context__" => Value::Bool(st.suppress_context),
        "__traceback__" => traceback_of(tx, o, &st)?,
        "__class__" => Value::Obj(type_of_obj(o).clone()),
        "value" if is_subtype(type_of_obj(o), types().exc(ExcKind::StopIteration)) => first(),
        "code" if is_subtype(type_of_obj(o), types().exc(ExcKind::SystemExit)) => {
            let a = st.args.as_tuple().map(|a| a.to_vec()).unwrap_or_default();
            match a.len() {
                0 => Value::None,
                1 => a[0].clone(),
                _ => st.args.clone(),
            }
        }
        "encoding" | "object" | "start" | "end" | "reason" if unicode_error_kind(o).is_some() => {
            let i = ["encoding", "object", "start", "end", "reason"]
                .iter()
                .position(|n| *n == name)
                .unwrap_or(0);
            match st.args.as_tuple() {
                Some(a) if a.len() == 5 => a[i].clone(),
                _ => return Ok(None),
            }
        }
        n if crate::os_error::ATTRS.contains(&n) && crate::os_error::is_os_error(o) => Value::None,
        // The attributes these classes have even when nothing set them.
        "name" | "path" if is_subtype(type_of_obj(o), types().exc(ExcKind::ImportError)) => {
            Value::None
        }
        "msg" if is_subtype(type_of_obj(o), types().exc(ExcKind::ImportError)) => {
            match st.args.as_tuple() {
                Some([m]) => m.clone(),
                _ => Value::None,
            }
        }
        "name" | "obj" if is_subtype(type_of_obj(o), types().exc(ExcKind::AttributeError)) => {
            Value::None
        }
        "name" if is_subtype(type_of_obj(o), types().exc(ExcKind::NameError)) => Value::None,
        "__notes__" => return Ok(None),
        _ => return Ok(None),
    }))
}

/// `exc.name = value` for the attributes kept in the exception state (`args`, the
/// chaining links); false for any other name, which goes to the instance dict.
pub fn set_exc_attr(
    vm: &mut Vm,
    tx: &Tx,
    cell: &stmpy_core::stm::TVar<ExcState>,
    name: &str,
    value: &Value,
) -> PyResult<bool> {
    match name {
        "args" => {
            let args = Value::tuple(crate::iter::collect(vm, tx, value)?);
            tx.modify(cell, |s| s.args = args)?;
        }
        "__traceback__" => set_traceback(tx, cell, value)?,
        "__cause__" => {
            check_chain_value(value, "cause")?;
            let v = value.clone();
            tx.modify(cell, |s| {
                s.cause = v;
                s.suppress_context = true;
            })?;
        }
        "__context__" => {
            check_chain_value(value, "context")?;
            let v = value.clone();
            tx.modify(cell, |s| s.context = v)?;
        }
        "__suppress_context__" => {
            let b = ops::truthy(vm, tx, value)?;
            tx.modify(cell, |s| s.suppress_context = b)?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `exc.__traceback__ = tb` and `exc.with_traceback(tb)`.
pub fn set_traceback(tx: &Tx, cell: &stmpy_core::stm::TVar<ExcState>, tb: &Value) -> PyResult<()> {
    if !tb.is_none() && as_traceback(tb).is_none() {
        return Err(type_error("__traceback__ must be a traceback or None"));
    }
    let v = tb.clone();
    tx.modify(cell, |s| s.tb_obj = Some(v))?;
    Ok(())
}

fn check_chain_value(v: &Value, what: &str) -> PyResult<()> {
    match v.obj() {
        None if v.is_none() => Ok(()),
        Some(o) if exc_cell(o).is_some() => Ok(()),
        _ => Err(type_error(format!(
            "exception {what} must be None or derive from BaseException"
        ))),
    }
}

/// A traceback object (`exc.__traceback__`, `sys.exc_info()[2]`): one recorded entry
/// and the next (inner) object of the chain, which Python code may change (`tb_next`
/// is writable, as in CPython; unittest trims its own frames that way).
pub struct TracebackObj {
    pub entry: TraceEntry,
    next: stmpy_core::stm::TVar<Value>,
}

fn traceback_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("traceback"))
}

fn traceback_obj(entry: TraceEntry, next: Value) -> Value {
    Value::Obj(ObjRef::new(Payload::Opaque(
        traceback_type().clone(),
        Box::new(TracebackObj {
            entry,
            next: stmpy_core::stm::TVar::new(next),
        }),
    )))
}

/// The traceback object `v` is, if it is one.
pub fn as_traceback(v: &Value) -> Option<&TracebackObj> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d.downcast_ref::<TracebackObj>(),
        _ => None,
    }
}

/// The chain for recorded entries (innermost first): outermost first, as CPython's.
fn traceback_chain(entries: &[TraceEntry]) -> Value {
    entries
        .iter()
        .fold(Value::None, |next, e| traceback_obj(e.clone(), next))
}

/// `exc.__traceback__`: built from the recorded entries on first use, then kept.
fn traceback_of(tx: &Tx, o: &ObjRef, st: &ExcState) -> PyResult<Value> {
    if let Some(v) = &st.tb_obj {
        return Ok(v.clone());
    }
    let chain = traceback_chain(&st.traceback);
    if let Some(c) = exc_cell(o) {
        let v = chain.clone();
        tx.modify(c, |s| s.tb_obj = Some(v))?;
    }
    Ok(chain)
}

impl TracebackObj {
    /// `tb_lineno`, `tb_next`, `tb_lasti`, `tb_frame`.
    pub fn attr(&self, tx: &Tx, name: &str) -> PyResult<Option<Value>> {
        let e = &self.entry;
        Ok(Some(match name {
            "tb_lineno" => Value::Int(e.line as i64),
            "tb_next" => tx.read(&self.next)?.clone(),
            "tb_lasti" => Value::Int(0),
            "tb_frame" => crate::modules::frame::traceback_frame(e),
            _ => return Ok(None),
        }))
    }

    /// `tb.tb_next = value` (None or a traceback; no loops).
    pub fn set_next(&self, tx: &Tx, me: &Value, value: &Value) -> PyResult<()> {
        if !value.is_none() && as_traceback(value).is_none() {
            return Err(type_error(format!(
                "expected traceback object or None, got '{}'",
                stmpy_core::types::type_name(value)
            )));
        }
        let mut cur = value.clone();
        while let Some(t) = as_traceback(&cur) {
            if cur.is(me) {
                return Err(Unwind::new(ExcKind::ValueError, "traceback loop detected"));
            }
            cur = tx.read(&t.next)?.clone();
        }
        tx.write(&self.next, value.clone())?;
        Ok(())
    }
}

/// `traceback.format_tb`'s text for one traceback object: its file/line/name line, the
/// source line and CPython 3.11's markers.
pub fn format_tb_entry(vm: &Vm, tb: &TracebackObj) -> String {
    let mut out = String::new();
    push_entry(vm, &mut out, &tb.entry);
    out
}

/// The class name as tracebacks print it (module-qualified outside builtins/__main__).
pub fn display_name(tx: &Tx, class: &ObjRef) -> PyResult<String> {
    let t = as_type(class);
    // Only the class's own `__module__` names its module (a base's does not).
    let own = t
        .dict
        .read(tx)?
        .get_str("__module__", stmpy_core::str::str_hash("__module__"))
        .cloned();
    let module = own
        .as_ref()
        .and_then(|m| m.payload_str())
        .unwrap_or("builtins");
    if module == "builtins" || module == "__main__" {
        Ok(t.name.clone())
    } else {
        Ok(format!("{module}.{}", t.name))
    }
}

/// The full text CPython prints for an uncaught exception (with chained ones first).
pub fn format_exception(vm: &mut Vm, tx: &Tx, exc: &ObjRef) -> PyResult<String> {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, tx, exc, &mut out, &mut seen)?;
    Ok(out)
}

fn format_chain(
    vm: &mut Vm,
    tx: &Tx,
    exc: &ObjRef,
    out: &mut String,
    seen: &mut Vec<usize>,
) -> PyResult<()> {
    seen.push(exc.id());
    let st = exc_state(tx, exc)?;
    if let Value::Obj(cause) = &st.cause {
        if !seen.contains(&cause.id()) {
            format_chain(vm, tx, cause, out, seen)?;
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        }
    } else if let Value::Obj(ctx) = &st.context
        && !st.suppress_context
        && !seen.contains(&ctx.id())
    {
        format_chain(vm, tx, ctx, out, seen)?;
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if !st.traceback.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let entries: Vec<&TraceEntry> = st.traceback.iter().rev().collect();
        let mut i = 0;
        while i < entries.len() {
            let e = entries[i];
            let mut run = 1;
            while i + run < entries.len() && same_entry(entries[i + run], e) {
                run += 1;
            }
            for _ in 0..run.min(3) {
                push_entry(vm, out, e);
            }
            if run > 3 {
                let more = run - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {more} more time{}]\n",
                    if more == 1 { "" } else { "s" }
                ));
            }
            i += run;
        }
    }
    out.push_str(&exception_only(vm, tx, exc)?);
    Ok(())
}

fn same_entry(a: &TraceEntry, b: &TraceEntry) -> bool {
    a.line == b.line && a.filename == b.filename && a.name == b.name
}

fn push_entry(vm: &Vm, out: &mut String, e: &TraceEntry) {
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        e.filename, e.line, e.name
    ));
    if let Some(src) = vm.shared.source_line(&e.filename, e.line) {
        let s = src.trim();
        if !s.is_empty() {
            out.push_str("    ");
            out.push_str(s);
            out.push('\n');
            push_carets(out, &src, e);
        }
    }
}

/// CPython 3.11's markers under the failing expression when it does not span the
/// whole line (`traceback.StackSummary.format_frame_summary`, without the `~` anchors).
fn push_carets(out: &mut String, line: &str, e: &TraceEntry) {
    if e.end_col == 0 && e.col == 0 {
        return;
    }
    let char_at = |byte: u32| {
        line.get(..(byte as usize).min(line.len()))
            .map(|p| p.chars().count())
            .unwrap_or(0)
    };
    let stripped = line.trim();
    let stripped_chars = line.chars().count() - line.trim_start().chars().count();
    let start = char_at(e.col) + 1;
    let end = if e.end_line == e.line {
        char_at(e.end_col) + 1
    } else {
        stripped_chars + stripped.chars().count() + 1
    };
    if end <= start {
        return;
    }
    let chars: Vec<char> = line.chars().collect();
    let segment: Vec<char> =
        chars[(start - 1).min(chars.len())..(end - 1).min(chars.len())].to_vec();
    let anchors = if e.end_line == e.line {
        caret_anchors(&segment)
    } else {
        None
    };
    if end - start >= stripped.chars().count() && anchors.is_none() {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start - 1 - stripped_chars.min(start - 1)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r - l));
            out.push_str(&"~".repeat((end - start).saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
}

/// CPython 3.11's anchors inside a failing expression: for a binary operation the
/// operator (`~~^~~`), for a subscript the brackets (`~~^^^^`). Found by scanning the
/// segment at bracket depth 0 (strings skipped) instead of re-parsing it.
fn caret_anchors(seg: &[char]) -> Option<(usize, usize)> {
    let mut depth = 0i32;
    let mut i = 0;
    let mut ops: Vec<(usize, usize, u8)> = Vec::new();
    let mut last_bracket_open: Option<usize> = None;
    let mut prev_operand = false;
    while i < seg.len() {
        let c = seg[i];
        match c {
            '\'' | '"' => {
                let q = c;
                i += 1;
                while i < seg.len() && seg[i] != q {
                    if seg[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                prev_operand = true;
            }
            '(' | '[' | '{' => {
                if depth == 0 && c == '[' && prev_operand {
                    last_bracket_open = Some(i);
                }
                depth += 1;
                prev_operand = false;
            }
            ')' | ']' | '}' => {
                depth -= 1;
                prev_operand = true;
            }
            ' ' | '\t' => {}
            _ if depth == 0 && "+-*/%@|&^<>".contains(c) => {
                let two: String = seg[i..(i + 2).min(seg.len())].iter().collect();
                let (len, prec) = match two.as_str() {
                    "**" => (2, 7),
                    "//" => (2, 6),
                    "<<" | ">>" => (2, 4),
                    _ => match c {
                        '|' => (1, 1),
                        '^' => (1, 2),
                        '&' => (1, 3),
                        '+' | '-' => (1, 5),
                        '*' | '/' | '%' | '@' => (1, 6),
                        _ => (0, 0),
                    },
                };
                // `<`/`>` alone are comparisons, and a sign after an operator is unary.
                if len > 0 && prev_operand && !(len == 2 && seg.get(i + 2) == Some(&'=')) {
                    ops.push((i, i + len, prec));
                    prev_operand = false;
                    i += len;
                    continue;
                }
                prev_operand = false;
            }
            _ => prev_operand = true,
        }
        i += 1;
    }
    if let Some(&min) = ops.iter().map(|(_, _, p)| p).min() {
        // The top node: the lowest precedence, rightmost (leftmost for `**`).
        let pick = if min == 7 {
            ops.iter().find(|o| o.2 == min)
        } else {
            ops.iter().rev().find(|o| o.2 == min)
        };
        return pick.map(|&(a, b, _)| (a, b));
    }
    let open = last_bracket_open?;
    if seg.last() == Some(&']') {
        return Some((open, seg.len()));
    }
    None
}

/// `TypeName: message` (just `TypeName` when the message is empty).
pub fn exception_only(vm: &mut Vm, tx: &Tx, exc: &ObjRef) -> PyResult<String> {
    let class = type_of_obj(exc).clone();
    let name = display_name(tx, &class)?;
    if is_subtype(&class, types().exc(ExcKind::SyntaxError)) {
        return syntax_error_text(vm, tx, exc, &name);
    }
    let msg = match ops::str_of(vm, tx, &Value::Obj(exc.clone())) {
        Ok(m) => m,
        Err(Unwind::Stm(s)) => return Err(Unwind::Stm(s)),
        Err(_) => "<exception str() failed>".to_string(),
    };
    Ok(if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    })
}

/// SyntaxError display: `  File "x", line N`, the line, a caret, then the message.
fn syntax_error_text(vm: &mut Vm, tx: &Tx, exc: &ObjRef, name: &str) -> PyResult<String> {
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        Ok(ops::getattr_opt(vm, tx, &Value::Obj(exc.clone()), &Value::str(n))?.unwrap_or_default())
    };
    let msg = get(vm, "msg")?;
    let filename = get(vm, "filename")?;
    let lineno = get(vm, "lineno")?;
    let offset = get(vm, "offset")?;
    let text = get(vm, "text")?;
    let msg = match msg.payload_str() {
        Some(m) => m.to_string(),
        None => exc_str(vm, tx, exc)?,
    };
    let mut out = String::new();
    if let (Some(f), Value::Int(l)) = (filename.payload_str(), &lineno) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
        if let Some(t) = text.payload_str() {
            let line = t.trim_end_matches('\n');
            let stripped = line.trim_start();
            let indent = line.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {}\n", stripped.trim_end()));
            if let Value::Int(off) = offset {
                let col = (off as usize).saturating_sub(1).saturating_sub(indent);
                out.push_str(&format!("    {}^\n", " ".repeat(col)));
            }
        }
    }
    out.push_str(&format!("{name}: {msg}\n"));
    Ok(out)
}
