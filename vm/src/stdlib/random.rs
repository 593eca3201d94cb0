//! The `random` module: the `Random` class over [`super::random_core`], and the
//! module-level functions as bound methods of a hidden instance (`random._inst`), as in
//! CPython.
//!
//! Each instance keeps its generator in one STM cell (`TVar<Random>`), stored in the
//! instance's `__dict__` under [`STATE_KEY`], so threads sharing a generator never lose or
//! repeat draws and a rolled-back transaction rolls the generator back too. Draws are
//! made inside `tx.modify` (pure Rust, no Python code); anything that may run Python code
//! (indexing a user sequence, comparing weights) happens outside it, using draws taken
//! first in CPython's order.
//!
//! `SystemRandom` shares the methods, with every draw read from the OS.
//!
//! Known difference from CPython: a subclass overriding `random()` or `getrandbits()`
//! does not change what the other native methods draw.

use std::sync::OnceLock;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use stmpy_core::dict::DictData;
use stmpy_core::error::{PyResult, Unwind, index_error, overflow_error, type_error, value_error};
use stmpy_core::stm::{TVar, Tx};
use stmpy_core::types::{ExcKind, Layout, TypeObj, type_name, types};
use stmpy_core::value::{ObjRef, Payload, Value};

use super::args::{Sig, to_bigint, to_f64, to_i64};
use super::error::PyErr;
use super::random_core::{self as core, Random, Seed};
use crate::builtins::{Table, getitem, make_builtin_type, setitem};
use crate::bytecode::{BinOp, CmpOp};
use crate::call::native_value;
use crate::modules::set_attr;
use crate::ops;
use crate::vm::Vm;

/// The module has no plain functions: everything is a bound method of `_inst`.
pub const FUNCTIONS: Table = &[];

/// Where an instance keeps its generator cell.
pub const STATE_KEY: &str = "_stmpy_random_state";

/// The methods of `random.Random`.
const METHODS: Table = &[
    ("__init__", init_method),
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("shuffle", shuffle),
    ("sample", sample),
    ("choices", choices),
    ("uniform", uniform),
    ("triangular", triangular),
    ("normalvariate", normalvariate),
    ("gauss", gauss),
    ("lognormvariate", lognormvariate),
    ("expovariate", expovariate),
    ("vonmisesvariate", vonmisesvariate),
    ("gammavariate", gammavariate),
    ("betavariate", betavariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
    ("getstate", getstate),
    ("setstate", setstate),
];

/// The names `random` exports as methods of its hidden instance.
const MODULE_FUNCTIONS: &[&str] = &[
    "seed",
    "random",
    "uniform",
    "triangular",
    "randint",
    "choice",
    "randrange",
    "sample",
    "shuffle",
    "normalvariate",
    "lognormvariate",
    "expovariate",
    "vonmisesvariate",
    "gammavariate",
    "gauss",
    "betavariate",
    "paretovariate",
    "getstate",
    "setstate",
    "getrandbits",
    "choices",
    "weibullvariate",
    "randbytes",
];

/// `random.Random`, created once per process.
pub fn random_class() -> &'static ObjRef {
    static CLS: OnceLock<ObjRef> = OnceLock::new();
    CLS.get_or_init(|| {
        let t = types();
        let mut dict = DictData::new();
        for (name, f) in METHODS {
            dict.insert_str(
                Value::str(name),
                stmpy_core::str::str_hash(name),
                native_value(name, *f),
            );
        }
        ObjRef::new(Payload::Type(Box::new(TypeObj {
            name: "Random".to_string(),
            module: "random".to_string(),
            bases: vec![t.object.clone()],
            mro: vec![t.object.clone()],
            dict: stmpy_core::types::Namespace::new(dict),
            layout: Layout::Object,
            builtin_base: None,
            meta: None,
            getattribute_hook: Default::default(),
            slots: None,
        })))
    })
}

