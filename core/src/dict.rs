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

const SMALL: usize = 16;

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

/// The slots: a plain vector while small (cheap to copy when a transaction must copy
/// the map, and scanned linearly), a persistent vector with a hash index when big.
#[derive(Clone)]
enum Slots {
    Small(Vec<Option<Entry>>),
    /// Boxed so that a small map's `DictData` stays 48 bytes (the persistent vector
    /// and index are 128): every instance namespace is a small map.
    Big(Box<BigSlots>),
}

#[derive(Clone)]
struct BigSlots {
    entries: imbl::Vector<Option<Entry>>,
    index: Index,
}

impl Default for Slots {
    fn default() -> Self {
        Slots::Small(Vec::new())
    }
}

/// The state of a dict (see the module comment).
#[derive(Clone, Default)]
pub struct DictData {
    slots: Slots,
    len: usize,
    /// Content tag: two `DictData` with the same version hold the same entries (the
    /// same key and value objects). 0 is the empty map; every mutation takes a fresh
    /// process-unique number ([`fresh_version`]), and clones share their original's.
    /// Lets the VM's attribute caches validate a class namespace with one compare.
    version: u64,
    /// One bit per hash of every key ever pushed (a superset of the live keys' bits, see
    /// [`bloom_bit`]): a small map's lookup of an absent key, such as a method name on
    /// an instance dict, usually answers without scanning.
    bloom: u64,
}

/// The `DictData::bloom` bit of a hash.
#[inline(always)]
fn bloom_bit(hash: i64) -> u64 {
    1 << ((hash as u64 ^ (hash as u64 >> 29)) & 63)
}

