//! The type attribute cache: `(class, name) -> what the class's MRO holds for name`.
//!
//! Looking an attribute up on an instance first walks the class's MRO (a dict lookup per
//! class, down to `object`'s big namespace when the name is an instance attribute), and a
//! store asks the MRO twice (a data descriptor for the name? a `__setattr__`?). This
//! per-thread, direct-mapped table remembers each walk's result together with the
//! class epoch (`types::class_epoch`, which every write to any class namespace changes
//! to a never-used value, in the same transaction). A hit reads the epoch through the
//! transaction and compares, so:
//! - it is exact: an equal epoch means no class namespace changed since the walk, so
//!   the remembered result is what the walk would find now;
//! - it stays transactional: the epoch is read through `tx` (logged in optimistic
//!   mode), so a concurrent class change conflicts with the transactions that relied
//!   on the cache.
//!
//! A hit costs one cell read, whatever the length of the MRO. Entries hold their class
//! and name objects, so an address in the table can never be reused by another object
//! while cached.

use stmpy_core::error::PyResult;
use stmpy_core::stm::Tx;
use stmpy_core::types::{class_epoch, mro_of};
use stmpy_core::value::{ObjRef, Payload, Value};

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
    /// `class_epoch()` when the walk was done: no class namespace has changed since
    /// while the epoch is the same.
    epoch: u64,
    found: Option<Value>,
    /// Where `name` was last found in an instance dict of `class` (a guess, checked
    /// by key identity: instances of one class usually store their attributes in the
    /// same order, so the slot is the same from instance to instance).
    dict_hint: u32,
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

    /// The fast path of an instance attribute load: if the cache knows that `class`'s
    /// MRO holds nothing named `name_obj` (so the instance dict alone decides), the dict
    /// slot where instances of `class` last held it.
    #[inline(always)]
    pub fn instance_hint(
        &self,
        tx: &Tx,
        class: &ObjRef,
        name_obj: &ObjRef,
    ) -> PyResult<Option<usize>> {
        let Some(slot) = self.slots.get(index(class, name_obj.id())) else {
            return Ok(None);
        };
        if slot.key != name_obj.id()
            || slot.found.is_some()
            || !slot.class.as_ref().is_some_and(|c| c.is(class))
        {
            return Ok(None);
        }
        let epoch = tx.view(class_epoch(), |e| *e)?;
        Ok((slot.epoch == epoch).then_some(slot.dict_hint as usize))
    }

    /// Remembers that an instance dict of `class` held `name_obj` in dict slot `hint`,
    /// if the cache slot of `(class, name_obj)` still holds them.
    #[inline]
    pub fn remember_dict_hint(&mut self, class: &ObjRef, name_obj: &ObjRef, hint: usize) {
        if let Some(slot) = self.slots.get_mut(index(class, name_obj.id()))
            && slot.key == name_obj.id()
            && slot.class.as_ref().is_some_and(|c| c.is(class))
        {
            slot.dict_hint = hint as u32;
        }
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
        let epoch = tx.view(class_epoch(), |e| *e)?;
        let slot = &mut self.slots[index(class, key)];
        if slot.key == key
            && slot.epoch == epoch
            && let Some(c) = &slot.class
            && c.is(class)
        {
            return Ok(slot.found.clone());
        }
        let h = hash();
        let mut found = None;
        for t in mro_of(class) {
            // (An MRO holds only types; anything else counts as an empty namespace.)
            if let Payload::Type(tt) = &t.payload
                && let Some(v) = tt.dict.view(tx, |d| d.get_str(name, h).cloned())?
            {
                found = Some(v);
                break;
            }
        }
        *slot = Slot {
            class: Some(class.clone()),
            key,
            _name: keep(),
            epoch,
            found: found.clone(),
            dict_hint: 0,
        };
        Ok(found)
    }
}