/// `random.SystemRandom(Random)`: draws from the OS; seeding is a no-op and it has no
/// state to get or set.
pub fn system_random_class() -> &'static ObjRef {
    static CLS: OnceLock<ObjRef> = OnceLock::new();
    CLS.get_or_init(|| {
        const OWN: Table = &[
            ("__init__", system_init),
            ("seed", system_seed),
            ("getstate", system_no_state),
            ("setstate", system_no_state),
        ];
        let t = types();
        let mut dict = DictData::new();
        for (name, f) in OWN {
            dict.insert_str(
                Value::str(name),
                stmpy_core::str::str_hash(name),
                native_value(name, *f),
            );
        }
        let base = random_class().clone();
        ObjRef::new(Payload::Type(Box::new(TypeObj {
            name: "SystemRandom".to_string(),
            module: "random".to_string(),
            bases: vec![base.clone()],
            mro: vec![base, t.object.clone()],
            dict: stmpy_core::types::Namespace::new(dict),
            layout: Layout::Object,
            builtin_base: None,
            meta: None,
            getattribute_hook: Default::default(),
            slots: None,
        })))
    })
}

fn is_system(self_: &Value) -> bool {
    stmpy_core::types::is_subtype(stmpy_core::types::type_of(self_), system_random_class())
}

fn system_init(_vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.__init__", &["self", "x"], 1);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    with_rng(tx, &self_, "__init__", |r| *r = Random::system())?;
    Ok(Value::None)
}

/// `SystemRandom.seed(*args, **kwds)`: "Stub method.  Not used for a system random
/// number generator."
fn system_seed(_vm: &mut Vm, _tx: &Tx, _args: Args, _kw: Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn system_no_state(_vm: &mut Vm, _tx: &Tx, _args: Args, _kw: Kw) -> PyResult<Value> {
    Err(Unwind::new(
        ExcKind::NotImplementedError,
        "System entropy source does not have state.",
    ))
}

/// The class of the opaque objects holding a generator cell.
fn state_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| make_builtin_type("random_state"))
}

pub fn init(vm: &mut Vm, tx: &Tx, globals: &ObjRef) -> PyResult<()> {
    let cls = random_class();
    set_attr(tx, globals, "Random", Value::Obj(cls.clone()))?;
    let inst = vm.construct(tx, cls, &[], &[])?;
    set_attr(tx, globals, "_inst", inst.clone())?;
    set_attr(
        tx,
        globals,
        "SystemRandom",
        Value::Obj(system_random_class().clone()),
    )?;
    let Payload::Type(t) = &cls.payload else {
        return Ok(());
    };
    for name in MODULE_FUNCTIONS {
        let method = t
            .dict
            .read(tx)?
            .get_str(name, stmpy_core::str::str_hash(name))
            .cloned();
        if let Some(m) = method {
            set_attr(tx, globals, name, ops::bound(m, inst.clone()))?;
        }
    }
    let consts = [
        ("BPF", Value::Int(53)),
        ("RECIP_BPF", Value::Float(2f64.powi(-53))),
        ("TWOPI", Value::Float(2.0 * std::f64::consts::PI)),
        ("LOG4", Value::Float(4f64.ln())),
        (
            "NV_MAGICCONST",
            Value::Float(4.0 * (-0.5f64).exp() / 2f64.sqrt()),
        ),
        ("SG_MAGICCONST", Value::Float(1.0 + 4.5f64.ln())),
    ];
    for (name, v) in consts {
        set_attr(tx, globals, name, v)?;
    }
    Ok(())
}

type Args<'a> = &'a [Value];
type Kw<'a> = &'a [(Value, Value)];

fn state_hash() -> i64 {
    static H: OnceLock<i64> = OnceLock::new();
    *H.get_or_init(|| stmpy_core::str::str_hash(STATE_KEY))
}

/// The generator cell of `self`, created (seeded from the OS, as CPython's `__new__`
/// does) if a subclass's `__init__` never seeded it.
fn state_of(tx: &Tx, self_: &Value, method: &str) -> PyResult<ObjRef> {
    let Some(Payload::Instance(inst)) = self_.payload() else {
        return Err(type_error(format!(
            "descriptor '{method}' for 'Random' objects doesn't apply to a '{}' object",
            type_name(self_)
        )));
    };
    if let Some(Value::Obj(o)) =
        tx.view(inst.dict(), |d| d.get_str(STATE_KEY, state_hash()).cloned())?
    {
        return Ok(o);
    }
    let fresh = if is_system(self_) {
        Random::system()
    } else {
        Random::new(Seed::None, 2)?
    };
    let cell = new_state(fresh);
    tx.modify(inst.dict(), |d| {
        d.insert_str(
            Value::str(STATE_KEY),
            state_hash(),
            Value::Obj(cell.clone()),
        )
    })?;
    Ok(cell)
}

