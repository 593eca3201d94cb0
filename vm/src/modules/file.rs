//! File objects of `open()`: text (`TextIOWrapper`) and binary (`BufferedReader` /
//! `BufferedWriter`) files with CPython's modes, encodings, universal newlines and errors.
//!
//! A file's state is one STM cell holding its raw bytes: reading loads the whole file at
//! `open`, writing collects the encoded bytes and stores them at `flush()`/`close()`.
//! File-system changes are irrevocable, so each one makes the transaction inevitable
//! first (it then runs once). Text is decoded per read with the file's encoding; for the
//! ASCII-compatible encodings we support, line ends are found in the raw bytes.

use std::sync::OnceLock;

use stmpy_core::error::{PyResult, Unwind, type_error, value_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, Layout, types};
use stmpy_core::value::{ObjRef, Payload, Value};

use crate::builtins::{Table, codecs, kwarg};
use crate::call::StrValue;
use crate::ops;
use crate::vm::Vm;

#[derive(Clone)]
pub struct FileState {
    pub path: String,
    /// The mode as given to `open` (`f.mode`).
    pub mode: String,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    pub encoding: String,
    pub errors: String,
    /// `newline=None`: `\r\n` and `\r` read as `\n`.
    pub translate: bool,
    /// The file's raw bytes (what was read, or what will be written).
    pub data: Vec<u8>,
    /// Byte offset of the next read.
    pub pos: usize,
    pub closed: bool,
    /// Writes not yet stored in the file.
    pub dirty: bool,
}

pub struct FileObj(pub TVar<FileState>);

pub fn text_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("TextIOWrapper"))
}

pub fn reader_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("BufferedReader"))
}

pub fn writer_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_builtin_type("BufferedWriter"))
}

/// `io.UnsupportedOperation` (an OSError and a ValueError, as in CPython).
pub fn unsupported_operation() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = types();
        let bases = vec![
            t.exc(ExcKind::OSError).clone(),
            t.exc(ExcKind::ValueError).clone(),
        ];
        // Both bases linearize (OSError and ValueError share only Exception).
        stmpy_core::types::new_type(
            "UnsupportedOperation",
            bases,
            stmpy_core::dict::DictData::new(),
            Layout::Exception,
            Some("BaseException"),
        )
        .unwrap_or_else(|_| t.exc(ExcKind::OSError).clone())
    })
}

fn unsupported(msg: &str) -> Unwind {
    Unwind::Exc(stmpy_core::error::new_exception(
        unsupported_operation(),
        vec![Value::str(msg)],
    ))
}

pub const FILE: Table = &[
    ("read", file_read),
    ("readline", file_readline),
    ("readlines", file_readlines),
    ("write", file_write),
    ("writelines", file_writelines),
    ("close", file_close),
    ("flush", file_flush),
    ("seek", file_seek),
    ("tell", file_tell),
    ("truncate", file_truncate),
    ("readable", file_readable),
    ("writable", file_writable),
    ("seekable", file_seekable),
    ("fileno", file_fileno),
    ("isatty", file_isatty),
    ("__enter__", file_enter),
    ("__exit__", file_exit),
    ("__iter__", file_enter),
    ("__next__", file_next),
];

fn file(v: &Value) -> PyResult<&FileObj> {
    match v.payload() {
        Some(Payload::Opaque(_, d)) => d
            .downcast_ref::<FileObj>()
            .ok_or_else(|| type_error("not a file")),
        _ => Err(type_error("not a file")),
    }
}

/// The open file state, or `ValueError: I/O operation on closed file.`
fn open_state(tx: &Tx, f: &FileObj) -> PyResult<FileState> {
    let st = tx.read(&f.0)?.clone();
    if st.closed {
        return Err(value_error("I/O operation on closed file."));
    }
    Ok(st)
}

