//! [`Shared<T>`]: an atomically reference-counted pointer, like `std::sync::Arc`, that
//! can be made **immortal**: cloning or dropping an immortal handle only reads its
//! count, so threads that load the same long-lived object (a builtin, a class, a
//! module-level function) at the same time write no shared memory.
//!
//! Why: with `Arc`, every `LOAD_GLOBAL range` in two threads did a `lock xadd` and a
//! `lock xsub` on the one `range` object; the cache line bounced between the cores and
//! two threads doing independent work ran at 1.65x of one. CPython 3.12 made its
//! builtins immortal for the same reason.
//!
//! Counting follows `std::sync::Arc` (strong count; weak count plus one for all strong
//! handles together; the weak count is briefly "locked" to `usize::MAX` by `get_mut`).
//! Immortal means `strong >= IMMORTAL`: [`Shared::make_immortal`] adds `IMMORTAL`, so
//! increments and decrements racing with it keep the count in the immortal range, and it
//! never falls to zero again. An immortal value is never dropped (it is leaked at exit).

use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering, fence};

/// Counts at or above this are immortal.
const IMMORTAL: usize = 1 << (usize::BITS - 2);
/// A mortal count past this means a leak of handles (as `Arc`, abort rather than wrap).
const MAX_MORTAL: usize = IMMORTAL >> 1;
/// `weak` while `get_mut` checks uniqueness.
const WEAK_LOCKED: usize = usize::MAX;

struct Inner<T> {
    strong: AtomicUsize,
    weak: AtomicUsize,
    /// Dropped by the last strong handle; the allocation is freed by the last handle.
    value: ManuallyDrop<T>,
}

/// A strong handle: keeps the value alive.
pub struct Shared<T> {
    ptr: NonNull<Inner<T>>,
    _owns: PhantomData<Inner<T>>,
}

/// A weak handle: the value while strong handles keep it alive.
pub struct WeakShared<T> {
    ptr: NonNull<Inner<T>>,
    _owns: PhantomData<Inner<T>>,
}