fn new_state(r: Random) -> ObjRef {
    ObjRef::new(Payload::Opaque(
        state_type().clone(),
        Box::new(TVar::new(r)),
    ))
}

/// Runs `f` on `self`'s generator inside the transaction.
fn with_rng<R>(
    tx: &Tx,
    self_: &Value,
    method: &str,
    f: impl FnOnce(&mut Random) -> R,
) -> PyResult<R> {
    let st = state_of(tx, self_, method)?;
    let Payload::Opaque(_, data) = &st.payload else {
        return Err(type_error("corrupt random state"));
    };
    let Some(cell) = data.downcast_ref::<TVar<Random>>() else {
        return Err(type_error("corrupt random state"));
    };
    Ok(tx.modify(cell, f)?)
}

const fn sig(name: &'static str, params: &'static [&'static str], required: usize) -> Sig {
    Sig {
        name,
        params,
        required,
        positional: params.len(),
    }
}

fn bigint_value(b: BigInt) -> Value {
    Value::from_bigint(b)
}

// ---------- seeding and state ----------

fn seed_from(
    vm: &mut Vm,
    tx: &Tx,
    self_: &Value,
    a: Option<&Value>,
    version: Option<&Value>,
) -> PyResult<()> {
    let version = match version {
        None => 2,
        Some(Value::Int(v)) => *v,
        Some(Value::Bool(b)) => i64::from(*b),
        Some(Value::Float(f)) if *f == 1.0 || *f == 2.0 => *f as i64,
        Some(_) => -1,
    };
    let a = a.cloned().unwrap_or(Value::None);
    let big;
    let text;
    let bytes;
    let seed = match &a {
        Value::None => Seed::None,
        Value::Int(_) | Value::Bool(_) => {
            big = stmpy_core::int::to_bigint(&a).unwrap_or_default();
            Seed::Int(&big)
        }
        Value::Float(_) => Seed::Hash(ops::hash(vm, tx, &a)?),
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => Seed::Int(b),
            Payload::Str(s) if version == 1 || version == 2 => {
                text = s.as_str().to_string();
                Seed::Str(&text)
            }
            Payload::Bytes(b) if version == 1 || version == 2 => {
                bytes = b.to_vec();
                Seed::Bytes(&bytes)
            }
            // Version 1 hashes only `bytes` this way; a bytearray is unhashable there.
            Payload::ByteArray(b) if version == 2 => {
                bytes = tx.read(b)?.clone();
                Seed::Bytes(&bytes)
            }
            Payload::Str(_) | Payload::Bytes(_) => Seed::Hash(ops::hash(vm, tx, &a)?),
            _ => return Err(core::bad_seed_type().into()),
        },
    };
    let fresh = Random::new(seed, version)?;
    with_rng(tx, self_, "seed", |r| *r = fresh)
}

fn init_method(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.__init__", &["self", "x"], 1);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    seed_from(vm, tx, &self_, b[1].as_ref(), None)?;
    Ok(Value::None)
}

fn seed(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.seed", &["self", "a", "version"], 1);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    seed_from(vm, tx, &self_, b[1].as_ref(), b[2].as_ref())?;
    Ok(Value::None)
}

fn getstate(_vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.getstate", &["self"], 1);
    let b = SIG.bind(args, kw)?;
    let st = with_rng(tx, b[0].as_ref().unwrap_or(&Value::None), "getstate", |r| {
        r.getstate()
    })?;
    let Some(st) = st else {
        return system_no_state(_vm, tx, args, kw);
    };
    let mut words: Vec<Value> = st.words.iter().map(|&w| Value::Int(i64::from(w))).collect();
    words.push(Value::Int(st.index as i64));
    Ok(Value::tuple(vec![
        Value::Int(core::STATE_VERSION),
        Value::tuple(words),
        st.gauss_next.map_or(Value::None, Value::Float),
    ]))
}

