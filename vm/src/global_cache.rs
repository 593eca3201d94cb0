//! The global-name cache: `(globals dict, name) -> where the value is` for `LoadGlobal`.
//!
//! A global lookup hashes the name and searches the module's namespace (a HAMT once the
//! module has more than a few names), then the builtins. This per-thread, direct-mapped
//! table remembers where the lookup found the name — which namespace, which slot — with
//! the content versions (`DictData::version`) of the two namespaces. A hit reads the
//! namespace through the transaction, checks its version and takes the value from the
//! remembered slot, so it is exact (equal versions mean equal contents) and stays
//! transactional (the dicts are still read through `tx`, so a concurrent store
//! conflicts as before).
//!
//! The table holds no value and no namespace: a cached global does not outlive its
//! deletion (weak references and `__del__` behave as without the cache). A namespace is
//! known by its address; a later dict at the same address cannot match by mistake,
//! since no two dict states share a non-zero version, and an empty dict (version 0)
//! holds no slot to find.

use stmpy_core::error::PyResult;
use stmpy_core::stm::Tx;
use stmpy_core::value::{ObjRef, Payload, Value};

/// Number of entries (a power of two).
const SIZE: usize = 256;

#[derive(Default)]
struct Slot {
    /// Address of the globals dict object.
    globals: usize,
    /// The (interned) name; held so that its address stays its own.
    name: Option<ObjRef>,
    /// Version of the globals when the lookup was made.
    gver: u64,
    /// Version of the builtins, when the name was not in the globals (else unused).
    bver: u64,
    in_globals: bool,
    /// The slot of the namespace that holds the name.
    index: usize,
}

/// Allocated on first use.
#[derive(Default)]
pub struct GlobalCache {
    slots: Vec<Slot>,
}

#[inline]
fn index(globals: &ObjRef, name: &ObjRef) -> usize {
    let k = (globals.id() >> 4) ^ (name.id() >> 3).rotate_left(23);
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (usize::BITS - SIZE.trailing_zeros())) & (SIZE - 1)
}

fn version(tx: &Tx, d: &ObjRef) -> PyResult<u64> {
    match &d.payload {
        Payload::Dict(cell) => Ok(tx.view(cell, |d| d.version())?),
        _ => Ok(0),
    }
}

/// The value at slot `index` of `d` if `d` is still at version `ver`.
#[inline]
fn at(tx: &Tx, d: &ObjRef, ver: u64, index: usize) -> PyResult<Option<Value>> {
    match &d.payload {
        Payload::Dict(cell) => Ok(tx.view(cell, |d| {
            if d.version() == ver {
                d.slot(index).map(|e| e.value.clone())
            } else {
                None
            }
        })?),
        _ => Ok(None),
    }
}

/// (slot, version) of `name` in `d`.
fn find(tx: &Tx, d: &ObjRef, name: &str, h: i64) -> PyResult<Option<(usize, u64)>> {
    match &d.payload {
        Payload::Dict(cell) => {
            Ok(tx.view(cell, |d| d.find_str(name, h).map(|i| (i, d.version())))?)
        }
        _ => Ok(None),
    }
}

impl GlobalCache {
    /// `f` applied to the value of `name` in `globals`, then `builtins`, borrowed from
    /// the namespace (no reference taken) on a cache hit; `None` if the name is
    /// missing. `f` runs inside a `view` of the namespace, so it must not run Python
    /// code or touch that namespace's cell.
    #[inline]
    pub fn with_value<R>(
        &mut self,
        tx: &Tx,
        globals: &ObjRef,
        builtins: &ObjRef,
        name: &ObjRef,
        f: impl FnOnce(&Value) -> R,
    ) -> PyResult<Option<R>> {
        if let Some(slot) = self.slots.get(index(globals, name))
            && slot.globals == globals.id()
            && slot.name.as_ref().is_some_and(|n| n.is(name))
        {
            let (ns, ver) = if slot.in_globals {
                (globals, slot.gver)
            } else if version(tx, globals)? == slot.gver {
                (builtins, slot.bver)
            } else {
                (globals, u64::MAX)
            };
            if let Payload::Dict(cell) = &ns.payload {
                let mut f = Some(f);
                let hit = tx.view(cell, |d| {
                    if d.version() != ver {
                        return None;
                    }
                    let e = d.slot(slot.index)?;
                    Some((f.take().expect("called once"))(&e.value))
                })?;
                match hit {
                    Some(r) => return Ok(Some(r)),
                    None => {
                        let v = self.lookup(tx, globals, builtins, name)?;
                        return Ok(v.map(|v| (f.take().expect("not called"))(&v)));
                    }
                }
            }
        }
        let v = self.lookup(tx, globals, builtins, name)?;
        Ok(v.map(|v| f(&v)))
    }

    /// `name` (a str object) in `globals`, then in `builtins`.
    #[inline]
    pub fn lookup(
        &mut self,
        tx: &Tx,
        globals: &ObjRef,
        builtins: &ObjRef,
        name: &ObjRef,
    ) -> PyResult<Option<Value>> {
        let Payload::Str(s) = &name.payload else {
            return Ok(None);
        };
        if self.slots.is_empty() {
            self.slots = (0..SIZE).map(|_| Slot::default()).collect();
        }
        let slot = &mut self.slots[index(globals, name)];
        if slot.globals == globals.id() && slot.name.as_ref().is_some_and(|n| n.is(name)) {
            let hit = if slot.in_globals {
                at(tx, globals, slot.gver, slot.index)?
            } else if version(tx, globals)? == slot.gver {
                at(tx, builtins, slot.bver, slot.index)?
            } else {
                None
            };
            if hit.is_some() {
                return Ok(hit);
            }
        }
        let (text, h) = (s.as_str(), s.hash());
        let (found, in_globals, gver, bver) = match find(tx, globals, text, h)? {
            Some((i, gver)) => (Some(i), true, gver, 0),
            None => {
                let gver = version(tx, globals)?;
                match find(tx, builtins, text, h)? {
                    Some((i, bver)) => (Some(i), false, gver, bver),
                    None => (None, false, gver, 0),
                }
            }
        };
        // Misses are not cached: they raise NameError (or are about to be defined).
        let Some(i) = found else {
            return Ok(None);
        };
        *slot = Slot {
            globals: globals.id(),
            name: Some(name.clone()),
            gver,
            bver,
            in_globals,
            index: i,
        };
        let ns = if in_globals { globals } else { builtins };
        at(tx, ns, if in_globals { gver } else { bver }, i)
    }
}
