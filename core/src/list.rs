//! The state of a `list` (also used by `heapq` on lists): a plain `Vec` while small, a
//! persistent `imbl::Vector` once big.
//!
//! Why two shapes: a list lives in one STM cell, and the first write of a cell in a
//! transaction copies its value (`Tx::modify`); later writes in the same transaction
//! mutate the private copy in place. For a small list a `Vec` copy is a few cache lines,
//! while `imbl` allocates and copies a whole 64-slot chunk (1 KiB) per touched chunk and
//! pays pointer-chasing and reference counts on every index, slice, push and pop
//! (fannkuch spent ~45% of its time in `imbl` chunk copies and drops). A big list keeps
//! the persistent vector so that the first write per transaction stays O(log n), not a
//! full copy (DESIGN.md "Objects").
//!
//! A list is `Small` however long it grows while nobody copies it: alone on the engine
//! (solo mode) updates are made in place and nothing is copied, and a `Vec` is what
//! makes indexing, iteration and `append` cheap (a 1000-item list comprehension took
//! 7x CPython's time on `imbl`). The first copy of a `Small` list longer than
//! [`SMALL_MAX`] (a transaction beside other threads, or one that must keep the old
//! value) makes it `Big`, once (`Clone`), so later copies are O(1) again. A `Big` list
//! goes back to `Small` when an operation leaves it at [`SMALL_MAX`] / 4 items or fewer,
//! so a list that oscillates around the limit does not convert on every step.

use std::ops::Index;

use crate::value::Value;

/// Most items a `Small` list keeps when copied (copying 256 values is ~4 KiB,
/// comparable with one `imbl` path copy plus its allocation).
pub const SMALL_MAX: usize = 256;

/// A list's items.
#[derive(Debug)]
pub enum ListData {
    Small(Vec<Value>),
    Big(imbl::Vector<Value>),
}

impl Clone for ListData {
    /// A copy is what the STM makes of a value it must keep (see the module comment):
    /// a long `Small` list's copy is `Big`, so that the next copy is O(1).
    fn clone(&self) -> ListData {
        match self {
            ListData::Small(v) if v.len() > SMALL_MAX => ListData::Big(v.iter().cloned().collect()),
            ListData::Small(v) => ListData::Small(v.clone()),
            ListData::Big(v) => ListData::Big(v.clone()),
        }
    }
}

impl Default for ListData {
    fn default() -> Self {
        ListData::Small(Vec::new())
    }
}

impl ListData {
    pub fn new() -> ListData {
        ListData::default()
    }

    #[inline]
    pub fn len(&self) -> usize {
        match self {
            ListData::Small(v) => v.len(),
            ListData::Big(v) => v.len(),
        }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        match self {
            ListData::Small(v) => v.get(i),
            ListData::Big(v) => v.get(i),
        }
    }