/// One word of a state vector as C's `PyLong_AsUnsignedLong` then a cast to 32 bits.
fn state_word(v: &Value, reduce: bool) -> PyResult<u32> {
    let Some(b) = stmpy_core::int::to_bigint(v) else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    };
    if reduce {
        // Version-2 states are reduced modulo 2**32 first.
        let m = ((b % (1i64 << 32)) + (1i64 << 32)) % (1i64 << 32);
        return Ok(m.to_u32().unwrap_or(0));
    }
    if b.sign() == num_bigint::Sign::Minus {
        return Err(overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    match b.to_u64() {
        Some(w) => Ok(w as u32),
        None => Err(overflow_error(
            "Python int too large to convert to C unsigned long",
        )),
    }
}

fn setstate(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.setstate", &["self", "state"], 2);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let state = b[1].clone().unwrap_or_default();
    let version = getitem(vm, tx, &state, &Value::Int(0))?;
    let reduce = match version {
        Value::Int(3) => false,
        Value::Int(2) => true,
        other => {
            let text = ops::str_of(vm, tx, &other)?;
            return Err(core::bad_state_version(&text).into());
        }
    };
    let parts = crate::iter::collect(vm, tx, &state)?;
    if parts.len() != 3 {
        return Err(value_error(if parts.len() > 3 {
            "too many values to unpack (expected 3)".to_string()
        } else {
            format!(
                "not enough values to unpack (expected 3, got {})",
                parts.len()
            )
        }));
    }
    let gauss_next = match &parts[2] {
        Value::None => None,
        g => Some(to_f64(vm, tx, g)?),
    };
    let Some(items) = parts[1].as_tuple() else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != crate::stdlib::mt19937::N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; crate::stdlib::mt19937::N];
    for (w, v) in words.iter_mut().zip(items) {
        *w = state_word(v, reduce)?;
    }
    let index = match stmpy_core::int::to_bigint(&items[crate::stdlib::mt19937::N]) {
        Some(i) => i
            .to_i64()
            .ok_or_else(|| overflow_error("Python int too large to convert to C long"))?,
        None => return Err(type_error("an integer is required")),
    };
    with_rng(tx, &self_, "setstate", |r| {
        r.setstate(&words, index, gauss_next)
    })??;
    Ok(Value::None)
}

// ---------- integers ----------

fn random(_vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    if args.len() != 1 || !kw.is_empty() {
        if !kw.is_empty() {
            return Err(type_error("Random.random() takes no keyword arguments"));
        }
        return Err(type_error(format!(
            "Random.random() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(Value::Float(with_rng(tx, &args[0], "random", |r| {
        r.random()
    })?))
}