// SAFETY: as `Arc<T>`: handles on several threads share `&T` (needs `Sync`) and the last
// one drops `T` on whichever thread it is (needs `Send`); the counts are atomics.
unsafe impl<T: Send + Sync> Send for Shared<T> {}
// SAFETY: as above.
unsafe impl<T: Send + Sync> Sync for Shared<T> {}
// SAFETY: as above (a weak handle can be upgraded on another thread).
unsafe impl<T: Send + Sync> Send for WeakShared<T> {}
// SAFETY: as above.
unsafe impl<T: Send + Sync> Sync for WeakShared<T> {}

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Self::with_count(value, 1)
    }

    /// A handle on a value that is never dropped (see [`Shared::make_immortal`]).
    pub fn new_immortal(value: T) -> Shared<T> {
        Self::with_count(value, IMMORTAL)
    }

    fn with_count(value: T, strong: usize) -> Shared<T> {
        Self::with_counts(value, strong, 1)
    }

    fn with_counts(value: T, strong: usize, weak: usize) -> Shared<T> {
        let inner = Box::new(Inner {
            strong: AtomicUsize::new(strong),
            weak: AtomicUsize::new(weak),
            value: ManuallyDrop::new(value),
        });
        Shared {
            ptr: NonNull::from(Box::leak(inner)),
            _owns: PhantomData,
        }
    }

    /// A new value with a strong and a weak handle, as `new` then `downgrade` but with no
    /// atomic operation (nobody else can see the counts yet): for registries of objects.
    pub fn new_with_weak(value: T) -> (Shared<T>, WeakShared<T>) {
        let strong = Self::with_counts(value, 1, 2);
        let weak = WeakShared {
            ptr: strong.ptr,
            _owns: PhantomData,
        };
        (strong, weak)
    }

    /// The number of strong handles (huge for an immortal value). Exact only while no
    /// other thread clones or drops handles, as for `Arc::strong_count`.
    pub fn strong_count(this: &Shared<T>) -> usize {
        this.inner().strong.load(Ordering::Acquire)
    }

    #[inline(always)]
    fn inner(&self) -> &Inner<T> {
        // SAFETY: this strong handle keeps the allocation (and the value) alive.
        unsafe { self.ptr.as_ref() }
    }

    /// From now on clones and drops of every handle on this value write nothing, and the
    /// value is never dropped. For objects that live as long as the program anyway.
    pub fn make_immortal(&self) {
        if !self.is_immortal() {
            self.inner().strong.fetch_add(IMMORTAL, Ordering::Relaxed);
        }
    }

    #[inline]
    pub fn is_immortal(&self) -> bool {
        self.inner().strong.load(Ordering::Relaxed) >= IMMORTAL
    }

    /// Whether two handles point at the same value.
    #[inline(always)]
    pub fn ptr_eq(a: &Shared<T>, b: &Shared<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The value's address: stable while it lives.
    #[inline(always)]
    pub fn as_ptr(this: &Shared<T>) -> *const T {
        &*this.inner().value
    }

    /// The value, mutably, when this is the only handle (strong or weak) on it.
    pub fn get_mut(this: &mut Shared<T>) -> Option<&mut T> {
        let inner = this.inner();
        // Lock out `downgrade` (as `Arc::is_unique`): with the weak count locked at 1 no
        // weak handle exists or can appear, so a strong count of 1 is ours alone.
        if inner
            .weak
            .compare_exchange(1, WEAK_LOCKED, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            return None;
        }
        let unique = inner.strong.load(Ordering::Acquire) == 1;
        inner.weak.store(1, Ordering::Release);
        if !unique {
            return None;
        }
        // SAFETY: no other handle exists (checked above) and `this` is borrowed mutably,
        // so nobody else can reach the value while the returned borrow lives.
        Some(unsafe { &mut *(*this.ptr.as_ptr()).value })
    }

    pub fn downgrade(this: &Shared<T>) -> WeakShared<T> {
        let weak = &this.inner().weak;
        let mut cur = weak.load(Ordering::Relaxed);
        loop {
            if cur == WEAK_LOCKED {
                std::hint::spin_loop();
                cur = weak.load(Ordering::Relaxed);
                continue;
            }
            match weak.compare_exchange_weak(cur, cur + 1, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => {
                    return WeakShared {
                        ptr: this.ptr,
                        _owns: PhantomData,
                    };
                }
                Err(now) => cur = now,
            }
        }
    }

    /// How many weak handles point at the value.
    pub fn weak_count(this: &Shared<T>) -> usize {
        match this.inner().weak.load(Ordering::Acquire) {
            WEAK_LOCKED => 0,
            n => n - 1,
        }
    }

    /// Drops the value and the strong handles' weak count (the last strong handle is gone).
    #[cold]
    fn drop_slow(&mut self) {
        // SAFETY: the strong count fell to zero: no other strong handle exists, and a weak
        // one cannot upgrade any more, so nobody can reach the value.
        unsafe { ManuallyDrop::drop(&mut (*self.ptr.as_ptr()).value) };
        drop(WeakShared {
            ptr: self.ptr,
            _owns: PhantomData,
        });
    }
}

impl<T> Clone for Shared<T> {
    #[inline(always)]
    fn clone(&self) -> Shared<T> {
        let strong = &self.inner().strong;
        if strong.load(Ordering::Relaxed) < IMMORTAL {
            // Relaxed as `Arc::clone`: the new handle comes from an existing one.
            let old = strong.fetch_add(1, Ordering::Relaxed);
            if old > MAX_MORTAL && old < IMMORTAL {
                std::process::abort();
            }
        }
        Shared {
            ptr: self.ptr,
            _owns: PhantomData,
        }
    }
}

