//! The type attribute cache: `(class, name) -> what the class's MRO holds for name`.
//!
//! Looking an attribute up on an instance first walks the class's MRO (a dict lookup per
//! class, down to `object`'s big namespace when the name is an instance attribute), and a
//! store asks the MRO twice (a data descriptor for the name? a `__setattr__`?). This
//! per-thread, direct-mapped table remembers each walk's result together with the
//! version (see `DictData::version`) of every namespace the walk read. A hit re-reads
//! those namespaces through the transaction and compares versions, so:
//! - it is exact: equal versions mean equal contents, so the remembered result is what
//!   the walk would find now;
//! - it stays transactional: the namespaces are still read through `tx` (logged in
//!   optimistic mode), so a concurrent class change conflicts exactly as before.
//!
//! What a hit saves is the hashing and string comparison of each dict lookup (and the
//! HAMT walk in `object`'s namespace). Entries hold their class and name objects, so an
//! address in the table can never be reused by another object while cached.

use stmpy_core::error::PyResult;
use stmpy_core::stm::Tx;
use stmpy_core::types::mro_of;
use stmpy_core::value::{ObjRef, Payload, Value};

/// MROs longer than this are not cached (the walk is done every time).
const MAX_MRO: usize = 6;
/// Number of entries (a power of two).
const SIZE: usize = 1024;

#[derive(Default)]
struct Slot {
    class: Option<ObjRef>,
    /// The name: a str object's address, or a `&'static str`'s address and length (see
    /// [`static_key`]).
    key: usize,
    /// Keeps a str-object name alive while its address is a key.
    _name: Option<ObjRef>,
    /// How many classes of the MRO the walk read (up to and including the one that
    /// held the name, or all of them).
    read: u8,
    versions: [u64; MAX_MRO],
    found: Option<Value>,
}

/// Allocated on first use: a `Vm` made for one embedding call never pays for it.
#[derive(Default)]
pub struct AttrCache {
    slots: Vec<Slot>,
}

/// The key of a `&'static str` name: its address (below 2^48, like every heap object
/// address, so it never equals one once the length is mixed in above bit 48) and its
/// length (literals may share a start address when one is a prefix of another).
#[inline]
fn static_key(name: &'static str) -> usize {
    name.as_ptr() as usize ^ (name.len() << 48) ^ (1 << 63)
}

#[inline]
fn index(class: &ObjRef, key: usize) -> usize {
    let k = (class.id() >> 4) ^ (key >> 3).rotate_left(17);
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (usize::BITS - SIZE.trailing_zeros())) & (SIZE - 1)
}

impl AttrCache {
    /// `name` looked up along `class`'s MRO, as `ops::lookup_type_h` does. `name_obj` is
    /// the str object `name` comes from (the cache key), `h` its hash.
    #[inline]
    pub fn lookup(
        &mut self,
        tx: &Tx,
        class: &ObjRef,
        name_obj: &ObjRef,
        name: &str,
        h: i64,
    ) -> PyResult<Option<Value>> {
        self.lookup_keyed(
            tx,
            class,
            name_obj.id(),
            || Some(name_obj.clone()),
            name,
            || h,
        )
    }

    /// `lookup` for a name known at compile time (special methods).
    #[inline]
    pub fn lookup_static(
        &mut self,
        tx: &Tx,
        class: &ObjRef,
        name: &'static str,
    ) -> PyResult<Option<Value>> {
        self.lookup_keyed(
            tx,
            class,
            static_key(name),
            || None,
            name,
            || stmpy_core::str::str_hash(name),
        )
    }

    #[inline]
    fn lookup_keyed(
        &mut self,
        tx: &Tx,
        class: &ObjRef,
        key: usize,
        keep: impl FnOnce() -> Option<ObjRef>,
        name: &str,
        hash: impl FnOnce() -> i64,
    ) -> PyResult<Option<Value>> {
        if self.slots.is_empty() {
            self.slots = (0..SIZE).map(|_| Slot::default()).collect();
        }
        let slot = &mut self.slots[index(class, key)];
        if slot.key == key
            && let Some(c) = &slot.class
            && c.is(class)
        {
            let mut valid = true;
            for (t, &v) in mro_of(class).zip(&slot.versions[..slot.read as usize]) {
                if let Payload::Type(tt) = &t.payload
                    && tx.view(&tt.dict, |d| d.version())? != v
                {
                    valid = false;
                    break;
                }
            }
            if valid {
                return Ok(slot.found.clone());
            }
        }
        let h = hash();
        let mut versions = [0u64; MAX_MRO];
        let mut read = 0usize;
        let mut found = None;
        for t in mro_of(class) {
            // (An MRO holds only types; anything else counts as an empty namespace.)
            if let Payload::Type(tt) = &t.payload {
                let (version, hit) =
                    tx.view(&tt.dict, |d| (d.version(), d.get_str(name, h).cloned()))?;
                if read < MAX_MRO {
                    versions[read] = version;
                }
                if hit.is_some() {
                    found = hit;
                    read += 1;
                    break;
                }
            }
            read += 1;
        }
        if read <= MAX_MRO {
            *slot = Slot {
                class: Some(class.clone()),
                key,
                _name: keep(),
                read: read as u8,
                versions,
                found: found.clone(),
            };
        }
        Ok(found)
    }
}