fn getrandbits(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    // A C method in CPython (`METH_O`), hence its own messages.
    if !kw.is_empty() {
        return Err(type_error(
            "Random.getrandbits() takes no keyword arguments",
        ));
    }
    let [self_, k] = args else {
        return Err(type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let k = to_i64(vm, tx, k)?;
    if (0..=63).contains(&k) {
        let v = with_rng(tx, self_, "getrandbits", |r| r.getrandbits_u64(k as u32))?;
        return Ok(Value::Int(v as i64));
    }
    let v = with_rng(tx, self_, "getrandbits", |r| r.getrandbits(k))??;
    Ok(bigint_value(BigInt::from(v)))
}

fn randbytes(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.randbytes", &["self", "n"], 2);
    let b = SIG.bind(args, kw)?;
    let n = to_i64(vm, tx, b[1].as_ref().unwrap_or(&Value::None))?;
    let bytes = with_rng(
        tx,
        b[0].as_ref().unwrap_or(&Value::None),
        "randbytes",
        |r| r.randbytes(n),
    )??;
    Ok(Value::bytes(bytes))
}

/// randrange's argument conversion: ints, `__index__`, or (deprecated) integral floats.
fn range_arg(vm: &mut Vm, tx: &Tx, v: &Value, what: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(f) => {
            let i = super::math_int::float_to_int(f.trunc())?;
            if f.fract() != 0.0 {
                return Err(value_error(format!("non-integer {what} for randrange()")));
            }
            Ok(i)
        }
        _ => match to_bigint(vm, tx, v) {
            Ok(b) => Ok(b),
            Err(e) if e.is(ExcKind::TypeError) => {
                Err(value_error(format!("non-integer {what} for randrange()")))
            }
            Err(e) => Err(e),
        },
    }
}

fn randrange_values(
    vm: &mut Vm,
    tx: &Tx,
    self_: &Value,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let stop = stop.filter(|s| !s.is_none());
    // CPython's default step is the cached int 1, so an explicit 1 counts as absent.
    let step = step.filter(|s| !matches!(s, Value::Int(1)));
    if let (Value::Int(a), None | Some(Value::Int(_)), None | Some(Value::Int(_))) =
        (start, stop, step)
    {
        let as_i = |v: Option<&Value>| match v {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        };
        let (b, c) = (as_i(stop), as_i(step));
        let r = with_rng(tx, self_, "randrange", |r| r.randrange_i64(*a, b, c))??;
        return Ok(Value::Int(r));
    }
    let a = range_arg(vm, tx, start, "arg 1")?;
    let b = match stop {
        Some(s) => Some(range_arg(vm, tx, s, "stop")?),
        None => None,
    };
    let c = match step {
        Some(s) if b.is_some() => Some(range_arg(vm, tx, s, "step")?),
        Some(_) => return Err(type_error("Missing a non-None stop argument")),
        None => None,
    };
    let r = with_rng(tx, self_, "randrange", |r| {
        r.randrange(&a, b.as_ref(), c.as_ref())
    })??;
    Ok(bigint_value(r))
}

fn randrange(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.randrange", &["self", "start", "stop", "step"], 2);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let start = b[1].clone().unwrap_or_default();
    randrange_values(vm, tx, &self_, &start, b[2].as_ref(), b[3].as_ref())
}

fn randint(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.randint", &["self", "a", "b"], 3);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let lo = b[1].clone().unwrap_or_default();
    let hi = b[2].clone().unwrap_or_default();
    let stop = ops::binary(vm, tx, BinOp::Add, &hi, &Value::Int(1))?;
    randrange_values(vm, tx, &self_, &lo, Some(&stop), None)
}

// ---------- sequences ----------

/// The items of a list or tuple, read once; `None` for other sequences.
fn items_of(tx: &Tx, v: &Value) -> PyResult<Option<Vec<Value>>> {
    Ok(match v.payload() {
        Some(Payload::List(cell)) => Some(tx.view(cell, |v| v.iter().cloned().collect())?),
        Some(Payload::Tuple(items)) => Some(items.to_vec()),
        _ => None,
    })
}

/// `population[i]` for each index, with the sequence's own `IndexError` when out of
/// range (an empty population in `choices`).
fn pick(vm: &mut Vm, tx: &Tx, population: &Value, picks: &[usize]) -> PyResult<Value> {
    let out = match items_of(tx, population)? {
        Some(items) if picks.iter().all(|&i| i < items.len()) => {
            picks.iter().map(|&i| items[i].clone()).collect()
        }
        _ => {
            let mut out = Vec::with_capacity(picks.len());
            for &i in picks {
                out.push(getitem(vm, tx, population, &Value::Int(i as i64))?);
            }
            out
        }
    };
    Ok(Value::list_from(out))
}

fn choice(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.choice", &["self", "seq"], 2);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let seq = b[1].clone().unwrap_or_default();
    let n = ops::len(vm, tx, &seq)?;
    let i = with_rng(tx, &self_, "choice", |r| r.choice(n))??;
    getitem(vm, tx, &seq, &Value::Int(i as i64))
}

fn shuffle(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.shuffle", &["self", "x"], 2);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let x = b[1].clone().unwrap_or_default();
    let n = ops::len(vm, tx, &x)?;
    if let Some(Payload::List(cell)) = x.payload() {
        // Swapping list items cannot fail, so draw all the swaps first.
        let swaps = with_rng(tx, &self_, "shuffle", |r| {
            let mut swaps = Vec::with_capacity(n.saturating_sub(1));
            r.shuffle_by(n, |i, j| swaps.push((i, j)));
            swaps
        })?;
        if tx.view(cell, |v| v.len())? == n {
            tx.modify(cell, |v| {
                // Swapping inside a persistent vector copies tree paths; a flat copy
                // shuffled in place and rebuilt is several times faster.
                let mut flat: Vec<Value> = v.iter().cloned().collect();
                for &(i, j) in &swaps {
                    flat.swap(i, j);
                }
                *v = flat.into_iter().collect();
            })?;
            return Ok(Value::None);
        }
    }
    // Other sequences may refuse item assignment: draw one swap at a time so a failure
    // leaves the generator where CPython's would be.
    for i in (1..n).rev() {
        let j = with_rng(tx, &self_, "shuffle", |r| r.randbelow(i as u64 + 1))? as usize;
        let (iv, jv) = (Value::Int(i as i64), Value::Int(j as i64));
        let xj = getitem(vm, tx, &x, &jv)?;
        let xi = getitem(vm, tx, &x, &iv)?;
        setitem(vm, tx, &x, iv, xj)?;
        setitem(vm, tx, &x, jv, xi)?;
    }
    Ok(Value::None)
}

fn is_sequence(v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(..),
        ) => true,
        // User classes: CPython wants collections.abc.Sequence; accept what can be indexed.
        Some(Payload::Instance(_)) => true,
        _ => false,
    }
}