impl<T> Drop for Shared<T> {
    #[inline(always)]
    fn drop(&mut self) {
        let strong = &self.inner().strong;
        if strong.load(Ordering::Relaxed) >= IMMORTAL {
            return;
        }
        if strong.fetch_sub(1, Ordering::Release) != 1 {
            return;
        }
        // Pairs with the other handles' Release decrements: their uses happen before
        // the value is dropped (as `Arc::drop`).
        fence(Ordering::Acquire);
        self.drop_slow();
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T> WeakShared<T> {
    /// Whether the value is gone (no strong handle left); a dead value stays dead.
    pub fn is_dead(&self) -> bool {
        // SAFETY: this weak handle keeps the allocation (not the value) alive.
        unsafe { self.ptr.as_ref().strong.load(Ordering::Acquire) == 0 }
    }

    /// A strong handle, if the value is still alive.
    pub fn upgrade(&self) -> Option<Shared<T>> {
        // SAFETY: this weak handle keeps the allocation (not the value) alive.
        let strong = unsafe { &self.ptr.as_ref().strong };
        let mut cur = strong.load(Ordering::Relaxed);
        loop {
            if cur == 0 {
                return None;
            }
            if cur >= IMMORTAL {
                break;
            }
            if cur > MAX_MORTAL {
                std::process::abort();
            }
            match strong.compare_exchange_weak(cur, cur + 1, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => break,
                Err(now) => cur = now,
            }
        }
        Some(Shared {
            ptr: self.ptr,
            _owns: PhantomData,
        })
    }
}

impl<T> Drop for WeakShared<T> {
    fn drop(&mut self) {
        // SAFETY: this weak handle keeps the allocation alive until its decrement.
        let weak = unsafe { &self.ptr.as_ref().weak };
        if weak.fetch_sub(1, Ordering::Release) == 1 {
            fence(Ordering::Acquire);
            // SAFETY: the last handle of either kind is gone, and the value was dropped
            // by the last strong one (the strong handles' shared weak count was released
            // after that); `value` is a `ManuallyDrop`, so this frees only the block.
            drop(unsafe { Box::from_raw(self.ptr.as_ptr()) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Counts its drops.
    struct Probe(Arc<AtomicUsize>);
    impl Drop for Probe {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn probe() -> (Shared<Probe>, Arc<AtomicUsize>) {
        let drops = Arc::new(AtomicUsize::new(0));
        (Shared::new(Probe(drops.clone())), drops)
    }

    #[test]
    fn the_last_strong_handle_drops_the_value_once() {
        let (a, drops) = probe();
        let b = a.clone();
        drop(a);
        assert_eq!(drops.load(Ordering::Relaxed), 0);
        drop(b);
        assert_eq!(drops.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn new_with_weak_counts_like_new_then_downgrade() {
        let drops = Arc::new(AtomicUsize::new(0));
        let (a, w) = Shared::new_with_weak(Probe(drops.clone()));
        assert_eq!(Shared::weak_count(&a), 1);
        assert_eq!(Shared::strong_count(&a), 1);
        assert!(!w.is_dead());
        let b = w.upgrade().expect("alive");
        assert_eq!(Shared::strong_count(&a), 2);
        drop(a);
        drop(b);
        assert_eq!(drops.load(Ordering::Relaxed), 1);
        assert!(w.is_dead());
        assert!(w.upgrade().is_none());
    }

    #[test]
    fn weak_handles_upgrade_only_while_the_value_lives() {
        let (a, drops) = probe();
        let w = Shared::downgrade(&a);
        assert_eq!(Shared::weak_count(&a), 1);
        let b = w.upgrade().expect("alive");
        assert!(Shared::ptr_eq(&a, &b));
        drop((a, b));
        assert_eq!(drops.load(Ordering::Relaxed), 1);
        assert!(w.upgrade().is_none());
    }

    #[test]
    fn get_mut_needs_the_only_handle() {
        let mut a = Shared::new(5);
        *Shared::get_mut(&mut a).unwrap() += 1;
        let b = a.clone();
        assert!(Shared::get_mut(&mut a).is_none());
        drop(b);
        let w = Shared::downgrade(&a);
        assert!(
            Shared::get_mut(&mut a).is_none(),
            "a weak handle could upgrade"
        );
        drop(w);
        assert_eq!(*Shared::get_mut(&mut a).unwrap(), 6);
    }

    #[test]
    fn immortal_values_are_never_dropped_and_their_counts_do_not_move() {
        let (a, drops) = probe();
        let b = a.clone();
        a.make_immortal();
        let before = a.inner().strong.load(Ordering::Relaxed);
        let clones: Vec<_> = (0..100).map(|_| a.clone()).collect();
        assert_eq!(a.inner().strong.load(Ordering::Relaxed), before);
        let w = Shared::downgrade(&a);
        drop((clones, a, b));
        assert_eq!(drops.load(Ordering::Relaxed), 0);
        let c = w.upgrade().expect("immortal");
        assert!(c.is_immortal());
        let mut d = Shared::new_immortal(1);
        assert!(
            Shared::get_mut(&mut d).is_none(),
            "an immortal value is shared"
        );
    }

    #[test]
    fn threads_cloning_and_dropping_at_once_drop_the_value_exactly_once() {
        for immortal_midway in [false, true] {
            let (a, drops) = probe();
            let hs: Vec<_> = (0..4)
                .map(|t| {
                    let a = a.clone();
                    std::thread::spawn(move || {
                        for i in 0..20_000 {
                            let b = a.clone();
                            if immortal_midway && t == 0 && i == 10_000 {
                                b.make_immortal();
                            }
                            let w = Shared::downgrade(&b);
                            drop(b);
                            assert!(w.upgrade().is_some());
                        }
                    })
                })
                .collect();
            drop(a);
            for h in hs {
                h.join().unwrap();
            }
            let expected = if immortal_midway { 0 } else { 1 };
            assert_eq!(drops.load(Ordering::Relaxed), expected);
        }
    }
}
