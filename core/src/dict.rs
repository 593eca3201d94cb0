//! The insertion-ordered persistent hash map behind `dict`, `set`, `frozenset`, instance
//! and class namespaces and module globals.
//!
//! Design: `entries` is an `imbl::Vector` of slots in insertion order (a deleted entry
//! leaves a tombstone `None`; the vector is compacted when tombstones outnumber live
//! entries). Small maps (up to `SMALL` slots) are searched linearly — the common case for
//! instance attributes and keyword arguments, and faster than any index. Bigger maps keep
//! `index`: an `imbl` HAMT from the Python hash to the slot(s) with that hash.
//!
//! Python equality may run user code (`__eq__`), so lookups take the key's Python hash
//! and an equality callback instead of relying on Rust `Hash`/`Eq`; identical objects
//! are equal without calling it (as in CPython). Every structure is persistent: cloning
//! a `DictData` is O(1) and an update copies O(log n), which is what the STM cell needs.

use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

use crate::value::Value;

const SMALL: usize = 8;

/// One key/value pair with the key's hash.
#[derive(Clone, Debug)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Debug)]
enum Bucket {
    One(u32),
    Many(Arc<[u32]>),
}

/// Mixes a Python hash (already well spread for strings, not for small ints) for the HAMT.
#[derive(Clone, Default)]
pub struct MixHasher(u64);

impl Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_i64(&mut self, i: i64) {
        let x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 32);
    }
}

#[derive(Clone, Default)]
pub struct MixBuild;

impl BuildHasher for MixBuild {
    type Hasher = MixHasher;
    fn build_hasher(&self) -> MixHasher {
        MixHasher(0)
    }
}

type Index = imbl::GenericHashMap<i64, Bucket, MixBuild, imbl::shared_ptr::DefaultSharedPtr>;

/// The state of a dict (see the module comment).
#[derive(Clone, Default)]
pub struct DictData {
    entries: imbl::Vector<Option<Entry>>,
    index: Option<Index>,
    len: usize,
}

