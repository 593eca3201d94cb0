//! `hashlib`: md5, sha1, sha224, sha256, sha384 and sha512 hash objects (`update`,
//! `digest`, `hexdigest`, `copy`, `name`, `digest_size`, `block_size`) and `new(name)`.
//!
//! A hash object's state is one STM cell, so `update` from several threads is
//! serialized like any other mutation.

use std::sync::OnceLock;

use sha2::Digest;
use stmpy_core::error::{PyResult, Unwind, type_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, type_name};
use stmpy_core::value::{ObjRef, Payload, Value};

use super::md5_sha1::{Md5, Sha1};
use crate::builtins::{Table, bytes_methods, kwarg};
use crate::call::StrValue;
use crate::vm::Vm;

pub const FUNCTIONS: Table = &[
    ("new", new),
    ("md5", md5),
    ("sha1", sha1),
    ("sha224", sha224),
    ("sha256", sha256),
    ("sha384", sha384),
    ("sha512", sha512),
];

pub const HASH: Table = &[
    ("update", update),
    ("digest", digest),
    ("hexdigest", hexdigest),
    ("copy", copy),
];

/// The running state of one algorithm.
#[derive(Clone)]
enum State {
    Md5(Md5),
    Sha1(Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl State {
    fn named(name: &str) -> Option<State> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md5" => State::Md5(Md5::default()),
            "sha1" => State::Sha1(Sha1::default()),
            "sha224" => State::Sha224(sha2::Sha224::new()),
            "sha256" => State::Sha256(sha2::Sha256::new()),
            "sha384" => State::Sha384(sha2::Sha384::new()),
            "sha512" => State::Sha512(sha2::Sha512::new()),
            _ => return None,
        })
    }

    fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha224(_) => "sha224",
            State::Sha256(_) => "sha256",
            State::Sha384(_) => "sha384",
            State::Sha512(_) => "sha512",
        }
    }

    /// (digest size, block size) in bytes.
    fn sizes(&self) -> (i64, i64) {
        match self {
            State::Md5(_) => (16, 64),
            State::Sha1(_) => (20, 64),
            State::Sha224(_) => (28, 64),
            State::Sha256(_) => (32, 64),
            State::Sha384(_) => (48, 128),
            State::Sha512(_) => (64, 128),
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    fn digest(&self) -> Vec<u8> {
        match self {
            State::Md5(h) => h.digest(),
            State::Sha1(h) => h.digest(),
            State::Sha224(h) => h.clone().finalize().to_vec(),
            State::Sha256(h) => h.clone().finalize().to_vec(),
            State::Sha384(h) => h.clone().finalize().to_vec(),
            State::Sha512(h) => h.clone().finalize().to_vec(),
        }
    }
}

/// A hash object.
pub struct HashObj(TVar<State>);

pub fn hash_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| crate::builtins::make_native_type("HASH", "_hashlib", "opaque"))
}

fn hash_value(st: State) -> Value {
    Value::Obj(ObjRef::new(Payload::Opaque(
        hash_type().clone(),
        Box::new(HashObj(TVar::new(st))),
    )))
}

/// The data argument of a constructor or `update`: bytes-like (a str is refused, as in
/// CPython: "Strings must be encoded before hashing").
fn data_arg<'a>(tx: &'a Tx, v: &'a Value) -> PyResult<&'a [u8]> {
    if v.payload_str().is_some() {
        return Err(type_error("Strings must be encoded before hashing"));
    }
    bytes_methods::bytes_like(tx, v)?.ok_or_else(|| {
        type_error(format!(
            "object supporting the buffer API required, not '{}'",
            type_name(v)
        ))
    })
}

fn make(tx: &Tx, mut st: State, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if let Some(v) = args
        .first()
        .or_else(|| kwarg(kw, "string"))
        .or_else(|| kwarg(kw, "data"))
    {
        st.update(data_arg(tx, v)?);
    }
    Ok(hash_value(st))
}

fn new(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let name = args
        .first()
        .or_else(|| kwarg(kw, "name"))
        .and_then(|v| v.payload_str())
        .ok_or_else(|| type_error("new() argument 'name' must be str"))?;
    let st = State::named(name)
        .ok_or_else(|| Unwind::new(ExcKind::ValueError, format!("unsupported hash type {name}")))?;
    make(tx, st, args.get(1..).unwrap_or(&[]), kw)
}

macro_rules! constructor {
    ($fname:ident, $algo:literal) => {
        fn $fname(_vm: &mut Vm, tx: &Tx, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            match State::named($algo) {
                Some(st) => make(tx, st, args, kw),
                None => Err(type_error("unknown algorithm")),
            }
        }
    };
}

constructor!(md5, "md5");
constructor!(sha1, "sha1");
constructor!(sha224, "sha224");
constructor!(sha256, "sha256");
constructor!(sha384, "sha384");
constructor!(sha512, "sha512");

fn this(args: &[Value]) -> PyResult<&HashObj> {
    match args.first().and_then(|v| v.payload()) {
        Some(Payload::Opaque(_, d)) => d
            .downcast_ref::<HashObj>()
            .ok_or_else(|| type_error("descriptor requires a '_hashlib.HASH' object")),
        _ => Err(type_error("descriptor requires a '_hashlib.HASH' object")),
    }
}

fn update(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let h = this(args)?;
    let v = args
        .get(1)
        .ok_or_else(|| type_error("update() takes exactly one argument (0 given)"))?;
    let data = data_arg(tx, v)?.to_vec();
    tx.modify(&h.0, |st| st.update(&data))?;
    Ok(Value::None)
}

fn digest(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::bytes(tx.read(&this(args)?.0)?.digest()))
}

fn hexdigest(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = tx.read(&this(args)?.0)?.digest();
    Ok(Value::string(
        d.iter().map(|x| format!("{x:02x}")).collect(),
    ))
}

fn copy(_vm: &mut Vm, tx: &Tx, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(hash_value(tx.read(&this(args)?.0)?.clone()))
}

/// `h.name`, `h.digest_size`, `h.block_size`.
pub fn attr(tx: &Tx, h: &HashObj, n: &str) -> PyResult<Option<Value>> {
    let st = tx.read(&h.0)?;
    let (digest_size, block_size) = st.sizes();
    Ok(match n {
        "name" => Some(Value::str(st.name())),
        "digest_size" => Some(Value::Int(digest_size)),
        "block_size" => Some(Value::Int(block_size)),
        _ => None,
    })
}

/// `<md5 _hashlib.HASH object @ 0x...>`.
pub fn repr(tx: &Tx, h: &HashObj, me: &ObjRef) -> PyResult<String> {
    Ok(format!(
        "<{} _hashlib.HASH object @ {}>",
        tx.read(&h.0)?.name(),
        crate::builtins::addr(me)
    ))
}

pub fn init(vm: &mut Vm, tx: &Tx, g: &ObjRef) -> PyResult<()> {
    let names: Vec<Value> = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
        .iter()
        .map(|n| Value::str(n))
        .collect();
    let set = Value::frozenset(crate::builtins::build_set_data(vm, tx, names)?);
    crate::modules::set_attr(tx, g, "algorithms_guaranteed", set.clone())?;
    crate::modules::set_attr(tx, g, "algorithms_available", set)?;
    Ok(())
}