    pub fn iter(&self) -> Iter<'_> {
        match self {
            ListData::Small(v) => Iter::Small(v.iter()),
            ListData::Big(v) => Iter::Big(v.iter()),
        }
    }

    /// Whether the storage is persistent (big), so that its nodes may be shared with
    /// other lists: one stored handle can then be seen from two lists.
    pub fn is_persistent(&self) -> bool {
        matches!(self, ListData::Big(_))
    }

    /// The items as a contiguous slice when small (fast paths), `None` when big.
    #[inline]
    pub fn as_slice(&self) -> Option<&[Value]> {
        match self {
            ListData::Small(v) => Some(v),
            ListData::Big(_) => None,
        }
    }

    /// Copies the items into a `Vec`.
    pub fn to_vec(&self) -> Vec<Value> {
        match self {
            ListData::Small(v) => v.clone(),
            ListData::Big(v) => v.iter().cloned().collect(),
        }
    }

    /// Replaces item `i` (which must exist), returning the old one.
    #[inline]
    pub fn set(&mut self, i: usize, x: Value) -> Value {
        match self {
            ListData::Small(v) => std::mem::replace(&mut v[i], x),
            ListData::Big(v) => v.set(i, x),
        }
    }

    #[inline]
    pub fn push_back(&mut self, x: Value) {
        match self {
            ListData::Small(v) => v.push(x),
            ListData::Big(v) => v.push_back(x),
        }
    }

    pub fn pop_back(&mut self) -> Option<Value> {
        let x = match self {
            ListData::Small(v) => v.pop(),
            ListData::Big(v) => v.pop_back(),
        };
        self.maybe_shrink();
        x
    }

    /// Inserts `x` before index `i` (`i <= len`).
    pub fn insert(&mut self, i: usize, x: Value) {
        match self {
            ListData::Small(v) => v.insert(i, x),
            ListData::Big(v) => v.insert(i, x),
        }
    }

    /// Removes and returns item `i` (which must exist).
    pub fn remove(&mut self, i: usize) -> Value {
        let x = match self {
            ListData::Small(v) => v.remove(i),
            ListData::Big(v) => v.remove(i),
        };
        self.maybe_shrink();
        x
    }

    pub fn clear(&mut self) {
        *self = ListData::default();
    }

    /// Appends every item of `items`.
    pub fn extend(&mut self, items: impl IntoIterator<Item = Value>) {
        match self {
            ListData::Small(v) => v.extend(items),
            ListData::Big(v) => v.extend(items),
        }
    }

    /// Appends all of `other`'s items (`l += other`).
    pub fn append(&mut self, other: ListData) {
        match (&mut *self, other) {
            (ListData::Big(v), ListData::Big(w)) => v.append(w),
            (_, ListData::Small(w)) => self.extend(w),
            (_, ListData::Big(w)) => self.extend(w),
        }
    }

    /// Items `[start, stop)` as a new list (`start <= stop <= len`).
    pub fn slice(&self, start: usize, stop: usize) -> ListData {
        match self {
            ListData::Small(v) => ListData::Small(v[start..stop].to_vec()),
            ListData::Big(v) => {
                if stop - start <= SMALL_MAX / 4 {
                    ListData::Small(v.iter().skip(start).take(stop - start).cloned().collect())
                } else if start == 0 && stop == v.len() {
                    // O(1): shares the whole tree.
                    ListData::Big(v.clone())
                } else {
                    ListData::Big(v.clone().slice(start..stop))
                }
            }
        }
    }

    /// Replaces items `[start, stop)` with `items` (`start <= stop <= len`): slice
    /// assignment with step 1.
    pub fn splice(&mut self, start: usize, stop: usize, items: Vec<Value>) {
        match self {
            ListData::Small(v) => {
                if stop - start == items.len() {
                    // Same length (fannkuch's prefix reversal): overwrite in place.
                    for (slot, x) in v[start..stop].iter_mut().zip(items) {
                        *slot = x;
                    }
                    return;
                }
                v.splice(start..stop, items);
            }
            ListData::Big(v) => {
                if items.is_empty() && start == 0 {
                    // `del q[:h]` (a queue dropping its consumed head): one split. The
                    // general path's concatenation of an empty front rebuilt the tree.
                    *v = v.split_off(stop);
                } else if items.is_empty() && stop == v.len() {
                    v.truncate(start);
                } else {
                    let mut tail = v.split_off(start);
                    let rest = tail.split_off(stop - start);
                    v.extend(items);
                    v.append(rest);
                }
                self.maybe_shrink();
            }
        }
    }

    /// Reverses the items in place.
    pub fn reverse(&mut self) {
        match self {
            ListData::Small(v) => v.reverse(),
            ListData::Big(v) => {
                let rev: imbl::Vector<Value> = v.iter().rev().cloned().collect();
                *v = rev;
            }
        }
    }

    /// A `Big` list that shrank to a quarter of the limit becomes `Small` again.
    fn maybe_shrink(&mut self) {
        if let ListData::Big(v) = self
            && v.len() <= SMALL_MAX / 4
        {
            *self = ListData::Small(v.iter().cloned().collect());
        }
    }
}