impl std::fmt::Debug for DictData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl DictData {
    pub fn new() -> DictData {
        DictData::default()
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Number of slots (live and deleted): iteration positions run over `0..slots()`.
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    /// The live entry in slot `i`, if any.
    pub fn slot(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }
    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|e| &e.key)
    }

    /// The slot holding `key`, comparing with `eq` only where hashes match and the
    /// objects are not identical.
    pub fn lookup<E>(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mut check = |i: usize| -> Result<bool, E> {
            match self.entries.get(i) {
                Some(Some(e)) if e.hash == hash => Ok(e.key.is(key) || eq(&e.key, key)?),
                _ => Ok(false),
            }
        };
        match &self.index {
            None => {
                for i in 0..self.entries.len() {
                    if check(i)? {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            }
            Some(index) => match index.get(&hash) {
                None => Ok(None),
                Some(Bucket::One(i)) => Ok(if check(*i as usize)? {
                    Some(*i as usize)
                } else {
                    None
                }),
                Some(Bucket::Many(v)) => {
                    for &i in v.iter() {
                        if check(i as usize)? {
                            return Ok(Some(i as usize));
                        }
                    }
                    Ok(None)
                }
            },
        }
    }

    /// Lookup of a string key (attribute names, keyword arguments): no callback needed,
    /// since a str only equals a str.
    #[inline]
    pub fn get_str(&self, key: &str, hash: i64) -> Option<&Value> {
        let matches =
            |e: &Entry| e.hash == hash && e.key.as_str().is_some_and(|s| s.as_str() == key);
        match &self.index {
            None => self
                .entries
                .iter()
                .flatten()
                .find(|e| matches(e))
                .map(|e| &e.value),
            Some(index) => {
                let slots: &[u32] = match index.get(&hash)? {
                    Bucket::One(i) => std::slice::from_ref(i),
                    Bucket::Many(v) => v,
                };
                slots
                    .iter()
                    .filter_map(|&i| self.slot(i as usize))
                    .find(|e| matches(e))
                    .map(|e| &e.value)
            }
        }
    }

    pub fn get<E>(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<&Value>, E> {
        Ok(self
            .lookup(hash, key, eq)?
            .and_then(|i| self.slot(i))
            .map(|e| &e.value))
    }

    /// Inserts or overwrites (keeping the original key object, as CPython does); returns
    /// the old value.
    pub fn insert<E>(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: &mut impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<Value>, E> {
        if let Some(i) = self.lookup(hash, &key, eq)? {
            let slot = self.entries.get_mut(i).and_then(|e| e.as_mut());
            if let Some(e) = slot {
                return Ok(Some(std::mem::replace(&mut e.value, value)));
            }
        }
        self.push_new(hash, key, value);
        Ok(None)
    }

    /// Insert of a str key with no equality callback (see [`DictData::get_str`]).
    pub fn insert_str(&mut self, key: Value, hash: i64, value: Value) -> Option<Value> {
        let name = key
            .as_str()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default();
        let mut eq = |a: &Value, _: &Value| -> Result<bool, ()> {
            Ok(a.as_str().is_some_and(|s| s.as_str() == name))
        };
        self.insert(hash, key, value, &mut eq).unwrap_or(None)
    }

    /// Appends an entry known not to be present.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len();
        self.entries.push_back(Some(Entry { hash, key, value }));
        self.len += 1;
        if let Some(index) = &mut self.index {
            add_to_index(index, hash, i as u32);
        } else if self.entries.len() > SMALL {
            self.rebuild_index();
        }
    }

    pub fn remove<E>(
        &mut self,
        hash: i64,
        key: &Value,
        eq: &mut impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<Entry>, E> {
        let Some(i) = self.lookup(hash, key, eq)? else {
            return Ok(None);
        };
        Ok(self.remove_slot(i))
    }

    /// Removes the entry in slot `i`.
    pub fn remove_slot(&mut self, i: usize) -> Option<Entry> {
        let old = self.entries.set(i, None)?;
        self.len -= 1;
        if let Some(index) = &mut self.index {
            remove_from_index(index, old.hash, i as u32);
        }
        if self.entries.len() > 2 * SMALL && self.len * 2 < self.entries.len() {
            self.compact();
        } else if self.len == 0 {
            *self = DictData::default();
        }
        Some(old)
    }

    /// Removes and returns the last inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let i = (0..self.entries.len())
            .rev()
            .find(|&i| self.slot(i).is_some())?;
        self.remove_slot(i)
    }

    pub fn clear(&mut self) {
        *self = DictData::default();
    }

    fn compact(&mut self) {
        let live: imbl::Vector<Option<Entry>> = self
            .entries
            .iter()
            .filter(|e| e.is_some())
            .cloned()
            .collect();
        self.entries = live;
        self.rebuild_index();
    }

    fn rebuild_index(&mut self) {
        if self.entries.len() <= SMALL {
            self.index = None;
            return;
        }
        let mut index = Index::default();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(e) = e {
                add_to_index(&mut index, e.hash, i as u32);
            }
        }
        self.index = Some(index);
    }
}

fn add_to_index(index: &mut Index, hash: i64, slot: u32) {
    let new = match index.get(&hash) {
        None => Bucket::One(slot),
        Some(Bucket::One(j)) => Bucket::Many(Arc::from(vec![*j, slot])),
        Some(Bucket::Many(v)) => {
            let mut v = v.to_vec();
            v.push(slot);
            Bucket::Many(Arc::from(v))
        }
    };
    index.insert(hash, new);
}

fn remove_from_index(index: &mut Index, hash: i64, slot: u32) {
    match index.get(&hash) {
        Some(Bucket::One(_)) => {
            index.remove(&hash);
        }
        Some(Bucket::Many(v)) => {
            let rest: Vec<u32> = v.iter().copied().filter(|&j| j != slot).collect();
            let b = if rest.len() == 1 {
                Bucket::One(rest[0])
            } else {
                Bucket::Many(Arc::from(rest))
            };
            index.insert(hash, b);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(a: &Value, b: &Value) -> Result<bool, ()> {
        Ok(matches!((a, b), (Value::Int(x), Value::Int(y)) if x == y))
    }

    fn keys(d: &DictData) -> Vec<i64> {
        d.keys()
            .map(|k| match k {
                Value::Int(i) => *i,
                _ => -1,
            })
            .collect()
    }

    #[test]
    fn insertion_order_overwrite_and_delete() {
        let mut d = DictData::new();
        for i in [5, 3, 9, 1] {
            d.insert(i, Value::Int(i), Value::Int(i * 10), &mut int_eq)
                .unwrap();
        }
        // Overwrite keeps position.
        d.insert(3, Value::Int(3), Value::Int(0), &mut int_eq)
            .unwrap();
        assert_eq!(keys(&d), vec![5, 3, 9, 1]);
        assert!(matches!(
            d.get(3, &Value::Int(3), &mut int_eq).unwrap(),
            Some(Value::Int(0))
        ));
        d.remove(9, &Value::Int(9), &mut int_eq).unwrap();
        assert_eq!(keys(&d), vec![5, 3, 1]);
        // Re-insert goes to the end.
        d.insert(9, Value::Int(9), Value::None, &mut int_eq)
            .unwrap();
        assert_eq!(keys(&d), vec![5, 3, 1, 9]);
        assert_eq!(d.len(), 4);
    }

    #[test]
    fn large_dicts_with_colliding_hashes() {
        let mut d = DictData::new();
        // Every key hashes to i % 7: many collisions, exercising Many buckets.
        for i in 0..1000 {
            d.insert(i % 7, Value::Int(i), Value::Int(i), &mut int_eq)
                .unwrap();
        }
        assert_eq!(d.len(), 1000);
        for i in (0..1000).step_by(2) {
            assert!(
                d.remove(i % 7, &Value::Int(i), &mut int_eq)
                    .unwrap()
                    .is_some()
            );
        }
        assert_eq!(d.len(), 500);
        for i in 0..1000 {
            let found = d.get(i % 7, &Value::Int(i), &mut int_eq).unwrap().is_some();
            assert_eq!(found, i % 2 == 1, "key {i}");
        }
        assert_eq!(keys(&d)[..3], [1, 3, 5]);
        assert_eq!(d.pop_last().unwrap().hash, 999 % 7);
    }

    #[test]
    fn persistence_old_versions_unchanged() {
        let mut d = DictData::new();
        for i in 0..50 {
            d.insert(i, Value::Int(i), Value::Int(i), &mut int_eq)
                .unwrap();
        }
        let snapshot = d.clone();
        d.remove(10, &Value::Int(10), &mut int_eq).unwrap();
        assert_eq!(snapshot.len(), 50);
        assert!(
            snapshot
                .get(10, &Value::Int(10), &mut int_eq)
                .unwrap()
                .is_some()
        );
        assert!(d.get(10, &Value::Int(10), &mut int_eq).unwrap().is_none());
    }

    #[test]
    fn eq_errors_propagate() {
        let mut d = DictData::new();
        d.insert(1, Value::Int(1), Value::None, &mut int_eq)
            .unwrap();
        let r = d.get(1, &Value::Int(2), &mut |_: &Value, _: &Value| {
            Err::<bool, &str>("boom")
        });
        assert_eq!(r.err(), Some("boom"));
    }

    #[test]
    fn str_keys() {
        let mut d = DictData::new();
        for name in ["a", "bb", "ccc", "d", "e", "f", "g", "h", "i", "j"] {
            let k = Value::str(name);
            let h = k.as_str().unwrap().hash();
            d.insert_str(k, h, Value::Int(name.len() as i64));
        }
        let h = crate::str::str_hash("ccc");
        assert!(matches!(d.get_str("ccc", h), Some(Value::Int(3))));
        assert!(d.get_str("zz", crate::str::str_hash("zz")).is_none());
    }
}