fn sample(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = Sig {
        name: "Random.sample",
        params: &["self", "population", "k", "counts"],
        required: 3,
        positional: 3,
    };
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let population = b[1].clone().unwrap_or_default();
    if !is_sequence(&population) {
        return Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = ops::len(vm, tx, &population)?;
    let k = to_i64(vm, tx, b[2].as_ref().unwrap_or(&Value::None))?;
    let picks = match b[3].as_ref().filter(|c| !c.is_none()) {
        Some(counts) => {
            let counts = crate::iter::collect(vm, tx, counts)?;
            if counts.len() != n {
                return Err(value_error(
                    "The number of counts does not match the population",
                ));
            }
            let mut ints = Vec::with_capacity(counts.len());
            for c in &counts {
                match c {
                    Value::Int(i) => ints.push(*i),
                    Value::Bool(x) => ints.push(i64::from(*x)),
                    _ => return Err(type_error("Counts must be integers")),
                }
            }
            with_rng(tx, &self_, "sample", |r| r.sample_counts(&ints, k))??
        }
        None => with_rng(tx, &self_, "sample", |r| r.sample(n, k))??,
    };
    pick(vm, tx, &population, &picks)
}

/// `bisect_right(cum, x, 0, hi)` with Python comparisons where the weights are not
/// plain floats or small ints.
fn bisect_right(vm: &mut Vm, tx: &Tx, cum: &[Value], x: f64, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0usize, hi);
    let xv = Value::Float(x);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let less = match &cum[mid] {
            Value::Float(c) => x < *c,
            Value::Int(c) if c.unsigned_abs() < (1u64 << 53) => x < *c as f64,
            c => {
                let lt = ops::compare(vm, tx, CmpOp::Lt, &xv, c)?;
                ops::truthy(vm, tx, &lt)?
            }
        };
        if less {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn choices(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = Sig {
        name: "Random.choices",
        params: &["self", "population", "weights", "cum_weights", "k"],
        required: 2,
        positional: 3,
    };
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let population = b[1].clone().unwrap_or_default();
    let weights = b[2].clone().filter(|w| !w.is_none());
    let cum_weights = b[3].clone().filter(|w| !w.is_none());
    let k = match &b[4] {
        Some(v) => to_i64(vm, tx, v)?.max(0) as usize,
        None => 1,
    };
    let n = ops::len(vm, tx, &population)?;
    let cum = match (weights, cum_weights) {
        (None, None) => {
            let picks = with_rng(tx, &self_, "choices", |r| r.choices(n, k))?;
            return pick(vm, tx, &population, &picks);
        }
        (Some(_), Some(_)) => {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (None, Some(c)) => crate::iter::collect(vm, tx, &c)?,
        (Some(w), None) => {
            if let Value::Int(k) = w {
                return Err(type_error(format!(
                    "The number of choices must be a keyword argument: k={k}"
                )));
            }
            let items = crate::iter::collect(vm, tx, &w)?;
            let mut cum = Vec::with_capacity(items.len());
            let mut acc: Option<Value> = None;
            for it in items {
                let next = match &acc {
                    None => it,
                    Some(a) => ops::binary(vm, tx, BinOp::Add, a, &it)?,
                };
                cum.push(next.clone());
                acc = Some(next);
            }
            cum
        }
    };
    if cum.len() != n {
        return Err(value_error(
            "The number of weights does not match the population",
        ));
    }
    let Some(last) = cum.last() else {
        return Err(index_error("list index out of range"));
    };
    let total = ops::binary(vm, tx, BinOp::Add, last, &Value::Float(0.0))?;
    let total = to_f64(vm, tx, &total)?;
    core::check_choices_total(total)?;
    let draws = with_rng(tx, &self_, "choices", |r| {
        (0..k).map(|_| r.random()).collect::<Vec<f64>>()
    })?;
    let mut picks = Vec::with_capacity(k);
    for u in draws {
        picks.push(bisect_right(vm, tx, &cum, u * total, n - 1)?);
    }
    pick(vm, tx, &population, &picks)
}

// ---------- real-valued distributions ----------

fn uniform(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.uniform", &["self", "a", "b"], 3);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let (lo, hi) = (
        b[1].clone().unwrap_or_default(),
        b[2].clone().unwrap_or_default(),
    );
    if let (Value::Float(x), Value::Float(y)) = (&lo, &hi) {
        let (x, y) = (*x, *y);
        return Ok(Value::Float(with_rng(tx, &self_, "uniform", |r| {
            r.uniform(x, y)
        })?));
    }
    // `a + (b - a) * self.random()` with Python arithmetic (ints stay exact until mixed).
    let width = ops::binary(vm, tx, BinOp::Sub, &hi, &lo)?;
    let u = with_rng(tx, &self_, "uniform", |r| r.random())?;
    let scaled = ops::binary(vm, tx, BinOp::Mul, &width, &Value::Float(u))?;
    ops::binary(vm, tx, BinOp::Add, &lo, &scaled)
}

fn triangular(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
    const SIG: Sig = sig("Random.triangular", &["self", "low", "high", "mode"], 1);
    let b = SIG.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let low_v = b[1].clone().unwrap_or(Value::Float(0.0));
    let low = to_f64(vm, tx, &low_v)?;
    let high = match &b[2] {
        Some(v) => to_f64(vm, tx, v)?,
        None => 1.0,
    };
    let mode = match b[3].as_ref().filter(|m| !m.is_none()) {
        Some(v) => Some(to_f64(vm, tx, v)?),
        None => None,
    };
    let r = with_rng(tx, &self_, "triangular", |r| r.triangular(low, high, mode))?;
    if mode.is_some() && high - low == 0.0 {
        // CPython returns `low` itself after the ZeroDivisionError (an int stays an int).
        return Ok(low_v);
    }
    Ok(Value::Float(r))
}

/// Binds `(self, params...)` and converts the given parameters to floats, with defaults.
fn float_params(
    vm: &mut Vm,
    tx: &Tx,
    sig: &Sig,
    defaults: &[f64],
    args: Args,
    kw: Kw,
) -> PyResult<(Value, Vec<f64>)> {
    let b = sig.bind(args, kw)?;
    let self_ = b[0].clone().unwrap_or_default();
    let mut out = Vec::with_capacity(b.len() - 1);
    for (i, v) in b.iter().enumerate().skip(1) {
        out.push(match v {
            Some(v) => to_f64(vm, tx, v)?,
            None => defaults.get(i - 1).copied().unwrap_or(0.0),
        });
    }
    Ok((self_, out))
}

macro_rules! distribution {
    ($($fname:ident($($p:literal),*) required $req:literal defaults [$($d:expr),*] => |$r:ident, $v:ident| $body:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, tx: &Tx, args: Args, kw: Kw) -> PyResult<Value> {
                const SIG: Sig = sig(concat!("Random.", stringify!($fname)), &["self", $($p),*], $req);
                let (self_, $v) = float_params(vm, tx, &SIG, &[$($d),*], args, kw)?;
                let out: Result<f64, PyErr> = with_rng(tx, &self_, stringify!($fname), |$r| $body)?;
                Ok(Value::Float(out?))
            }
        )*
    };
}

distribution! {
    normalvariate("mu", "sigma") required 1 defaults [0.0, 1.0] => |r, v| Ok(r.normalvariate(v[0], v[1]));
    gauss("mu", "sigma") required 1 defaults [0.0, 1.0] => |r, v| Ok(r.gauss(v[0], v[1]));
    lognormvariate("mu", "sigma") required 3 defaults [] => |r, v| Ok(r.lognormvariate(v[0], v[1]));
    expovariate("lambd") required 2 defaults [] => |r, v| r.expovariate(v[0]);
    vonmisesvariate("mu", "kappa") required 3 defaults [] => |r, v| r.vonmisesvariate(v[0], v[1]);
    gammavariate("alpha", "beta") required 3 defaults [] => |r, v| r.gammavariate(v[0], v[1]);
    betavariate("alpha", "beta") required 3 defaults [] => |r, v| r.betavariate(v[0], v[1]);
    paretovariate("alpha") required 2 defaults [] => |r, v| r.paretovariate(v[0]);
    weibullvariate("alpha", "beta") required 3 defaults [] => |r, v| r.weibullvariate(v[0], v[1]);
}