impl Index<usize> for ListData {
    type Output = Value;
    #[inline]
    fn index(&self, i: usize) -> &Value {
        match self {
            ListData::Small(v) => &v[i],
            ListData::Big(v) => &v[i],
        }
    }
}

impl From<Vec<Value>> for ListData {
    fn from(v: Vec<Value>) -> ListData {
        ListData::Small(v)
    }
}

impl FromIterator<Value> for ListData {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> ListData {
        ListData::from(iter.into_iter().collect::<Vec<Value>>())
    }
}

/// Iterator over a list's items.
#[derive(Clone)]
pub enum Iter<'a> {
    Small(std::slice::Iter<'a, Value>),
    Big(imbl::vector::Iter<'a, Value, imbl::shared_ptr::DefaultSharedPtr>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Value;
    #[inline]
    fn next(&mut self) -> Option<&'a Value> {
        match self {
            Iter::Small(i) => i.next(),
            Iter::Big(i) => i.next(),
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Iter::Small(i) => i.size_hint(),
            Iter::Big(i) => i.size_hint(),
        }
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Iter::Small(i) => i.next_back(),
            Iter::Big(i) => i.next_back(),
        }
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a ListData {
    type Item = &'a Value;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(l: &ListData) -> Vec<i64> {
        l.iter()
            .map(|v| match v {
                Value::Int(i) => *i,
                _ => panic!("not an int"),
            })
            .collect()
    }

    #[test]
    fn grows_small_copies_big_and_shrinks_small_with_same_contents() {
        let mut l = ListData::new();
        for i in 0..(SMALL_MAX as i64 + 10) {
            l.push_back(Value::Int(i));
        }
        // Growing alone keeps the vector; the first copy of a long one is persistent,
        // and so is every copy after it.
        assert!(matches!(l, ListData::Small(_)));
        let want: Vec<i64> = (0..SMALL_MAX as i64 + 10).collect();
        assert_eq!(ints(&l), want);
        let mut l = l.clone();
        assert!(matches!(l, ListData::Big(_)));
        assert!(matches!(l.clone(), ListData::Big(_)));
        assert_eq!(ints(&l), want);
        let short: ListData = (0..SMALL_MAX as i64).map(Value::Int).collect();
        assert!(matches!(short.clone(), ListData::Small(_)));
        while l.len() > SMALL_MAX / 4 {
            l.pop_back();
        }
        assert!(matches!(l, ListData::Small(_)));
        assert_eq!(ints(&l), (0..(SMALL_MAX / 4) as i64).collect::<Vec<_>>());
    }

    #[test]
    fn splice_slice_insert_remove_match_vec_semantics() {
        for big in [false, true] {
            let n = if big { 2 * SMALL_MAX } else { 10 };
            let mut l: ListData = (0..n as i64).map(Value::Int).collect::<ListData>().clone();
            assert_eq!(l.is_persistent(), big);
            let mut v: Vec<i64> = (0..n as i64).collect();
            l.splice(2, 5, vec![Value::Int(-1)]);
            v.splice(2..5, [-1]);
            l.splice(0, 3, vec![Value::Int(7), Value::Int(8), Value::Int(9)]);
            v.splice(0..3, [7, 8, 9]);
            l.insert(1, Value::Int(42));
            v.insert(1, 42);
            assert!(matches!(l.remove(3), Value::Int(x) if x == v.remove(3)));
            assert_eq!(ints(&l), v);
            assert_eq!(ints(&l.slice(1, 4)), v[1..4].to_vec());
            l.reverse();
            v.reverse();
            assert_eq!(ints(&l), v);
            assert_eq!(l.iter().rev().count(), v.len());
        }
    }
}
