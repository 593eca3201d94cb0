//! The global-name cache: `(globals dict, name) -> value` for `LoadGlobal`.
//!
//! A global lookup hashes the name and searches the module's namespace (a HAMT once the
//! module has more than a few names), then the builtins. This per-thread, direct-mapped
//! table remembers the result with the content versions (`DictData::version`) of the
//! two namespaces: a hit reads the versions through the transaction and compares, so it
//! is exact (equal versions mean equal contents) and stays transactional (the dicts are
//! still read through `tx`, so a concurrent store conflicts as before).
//!
//! Entries hold their namespace and name objects, so an address in the table cannot be
//! reused by another object while cached.

use stmpy_core::error::PyResult;
use stmpy_core::stm::Tx;
use stmpy_core::value::{ObjRef, Payload, Value};

/// Number of entries (a power of two).
const SIZE: usize = 256;

#[derive(Default)]
struct Slot {
    globals: Option<ObjRef>,
    name: Option<ObjRef>,
    /// Version of the globals when the lookup was made.
    gver: u64,
    /// Version of the builtins, when the name was not in the globals (else unused).
    bver: u64,
    in_globals: bool,
    value: Value,
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

fn find(tx: &Tx, d: &ObjRef, name: &str, h: i64) -> PyResult<Option<Value>> {
    match &d.payload {
        Payload::Dict(cell) => Ok(tx.view(cell, |d| d.get_str(name, h).cloned())?),
        _ => Ok(None),
    }
}

impl GlobalCache {
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
        if let (Some(g), Some(n)) = (&slot.globals, &slot.name)
            && g.is(globals)
            && n.is(name)
            && version(tx, globals)? == slot.gver
            && (slot.in_globals || version(tx, builtins)? == slot.bver)
        {
            return Ok(Some(slot.value.clone()));
        }
        let (text, h) = (s.as_str(), s.hash());
        let gver = version(tx, globals)?;
        let (found, in_globals, bver) = match find(tx, globals, text, h)? {
            Some(v) => (Some(v), true, 0),
            None => (find(tx, builtins, text, h)?, false, version(tx, builtins)?),
        };
        // Misses are not cached: they raise NameError (or are about to be defined).
        if let Some(v) = &found {
            *slot = Slot {
                globals: Some(globals.clone()),
                name: Some(name.clone()),
                gver,
                bver,
                in_globals,
                value: v.clone(),
            };
        }
        Ok(found)
    }
}