/// Versions are handed out per thread in blocks, so a mutation costs a thread-local
/// increment, never a shared atomic.
const VERSION_BLOCK: u64 = 1 << 20;
static NEXT_VERSION_BLOCK: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(VERSION_BLOCK);

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A version number no other `DictData` state has had (see `DictData::version`).
#[inline]
pub fn fresh_version() -> u64 {
    NEXT_VERSION.with(|c| {
        let mut v = c.get();
        if v % VERSION_BLOCK == 0 {
            v = NEXT_VERSION_BLOCK.fetch_add(VERSION_BLOCK, std::sync::atomic::Ordering::Relaxed);
        }
        c.set(v + 1);
        v
    })
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
    /// The content tag (see the field's comment): equal versions mean equal contents.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Number of slots (live and deleted): iteration positions run over `0..slots()`.
    pub fn slots(&self) -> usize {
        match &self.slots {
            Slots::Small(v) => v.len(),
            Slots::Big(b) => b.entries.len(),
        }
    }
    /// The live entry in slot `i`, if any.
    #[inline]
    pub fn slot(&self, i: usize) -> Option<&Entry> {
        match &self.slots {
            Slots::Small(v) => v.get(i).and_then(|e| e.as_ref()),
            Slots::Big(b) => b.entries.get(i).and_then(|e| e.as_ref()),
        }
    }
    fn slot_mut(&mut self, i: usize) -> Option<&mut Entry> {
        match &mut self.slots {
            Slots::Small(v) => v.get_mut(i).and_then(|e| e.as_mut()),
            Slots::Big(b) => b.entries.get_mut(i).and_then(|e| e.as_mut()),
        }
    }
    /// Live entries in insertion order.
    /// Whether the storage is persistent (big), so that its nodes may be shared with
    /// other maps: one stored handle can then be seen from two dicts.
    pub fn is_persistent(&self) -> bool {
        matches!(self.slots, Slots::Big(..))
    }
    pub fn iter(&self) -> Box<dyn Iterator<Item = &Entry> + '_> {
        match &self.slots {
            Slots::Small(v) => Box::new(v.iter().filter_map(|e| e.as_ref())),
            Slots::Big(b) => Box::new(b.entries.iter().filter_map(|e| e.as_ref())),
        }
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
        match &self.slots {
            Slots::Small(_) if self.bloom & bloom_bit(hash) == 0 => Ok(None),
            Slots::Small(v) => {
                for (i, e) in v.iter().enumerate() {
                    if let Some(e) = e
                        && e.hash == hash
                        && (e.key.is(key) || eq(&e.key, key)?)
                    {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            }
            Slots::Big(b) => {
                let BigSlots { entries: v, index } = &**b;
                let mut check = |i: u32| -> Result<bool, E> {
                    match v.get(i as usize) {
                        Some(Some(e)) if e.hash == hash => Ok(e.key.is(key) || eq(&e.key, key)?),
                        _ => Ok(false),
                    }
                };
                match index.get(&hash) {
                    None => Ok(None),
                    Some(Bucket::One(i)) => Ok(if check(*i)? { Some(*i as usize) } else { None }),
                    Some(Bucket::Many(b)) => {
                        for &i in b.iter() {
                            if check(i)? {
                                return Ok(Some(i as usize));
                            }
                        }
                        Ok(None)
                    }
                }
            }
        }
    }

    /// Lookup of a string key (attribute names, keyword arguments): no callback needed,
    /// since a str only equals a str.
    #[inline]
    pub fn get_str(&self, key: &str, hash: i64) -> Option<&Value> {
        let i = self.find_str(key, hash)?;
        self.slot(i).map(|e| &e.value)
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
        if let Some(i) = self.lookup(hash, &key, eq)?
            && let Some(e) = self.slot_mut(i)
        {
            let old = std::mem::replace(&mut e.value, value);
            self.version = fresh_version();
            return Ok(Some(old));
        }
        self.push_new(hash, key, value);
        Ok(None)
    }

    /// Insert of a str key with no equality callback (see [`DictData::get_str`]).
    pub fn insert_str(&mut self, key: Value, hash: i64, value: Value) -> Option<Value> {
        let found = match key.as_str() {
            Some(k) => self.find_str(k.as_str(), hash),
            None => None,
        };
        if let Some(i) = found
            && let Some(e) = self.slot_mut(i)
        {
            let old = std::mem::replace(&mut e.value, value);
            self.version = fresh_version();
            return Some(old);
        }
        self.push_new(hash, key, value);
        None
    }

    /// The slot of a string key (see [`DictData::slot`]).
    pub fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        // Interned names (see `intern.rs`) match by address, without comparing bytes.
        let matches = |e: &Entry| {
            e.hash == hash
                && e.key.text().is_some_and(|s| {
                    let s = s.as_str();
                    std::ptr::eq(s, key) || s == key
                })
        };
        match &self.slots {
            Slots::Small(_) if self.bloom & bloom_bit(hash) == 0 => None,
            Slots::Small(v) => v.iter().position(|e| e.as_ref().is_some_and(matches)),
            Slots::Big(b) => {
                let BigSlots { entries: v, index } = &**b;
                let slots: &[u32] = match index.get(&hash)? {
                    Bucket::One(i) => std::slice::from_ref(i),
                    Bucket::Many(b) => b,
                };
                slots
                    .iter()
                    .map(|&i| i as usize)
                    .find(|&i| v.get(i).and_then(|e| e.as_ref()).is_some_and(matches))
            }
        }
    }

    /// Stores `value` under the str key `key` (hash `hash`), trying slot `hint` first
    /// (a slot whose key is the identical object). Returns the slot used.
    pub fn store_str_hinted(&mut self, hint: usize, key: &Value, hash: i64, value: Value) -> usize {
        let found = match self.slot(hint) {
            Some(e) if e.key.is(key) => Some(hint),
            _ => key.as_str().and_then(|k| self.find_str(k.as_str(), hash)),
        };
        if let Some(i) = found
            && let Some(e) = self.slot_mut(i)
        {
            e.value = value;
            self.version = fresh_version();
            return i;
        }
        self.push_new(hash, key.clone(), value);
        self.slots() - 1
    }

    /// Appends an entry known not to be present.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        self.len += 1;
        self.bloom |= bloom_bit(hash);
        self.version = fresh_version();
        match &mut self.slots {
            Slots::Small(v) => {
                v.push(Some(Entry { hash, key, value }));
                if v.len() > SMALL {
                    let entries: imbl::Vector<Option<Entry>> =
                        std::mem::take(v).into_iter().collect();
                    self.slots = Slots::Big(Box::new(BigSlots {
                        entries,
                        index: Index::default(),
                    }));
                    self.rebuild_index();
                }
            }
            Slots::Big(b) => {
                let BigSlots { entries: v, index } = &mut **b;
                let i = v.len();
                v.push_back(Some(Entry { hash, key, value }));
                add_to_index(index, hash, i as u32);
            }
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
        let old = match &mut self.slots {
            Slots::Small(v) => v.get_mut(i)?.take()?,
            Slots::Big(b) => {
                let BigSlots { entries: v, index } = &mut **b;
                let old = v.set(i, None)?;
                remove_from_index(index, old.hash, i as u32);
                old
            }
        };
        self.len -= 1;
        self.version = fresh_version();
        if self.len == 0 {
            *self = DictData::default();
        } else if self.slots() > 2 * SMALL && self.len * 2 < self.slots() {
            self.compact();
        }
        Some(old)
    }

    /// Removes and returns the last inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let i = (0..self.slots()).rev().find(|&i| self.slot(i).is_some())?;
        self.remove_slot(i)
    }

    pub fn clear(&mut self) {
        *self = DictData::default();
    }

    fn compact(&mut self) {
        let live: Vec<Option<Entry>> = self.iter().cloned().map(Some).collect();
        self.slots = if live.len() <= SMALL {
            Slots::Small(live)
        } else {
            Slots::Big(Box::new(BigSlots {
                entries: live.into_iter().collect(),
                index: Index::default(),
            }))
        };
        self.rebuild_index();
    }

    fn rebuild_index(&mut self) {
        if let Slots::Big(b) = &mut self.slots {
            let BigSlots { entries: v, index } = &mut **b;
            let mut new = Index::default();
            for (i, e) in v.iter().enumerate() {
                if let Some(e) = e {
                    add_to_index(&mut new, e.hash, i as u32);
                }
            }
            *index = new;
        }
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
    fn absent_keys_and_keys_back_from_big_to_small_are_told_apart() {
        let mut d = DictData::new();
        // Grow past SMALL, delete most (compacts back to Small), then look everything up.
        for i in 0..34 {
            d.insert(i * 7, Value::Int(i * 7), Value::Int(i), &mut int_eq)
                .unwrap();
        }
        for i in 0..18 {
            d.remove(i * 7, &Value::Int(i * 7), &mut int_eq).unwrap();
        }
        assert!(matches!(d.slots, Slots::Small(_)));
        for i in 0..34 {
            let found = d.get(i * 7, &Value::Int(i * 7), &mut int_eq).unwrap();
            assert_eq!(found.is_some(), i >= 18, "key {}", i * 7);
        }
        // Keys whose hashes share no filter bit with the live ones are absent at once;
        // ones that share a bit are still compared.
        for h in [1, 2, 3, 64 + 20 * 7] {
            assert!(d.get(h, &Value::Int(h), &mut int_eq).unwrap().is_none());
        }
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
    fn versions_tag_contents() {
        let mut d = DictData::new();
        assert_eq!(d.version(), 0);
        d.insert(1, Value::Int(1), Value::None, &mut int_eq)
            .unwrap();
        let v1 = d.version();
        assert_ne!(v1, 0);
        let copy = d.clone();
        assert_eq!(copy.version(), v1);
        // Overwriting a value changes the contents, so the version.
        d.insert(1, Value::Int(1), Value::Int(5), &mut int_eq)
            .unwrap();
        let v2 = d.version();
        assert_ne!(v2, v1);
        // A copy mutated the same way still gets a version of its own.
        let mut other = copy.clone();
        other
            .insert(1, Value::Int(1), Value::Int(5), &mut int_eq)
            .unwrap();
        assert!(other.version() != v2 && other.version() != v1);
        d.insert_str(Value::str("k"), 7, Value::None);
        let v3 = d.version();
        assert!(v3 != v2);
        d.remove(7, &Value::str("k"), &mut |_: &Value, _: &Value| {
            Ok::<bool, ()>(true)
        })
        .unwrap();
        assert!(d.version() != v3 && d.version() != 0);
        d.clear();
        assert_eq!(d.version(), 0);
        // Versions from another thread never collide with this thread's.
        let theirs = std::thread::spawn(|| {
            let mut d = DictData::new();
            d.insert(1, Value::Int(1), Value::None, &mut int_eq)
                .unwrap();
            d.version()
        })
        .join()
        .unwrap();
        assert!(![0, v1, v2, v3].contains(&theirs));
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