/// What a mode string asks for: (reading, writing, appending, exclusive, plus, binary).
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let mut m = Mode {
        read: false,
        write: false,
        append: false,
        create: false,
        plus: false,
        binary: false,
    };
    let mut text = false;
    let mut kinds = 0;
    for c in mode.chars() {
        let seen = match c {
            'r' => std::mem::replace(&mut m.read, true),
            'w' => std::mem::replace(&mut m.write, true),
            'a' => std::mem::replace(&mut m.append, true),
            'x' => std::mem::replace(&mut m.create, true),
            '+' => std::mem::replace(&mut m.plus, true),
            'b' => std::mem::replace(&mut m.binary, true),
            't' => std::mem::replace(&mut text, true),
            _ => true,
        };
        if seen {
            return Err(value_error(format!("invalid mode: '{mode}'")));
        }
        if matches!(c, 'r' | 'w' | 'a' | 'x') {
            kinds += 1;
        }
    }
    if text && m.binary {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if kinds != 1 {
        return Err(value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`.
pub fn open(vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let arg = |i: usize, name: &str| args.get(i).or_else(|| kwarg(kw, name));
    let pathv = arg(0, "file")
        .ok_or_else(|| type_error("open() missing required argument 'file' (pos 1)"))?;
    let path = match pathv.payload_str() {
        Some(p) => p.to_string(),
        None => match crate::builtins::bytes_methods::bytes_like(tx, pathv)? {
            Some(b) => String::from_utf8_lossy(b).into_owned(),
            None => match ops::call_special(vm, tx, pathv, "__fspath__", &[])? {
                Some(p) if p.payload_str().is_some() => p.payload_str().unwrap_or("").to_string(),
                _ => {
                    return Err(type_error(format!(
                        "expected str, bytes or os.PathLike object, not {}",
                        stmpy_core::types::type_name(pathv)
                    )));
                }
            },
        },
    };
    let str_opt = |v: Option<&Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => v.payload_str().map(|s| Some(s.to_string())).ok_or_else(|| {
                type_error(format!(
                    "open() argument '{what}' must be str or None, not {}",
                    stmpy_core::types::type_name(v)
                ))
            }),
        }
    };
    let mode_s = match arg(1, "mode") {
        Some(v) => v
            .payload_str()
            .ok_or_else(|| type_error("open() argument 'mode' must be str"))?
            .to_string(),
        None => "r".to_string(),
    };
    let mode = parse_mode(&mode_s)?;
    let encoding = str_opt(arg(3, "encoding"), "encoding")?;
    let errors = str_opt(arg(4, "errors"), "errors")?;
    let newline = str_opt(arg(5, "newline"), "newline")?;
    if mode.binary && encoding.is_some() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if mode.binary && errors.is_some() {
        return Err(value_error("binary mode doesn't take an errors argument"));
    }
    if mode.binary && newline.is_some() {
        return Err(value_error("binary mode doesn't take a newline argument"));
    }
    let encoding = encoding.unwrap_or_else(|| "utf-8".to_string());
    // An unknown encoding fails at open, as in CPython.
    codecs::encode("", &encoding, "strict")?;
    let exists = std::path::Path::new(&path).exists();
    if mode.create && exists {
        return Err(crate::os_error::from_errno(17, Some(&path), None));
    }
    let data = if mode.read || mode.append {
        match std::fs::read(&path) {
            Ok(d) => d,
            Err(e) if mode.append && e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(crate::os_error::from_io(&e, &path, None)),
        }
    } else {
        Vec::new()
    };
    if std::path::Path::new(&path).is_dir() {
        return Err(crate::os_error::from_errno(21, Some(&path), None));
    }
    if mode.write || mode.create || (mode.append && !exists) {
        tx.make_inevitable()?;
        std::fs::write(&path, b"").map_err(|e| crate::os_error::from_io(&e, &path, None))?;
    }
    let pos = if mode.append { data.len() } else { 0 };
    let st = FileState {
        path,
        mode: mode_s,
        binary: mode.binary,
        readable: mode.read || mode.plus,
        writable: mode.write || mode.append || mode.create || mode.plus,
        encoding,
        errors: errors.unwrap_or_else(|| "strict".to_string()),
        translate: newline.is_none(),
        data,
        pos,
        closed: false,
        dirty: false,
    };
    let ty = if !st.binary {
        text_type()
    } else if st.readable && !st.writable {
        reader_type()
    } else {
        writer_type()
    };
    Ok(Value::Obj(ObjRef::new(Payload::Opaque(
        ty.clone(),
        Box::new(FileObj(TVar::new(st))),
    ))))
}

/// The value of raw bytes read from the file: bytes, or text decoded (and, with
/// universal newlines, `\r\n`/`\r` read as `\n`).
fn chunk(st: &FileState, raw: &[u8]) -> PyResult<Value> {
    if st.binary {
        return Ok(Value::bytes(raw.to_vec()));
    }
    let text = codecs::decode(raw, &st.encoding, &st.errors)?;
    Ok(Value::string(if st.translate && text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }))
}

fn check_readable(st: &FileState) -> PyResult<()> {
    if st.readable {
        Ok(())
    } else {
        Err(unsupported("not readable"))
    }
}

/// The end (exclusive) of the line starting at `st.pos`, or None at the end of the data.
/// Text files end lines at `\n`, `\r\n` or (universal newlines) `\r`.
fn next_line(st: &FileState) -> Option<usize> {
    if st.pos >= st.data.len() {
        return None;
    }
    let rest = &st.data[st.pos..];
    let universal = !st.binary && st.translate;
    for (i, &b) in rest.iter().enumerate() {
        if b == b'\n' {
            return Some(st.pos + i + 1);
        }
        if b == b'\r' && universal {
            let crlf = rest.get(i + 1) == Some(&b'\n');
            return Some(st.pos + i + 1 + usize::from(crlf));
        }
    }
    Some(st.data.len())
}

/// The byte end of `n` characters of text from `pos` (UTF-8 aware; other supported
/// encodings have one byte per character).
fn text_end(st: &FileState, n: usize) -> usize {
    let rest = &st.data[st.pos..];
    if !matches!(
        st.encoding.to_ascii_lowercase().replace('_', "-").as_str(),
        "utf-8" | "utf8"
    ) {
        return st.pos + n.min(rest.len());
    }
    let mut chars = 0;
    for (i, &b) in rest.iter().enumerate() {
        // A UTF-8 character starts at every byte that is not a continuation byte.
        if b & 0xC0 != 0x80 {
            if chars == n {
                return st.pos + i;
            }
            chars += 1;
        }
    }
    st.data.len()
}

fn size_arg(v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = ops::index_of(v)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

fn file_read(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = open_state(tx, f)?;
    check_readable(&st)?;
    let end = match size_arg(args.get(1).or_else(|| kwarg(kw, "size")))? {
        Some(n) if st.binary => (st.pos + n).min(st.data.len()),
        Some(n) => text_end(&st, n),
        None => st.data.len(),
    };
    let start = st.pos.min(end);
    let v = chunk(&st, &st.data[start..end])?;
    tx.modify(&f.0, |s| s.pos = end)?;
    Ok(v)
}

fn file_readline(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = open_state(tx, f)?;
    check_readable(&st)?;
    let limit = size_arg(args.get(1))?;
    match next_line(&st) {
        Some(mut end) => {
            if let Some(n) = limit {
                end = end.min(if st.binary {
                    st.pos + n
                } else {
                    text_end(&st, n)
                });
            }
            let v = chunk(&st, &st.data[st.pos..end])?;
            tx.modify(&f.0, |s| s.pos = end)?;
            Ok(v)
        }
        None => chunk(&st, b""),
    }
}

fn file_readlines(
    _vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let f = file(&args[0])?;
    let mut st = open_state(tx, f)?;
    check_readable(&st)?;
    let mut out = Vec::new();
    while let Some(end) = next_line(&st) {
        out.push(chunk(&st, &st.data[st.pos..end])?);
        st.pos = end;
    }
    let pos = st.pos;
    tx.modify(&f.0, |s| s.pos = pos)?;
    Ok(Value::list_from(out))
}

fn file_next(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = open_state(tx, f)?;
    check_readable(&st)?;
    match next_line(&st) {
        Some(end) => {
            let v = chunk(&st, &st.data[st.pos..end])?;
            tx.modify(&f.0, |s| s.pos = end)?;
            Ok(v)
        }
        None => Err(Unwind::bare(ExcKind::StopIteration)),
    }
}

/// The bytes `f.write(v)` adds, and the count it returns (characters for text).
fn encoded(tx: &Tx, st: &FileState, v: &Value) -> PyResult<(Vec<u8>, usize)> {
    if st.binary {
        return match crate::builtins::bytes_methods::bytes_like(tx, v)? {
            Some(b) => Ok((b.to_vec(), b.len())),
            None => Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                stmpy_core::types::type_name(v)
            ))),
        };
    }
    match v.payload_str() {
        Some(s) => Ok((
            codecs::encode(s, &st.encoding, &st.errors)?,
            s.chars().count(),
        )),
        None => Err(type_error(format!(
            "write() argument must be str, not {}",
            stmpy_core::types::type_name(v)
        ))),
    }
}

fn write_bytes(tx: &Tx, f: &FileObj, bytes: &[u8]) -> PyResult<()> {
    tx.modify(&f.0, |s| {
        // Appending writes go to the end; others overwrite from the position.
        let at = if s.mode.contains('a') {
            s.data.len()
        } else {
            s.pos.min(s.data.len())
        };
        let end = at + bytes.len();
        if end > s.data.len() {
            s.data.resize(end, 0);
        }
        s.data[at..end].copy_from_slice(bytes);
        s.pos = end;
        s.dirty = true;
    })?;
    Ok(())
}

fn file_write(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = open_state(tx, f)?;
    if !st.writable {
        return Err(unsupported("not writable"));
    }
    let v = args
        .get(1)
        .ok_or_else(|| type_error("write() takes exactly one argument (0 given)"))?;
    let (bytes, n) = encoded(tx, &st, v)?;
    write_bytes(tx, f, &bytes)?;
    Ok(Value::Int(n as i64))
}

fn file_writelines(
    vm: &mut Vm,
    tx: &Tx,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = open_state(tx, f)?;
    if !st.writable {
        return Err(unsupported("not writable"));
    }
    let lines = crate::iter::collect(vm, tx, args.get(1).unwrap_or(&Value::None))?;
    for line in &lines {
        let (bytes, _) = encoded(tx, &st, line)?;
        write_bytes(tx, f, &bytes)?;
    }
    Ok(Value::None)
}

/// Stores pending writes in the file (an irrevocable effect).
fn store(tx: &Tx, f: &FileObj) -> PyResult<()> {
    let st = tx.read(&f.0)?;
    if st.writable && st.dirty && !st.closed {
        tx.make_inevitable()?;
        let st = tx.read(&f.0)?;
        std::fs::write(&st.path, &st.data)
            .map_err(|e| crate::os_error::from_io(&e, &st.path, None))?;
        tx.modify(&f.0, |s| s.dirty = false)?;
    }
    Ok(())
}

fn file_close(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    store(tx, f)?;
    if !tx.read(&f.0)?.closed {
        tx.modify(&f.0, |s| s.closed = true)?;
    }
    Ok(Value::None)
}

fn file_flush(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    open_state(tx, f)?;
    store(tx, f)?;
    Ok(Value::None)
}

fn file_seek(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = open_state(tx, f)?;
    let off = ops::index_of(args.get(1).unwrap_or(&Value::Int(0)))?;
    let whence = match args.get(2) {
        Some(v) => ops::index_of(v)?,
        None => 0,
    };
    let pos = match whence {
        0 => {
            if off < 0 {
                return Err(value_error(format!("negative seek position {off}")));
            }
            off
        }
        1 | 2 if !st.binary && off != 0 => {
            return Err(unsupported(if whence == 1 {
                "can't do nonzero cur-relative seeks"
            } else {
                "can't do nonzero end-relative seeks"
            }));
        }
        1 => st.pos as i64 + off,
        2 => st.data.len() as i64 + off,
        _ => {
            return Err(value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )));
        }
    };
    let pos = pos.max(0) as usize;
    tx.modify(&f.0, |s| s.pos = pos)?;
    Ok(Value::Int(pos as i64))
}

fn file_tell(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    Ok(Value::Int(open_state(tx, f)?.pos as i64))
}

fn file_truncate(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let f = file(&args[0])?;
    let st = open_state(tx, f)?;
    if !st.writable {
        return Err(unsupported("File not open for writing"));
    }
    let size = size_arg(args.get(1))?.unwrap_or(st.pos);
    tx.modify(&f.0, |s| {
        s.data.resize(size, 0);
        s.dirty = true;
    })?;
    Ok(Value::Int(size as i64))
}

fn file_readable(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(open_state(tx, file(&args[0])?)?.readable))
}

fn file_writable(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(open_state(tx, file(&args[0])?)?.writable))
}

fn file_seekable(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    open_state(tx, file(&args[0])?)?;
    Ok(Value::Bool(true))
}

fn file_fileno(_vm: &mut Vm, _tx: &Tx, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Err(unsupported("fileno"))
}

fn file_isatty(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    open_state(tx, file(&args[0])?)?;
    Ok(Value::Bool(false))
}

fn file_enter(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    open_state(tx, file(&args[0])?)?;
    Ok(args[0].clone())
}

fn file_exit(vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    file_close(vm, tx, &args[..1], &[])?;
    Ok(Value::Bool(false))
}

/// `f.closed`, `f.name`, `f.mode`, `f.encoding`, `f.errors`.
pub fn attr(tx: &Tx, f: &FileObj, n: &str) -> PyResult<Option<Value>> {
    let st = tx.read(&f.0)?;
    Ok(match n {
        "closed" => Some(Value::Bool(st.closed)),
        "name" => Some(Value::str(&st.path)),
        "mode" => Some(Value::str(&st.mode)),
        "encoding" if !st.binary => Some(Value::str(&st.encoding)),
        "errors" if !st.binary => Some(Value::str(&st.errors)),
        _ => None,
    })
}

/// `<_io.TextIOWrapper name='f' mode='r' encoding='utf-8'>` and the binary forms.
pub fn repr(tx: &Tx, f: &FileObj) -> PyResult<String> {
    let st = tx.read(&f.0)?;
    let name = stmpy_core::fmt::repr_str(&st.path);
    Ok(if st.closed && !st.binary {
        "<_io.TextIOWrapper [closed]>".to_string()
    } else if !st.binary {
        format!(
            "<_io.TextIOWrapper name={name} mode='{}' encoding='{}'>",
            st.mode, st.encoding
        )
    } else if st.readable && !st.writable {
        format!("<_io.BufferedReader name={name}>")
    } else {
        format!("<_io.BufferedWriter name={name}>")
    })
}
