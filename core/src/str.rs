//! `str`: immutable UTF-8 text with its character count, an ASCII flag (O(1) indexing and
//! slicing for ASCII text) and a lazily computed, cached hash.

use std::sync::atomic::{AtomicI64, Ordering};

use compact_str::CompactString;

/// The payload of a `str` object.
pub struct PyStr {
    /// Text of up to 24 bytes (most words, keys and attribute names) is stored inline,
    /// in the object itself, longer text on the heap; growable, so `s += t` on a str
    /// nobody else holds appends in place with amortized growth (see `push_str`).
    s: CompactString,
    char_len: usize,
    /// `hash(s)`, or `NO_HASH` until first computed. Written with a plain relaxed store:
    /// every thread computes the same number, so a race only repeats work.
    hash: AtomicI64,
}

/// Python hashes are never -1, so it marks "not computed yet".
const NO_HASH: i64 = -1;

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_compact(CompactString::new(s))
    }
    pub fn from_string(mut s: String) -> PyStr {
        // Give back a big unused tail (a formatting buffer's), not a small one: shrinking
        // is a reallocation and a copy. Short text moves inline (and the buffer is freed).
        if s.capacity() - s.len() > 32 + s.len() / 4 {
            s.shrink_to_fit();
        }
        PyStr::from_compact(CompactString::from(s))
    }
    fn from_compact(s: CompactString) -> PyStr {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            char_len,
            hash: AtomicI64::new(NO_HASH),
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in characters (code points), as `len()` reports it.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
    /// `hash(s)`: FNV-1a over the bytes, mixed; stable within a process (CPython's is
    /// randomised per process, so programs cannot depend on the exact numbers).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != NO_HASH {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
    /// The character at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }
    /// Byte offset of character index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }
    /// Appends `t` (the in-place `s += t` of a str no one else can see).
    pub fn push_str(&mut self, t: &PyStr) {
        self.s.push_str(&t.s);
        self.char_len += t.char_len;
        *self.hash.get_mut() = NO_HASH;
    }
    /// Characters `[start, stop)` by character index.
    pub fn substring(&self, start: usize, stop: usize) -> &str {
        if stop <= start {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(stop);
        &self.s[a..b]
    }
}

/// The hash of a str (a `const fn`, so hashes of fixed names can be constants).
pub const fn str_hash(s: &str) -> i64 {
    let bytes = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h ^= h >> 29;
    let h = (h >> 1) as i64;
    if h == -1 { -2 } else { h }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_unicode_indexing() {
        let a = PyStr::new("hello");
        assert!(a.is_ascii());
        assert_eq!(a.char_len(), 5);
        assert_eq!(a.char_at(1), Some('e'));
        assert_eq!(a.substring(1, 3), "el");
        let u = PyStr::new("héllo wörld");
        assert!(!u.is_ascii());
        assert_eq!(u.char_len(), 11);
        assert_eq!(u.char_at(1), Some('é'));
        assert_eq!(u.char_at(7), Some('ö'));
        assert_eq!(u.substring(1, 4), "éll");
        assert_eq!(u.char_at(11), None);
    }

    #[test]
    fn hash_is_cached_and_consistent() {
        let a = PyStr::new("abc");
        let b = PyStr::from_string("abc".to_string());
        assert_eq!(a.hash(), b.hash());
        assert_eq!(a.hash(), a.hash());
        assert_ne!(a.hash(), PyStr::new("abd").hash());
    }
}
