//! Transactional cells: [`TVar<T>`] and its type-erased [`Header`].
//!
//! Layout of one cell (one heap block: the 40-byte [`Header`], then, for a small
//! 8-aligned `T`, the cell's first value inline):
//!
//! ```text
//! lock   : u64  versioned lock word (see `clock.rs`): version << 1, or owner << 1 | 1
//! value  : *T   the current committed value (a `Box<T>`, never mutated once published)
//! wtx    : u64  serial of the inevitable transaction that owns a private value here
//!               (<< 1, low bit = "a reference to it was handed out"); 0 = none
//! site   : u64  site of the last committer (written only while statistics are on)
//! pins   : u32  retry-waiters parked on this cell (they read its lock word while
//!               unpinned); bit 31 = the owning `TVar` was dropped, last waiter frees
//! touched: bool some transaction has logged a write here (makes `get_mut` copy)
//! holds_undo: bool an undo entry of the running transaction holds a displaced value
//! inline : u16  size of the value slot after the header (0: none)
//! ```
//!
//! The first value lives in the same block as the header, so that reaching an object's
//! state costs one cache miss, not two, and creating a cell one allocation, not two.
//! Every later value is a `Box<T>`. When the inline value is displaced, it is moved out
//! bitwise into a `Box<T>` ([`Header::detach`]) and that box is retired as usual; the
//! bytes left in the slot stay valid for the transactions still reading them (the block
//! outlives them, see below) and are never dropped.
//!
//! The header lives in its own allocation, not inline in `TVar`, because transaction
//! logs hold raw pointers to it after the caller's borrow of the `TVar` may have ended;
//! dropping a `TVar` therefore retires the header through the epoch collector, and every
//! transaction keeps its epoch guard pinned for its whole life, so a logged header is
//! never freed under a running transaction.

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicU64, Ordering};

use crate::tx::Tx;
use crate::{StmResult, atomically};

/// The type-erased part of a cell that the commit protocol works on.
#[repr(C)]
pub(crate) struct Header {
    pub(crate) lock: AtomicU64,
    pub(crate) value: AtomicPtr<()>,
    pub(crate) wtx: AtomicU64,
    pub(crate) site: AtomicU64,
    pub(crate) pins: AtomicU32,
    pub(crate) touched: AtomicBool,
    /// An undo entry of the running inevitable transaction holds a displaced value of
    /// this cell (a rollback would put it back and drop the current one). Cleared when
    /// the transaction ends; a partial rollback leaves it set (it only errs towards
    /// keeping a dropped cell's value until the end, see `tx::on_cell_drop`).
    pub(crate) holds_undo: AtomicBool,
    /// Size of the value slot that follows the header in its block (0: no slot). Set at
    /// creation, never changed.
    inline: u16,
}

/// Bytes of a header; an inline value starts right after it (8-aligned).
const HEADER_SIZE: usize = std::mem::size_of::<Header>();

/// Largest value kept inline (bigger ones would waste their slot once displaced).
const MAX_INLINE: usize = 128;

/// `Header::pins` bit: the `TVar` is gone, the header awaits its last waiter.
pub(crate) const DEAD: u32 = 1 << 31;

impl Header {
    /// Is `p` this cell's inline value slot?
    #[inline(always)]
    pub(crate) fn is_inline(&self, p: *const ()) -> bool {
        self.inline != 0 && p as usize == self as *const Header as usize + HEADER_SIZE
    }

    /// Makes `p`, a value of this cell that is being displaced (retired or freed), an
    /// owned `Box<T>`: `p` itself, or, for the inline value, a bitwise copy in a fresh
    /// box. The slot keeps its bytes, which transactions still reading the old value
    /// may use (the block is freed only after them); they are never dropped, the box
    /// owns the value now.
    ///
    /// # Safety
    /// `p` is a value of this cell that nobody will treat as the cell's value again
    /// (it has been replaced in `value`, or is about to be freed with the cell).
    #[inline]
    pub(crate) unsafe fn detach(&self, p: *mut ()) -> *mut () {
        if !self.is_inline(p) {
            return p;
        }
        // SAFETY: by this function's contract.
        unsafe { self.box_inline(p) }
    }

    #[cold]
    unsafe fn box_inline(&self, p: *mut ()) -> *mut () {
        // An inline `T` is 8-aligned (see `TVar::INLINE`), so this is `Layout::new::<T>()`.
        let layout = Layout::from_size_align(self.inline as usize, 8).expect("small layout");
        // SAFETY: the layout is non-zero-sized (`inline != 0`).
        let b = unsafe { alloc(layout) };
        if b.is_null() {
            handle_alloc_error(layout);
        }
        // SAFETY: `p` is the slot, `inline` bytes of a live value; `b` is fresh. The copy
        // is a move: the caller's contract says the slot is never used as the value again.
        unsafe { std::ptr::copy_nonoverlapping(p as *const u8, b, self.inline as usize) };
        b as *mut ()
    }

    fn block_layout(inline: usize) -> Layout {
        Layout::from_size_align(HEADER_SIZE + inline, 8).expect("small layout")
    }

    /// Frees a header's block (its value already dropped).
    ///
    /// # Safety
    /// `h` came from `TVar::new`, and nothing will use it again.
    unsafe fn free_block(h: *mut Header) {
        // SAFETY: `h` is live until this call.
        let layout = Header::block_layout(unsafe { (*h).inline } as usize);
        // SAFETY: allocated in `TVar::new` with this layout.
        unsafe { dealloc(h as *mut u8, layout) };
    }

    /// Does a parked retry-waiter watch this cell (see `park::must_wake`)?
    #[inline]
    pub(crate) fn watched(&self) -> bool {
        self.pins.load(Ordering::SeqCst) & !DEAD != 0
    }

    /// Keeps the header allocated while a retry-waiter watches it unpinned.
    /// Call while pinned (so the header cannot have been freed yet).
    pub(crate) fn pin_for_wait(&self) {
        self.pins.fetch_add(1, Ordering::AcqRel);
    }

    /// # Safety
    /// `h` must have been pinned with `pin_for_wait` by the caller, once per call.
    pub(crate) unsafe fn unpin_for_wait(h: *const Header) {
        // SAFETY: our pin keeps the header allocated until this decrement.
        let prev = unsafe { (*h).pins.fetch_sub(1, Ordering::AcqRel) };
        if prev == DEAD | 1 {
            // SAFETY: the TVar is gone (its deferred free saw pins > 0, dropped the
            // value and left the header to us) and we were the last waiter.
            unsafe { Header::free_block(h as *mut Header) };
        }
    }
}

const _: () = assert!(std::mem::size_of::<Header>() == 40);
const _: () = assert!(std::mem::align_of::<Header>() == 8);

/// Drops a `Box<T>` given as an erased pointer.
pub(crate) type DropFn = unsafe fn(*mut ());

/// Drops the current value of a dead cell, wherever it is stored.
pub(crate) type DropCellFn = unsafe fn(*mut Header);

/// # Safety
/// `h` is a cell of `T` whose `TVar` is gone and that no transaction can still reach;
/// its value is dropped (once: `value` is nulled).
unsafe fn drop_cell_value<T>(h: *mut Header) {
    // SAFETY: by this function's contract `h` is live and ours.
    let hr = unsafe { &*h };
    let v = hr.value.swap(std::ptr::null_mut(), Ordering::AcqRel);
    if hr.is_inline(v) {
        // SAFETY: the inline value is still the cell's own (never detached, since it is
        // current), and nothing else can reach it.
        unsafe { std::ptr::drop_in_place(v as *mut T) };
    } else {
        // SAFETY: the current value is owned by the cell (committers swap it out before
        // retiring it, so this pointer was never retired).
        unsafe { drop_box::<T>(v) };
    }
}

/// The drop function of a dropped cell whose value is already gone (`CellDrop::ValueNow`).
///
/// # Safety
/// None needed: it does nothing.
pub(crate) unsafe fn drop_no_value(_h: *mut Header) {}

/// # Safety
/// `p` must come from `Box::<T>::into_raw` and be owned by the caller.
pub(crate) unsafe fn drop_box<T>(p: *mut ()) {
    // SAFETY: by this function's contract `p` is an owned `Box<T>`.
    drop(unsafe { Box::from_raw(p as *mut T) });
}

/// A transactional cell holding an immutable `T`.
///
/// Guarantees: a value once published is never mutated; [`Tx::read`] hands out `&T`
/// valid until the transaction ends, without cloning and without writing shared memory.
pub struct TVar<T: Send + Sync + 'static> {
    header: NonNull<Header>,
    _owns: PhantomData<Box<T>>,
}

// SAFETY: the cell only hands out `&T` (shared across threads, needs T: Sync) and moves
// values between threads when another thread commits or frees them (needs T: Send).
// All header fields are atomics.
unsafe impl<T: Send + Sync + 'static> Sync for TVar<T> {}
// SAFETY: as above.
unsafe impl<T: Send + Sync + 'static> Send for TVar<T> {}

impl<T: Send + Sync + 'static> TVar<T> {
    /// Is the first value stored in the header's block? Only for 8-aligned `T` (a
    /// detached copy is then allocated with `Layout::new::<T>()` from the size alone).
    const INLINE: bool = std::mem::size_of::<T>() > 0
        && std::mem::size_of::<T>() <= MAX_INLINE
        && std::mem::align_of::<T>() == 8;

    pub fn new(value: T) -> Self {
        let inline = if Self::INLINE {
            std::mem::size_of::<T>()
        } else {
            0
        };
        let layout = Header::block_layout(inline);
        // SAFETY: the layout is at least a header (non-zero-sized).
        let block = unsafe { alloc(layout) } as *mut Header;
        if block.is_null() {
            handle_alloc_error(layout);
        }
        let value = if Self::INLINE {
            // SAFETY: the block has `size_of::<T>()` bytes after the header, at an
            // 8-aligned offset of an 8-aligned block.
            unsafe {
                let slot = (block as *mut u8).add(HEADER_SIZE) as *mut T;
                slot.write(value);
                slot as *mut ()
            }
        } else {
            Box::into_raw(Box::new(value)) as *mut ()
        };
        let header = Header {
            lock: AtomicU64::new(0),
            value: AtomicPtr::new(value),
            // Created inside a solo/tracked inevitable transaction: its private value
            // from the start (see `tx::new_cell_owner`).
            wtx: AtomicU64::new(crate::tx::new_cell_owner()),
            site: AtomicU64::new(0),
            pins: AtomicU32::new(0),
            touched: AtomicBool::new(false),
            holds_undo: AtomicBool::new(false),
            inline: inline as u16,
        };
        // SAFETY: `block` is allocated, aligned and large enough for a header.
        unsafe { block.write(header) };
        TVar {
            // SAFETY: checked non-null above.
            header: unsafe { NonNull::new_unchecked(block) },
            _owns: PhantomData,
        }
    }

    #[inline(always)]
    pub(crate) fn header(&self) -> &Header {
        // SAFETY: the header is freed only by `Drop` (deferred through the epoch), so it
        // is valid while `self` is borrowed.
        unsafe { self.header.as_ref() }
    }

    /// Reads the value inside `tx`. The reference lives as long as the transaction.
    #[inline]
    pub fn read<'t>(&'t self, tx: &'t Tx) -> StmResult<&'t T> {
        tx.read(self)
    }

    /// Writes a new value inside `tx`; visible to others only once `tx` commits.
    #[inline]
    pub fn write(&self, tx: &Tx, value: T) -> StmResult<()> {
        tx.write(self, value)
    }

    /// Exclusive access without a transaction (the cell is not shared).
    ///
    /// If some transaction ever logged a write to this cell, that transaction may still
    /// hold a pointer to the cell (its borrow having ended) and could publish over the
    /// value; so the first `get_mut` after such a write moves the cell to a fresh header
    /// holding a clone, and retires the old header through the epoch.
    pub fn get_mut(&mut self) -> &mut T
    where
        T: Clone,
    {
        if self.header().touched.load(Ordering::Acquire) {
            let fresh = {
                let guard = crossbeam_epoch::pin();
                let p = self.header().value.load(Ordering::Acquire) as *const T;
                // SAFETY: `p` is the current value; values are retired through the
                // epoch, and we are pinned, so it stays valid while we clone it.
                let v = unsafe { (*p).clone() };
                let fresh = TVar::new(v);
                let old = std::mem::replace(self, fresh);
                drop(old);
                drop(guard);
                self
            };
            let p = fresh.header().value.load(Ordering::Relaxed) as *mut T;
            // SAFETY: the fresh header was created here, no transaction has seen it.
            return unsafe { &mut *p };
        }
        let p = self.header().value.load(Ordering::Acquire) as *mut T;
        // SAFETY: `&mut self` means no borrow of the cell is alive, and no transaction
        // ever logged a write to it (`touched` is false, and a write sets it while the
        // writer still borrows the cell, which happens-before our exclusive borrow), so
        // nothing can replace or free the value while the returned borrow lives.
        unsafe { &mut *p }
    }

    /// A consistent copy of the current committed value, outside any transaction
    /// (or inside the current one, when called from a transaction on this thread).
    pub fn snapshot(&self) -> T
    where
        T: Clone,
    {
        atomically(|tx| Ok(self.read(tx)?.clone()))
    }

    /// The address of the cell, as reported in conflict statistics.
    pub fn addr(&self) -> usize {
        self.header.as_ptr() as usize
    }
}

impl<T: Send + Sync + 'static> Drop for TVar<T> {
    fn drop(&mut self) {
        let entry = (
            self.header.as_ptr() as usize,
            drop_cell_value::<T> as DropCellFn,
        );
        match crate::tx::on_cell_drop(self.header(), entry) {
            CellDrop::FreeNow => {
                // SAFETY: nothing but this `TVar` can reach the header or its value (see
                // `Ctx::private_to_running_solo`), and the header came from `new`.
                unsafe {
                    drop_cell_value::<T>(self.header.as_ptr());
                    Header::free_block(self.header.as_ptr());
                }
            }
            CellDrop::ValueNow => {
                // SAFETY: no transaction can reach the value any more, and nothing will
                // read it (see `CellDrop::ValueNow`); the header stays, queued.
                unsafe { drop_cell_value::<T>(self.header.as_ptr()) };
            }
            CellDrop::Batched => {}
            // Thread-local storage is being torn down: retire this one alone.
            CellDrop::RetireAlone => retire_batch(vec![entry]),
        }
    }
}

/// What dropping a `TVar` does with its header (decided by the thread's context).
pub(crate) enum CellDrop {
    /// Private to the running solo transaction: free it at once.
    FreeNow,
    /// Dropped by the running solo transaction, whose stamp-only undo entries (an
    /// unlogged update: no value to restore) still point at the header: drop the value
    /// now (those entries never read it) and free the header when the transaction ends
    /// (it is queued with [`drop_no_value`]).
    ValueNow,
    /// Queued on the thread's batch of dropped cells. Batched because deferring every
    /// cell on its own overwhelmed the epoch collector (it frees at most a few hundred
    /// deferred items per collection, and collects only every 128 pins), so freed
    /// objects piled up without bound.
    Batched,
    /// No thread context any more.
    RetireAlone,
}

/// A thread that drops this many cells hands them over without waiting for the end of
/// its transaction.
pub(crate) const DROP_BATCH: usize = 4096;

/// How often (in ended transactions) a thread with nothing to hand over flushes the
/// epoch collector anyway.
pub(crate) const FLUSH_EVERY: u32 = 64;

/// Transaction ends that flush after a thread hands garbage to the collector (it is
/// freed two epoch steps later, and the epoch moves at most one step per pin).
pub(crate) const FLUSHES_AFTER_HANDOVER: u32 = 4;

/// Drops the value of a dropped cell and frees its header, unless a parked
/// retry-waiter still watches it (then the last waiter frees it, see
/// [`Header::unpin_for_wait`]).
///
/// # Safety
/// `header` came from `TVar::new`, its `TVar` was dropped, it is freed once, and no
/// transaction can still reach it; `drop_value` is for the cell's `T`.
pub(crate) unsafe fn free_dropped_cell(header: usize, drop_value: DropCellFn) {
    let h = header as *mut Header;
    // SAFETY: see the contract.
    unsafe { drop_value(h) };
    // SAFETY: the header itself is still allocated.
    let hr = unsafe { &*h };
    if hr.pins.fetch_or(DEAD, Ordering::AcqRel) == 0 {
        // SAFETY: no retry-waiter watches the header: we are the last user.
        unsafe { Header::free_block(h) };
    }
}

/// Defers freeing `batch` (header addresses with the drop function of their value)
/// until no pinned thread can still reach one of them: a transaction that logged a
/// header keeps its guard pinned until it ends, so the batch outlives every such log,
/// whenever it is handed over (even while this thread's own transaction runs).
pub(crate) fn retire_batch(batch: Vec<(usize, DropCellFn)>) {
    if batch.is_empty() {
        return;
    }
    let guard = crossbeam_epoch::pin();
    let free = move || {
        for (header, drop_value) in batch {
            // SAFETY: the header came from `TVar::new` and its `TVar` was dropped (each
            // header is in one batch, once); this runs after every transaction that
            // could have logged it has unpinned; `drop_value` is for the cell's `T`.
            unsafe { free_dropped_cell(header, drop_value) };
        }
    };
    // SAFETY: `free` only touches the headers and values of `Send + 'static` cells; it
    // runs once no pinned thread can still reach them.
    unsafe { guard.defer_unchecked(free) };
    // Push the batch to the global queue and collect what has expired.
    guard.flush();
}

impl<T: Default + Send + Sync + 'static> Default for TVar<T> {
    fn default() -> Self {
        TVar::new(T::default())
    }
}

impl<T: std::fmt::Debug + Send + Sync + Clone + 'static> std::fmt::Debug for TVar<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TVar").finish_non_exhaustive()
    }
}

/// A handle `P` together with a direct handle on a cell that `P` owns, so that reaching
/// the cell does not load it through `P` (one dependent memory access less: the VM's
/// instance attribute loads go instance -> cell instead of instance -> namespace dict
/// object -> cell).
///
/// Sound for any `P`: the alias copies the `TVar`'s header pointer, which changes only
/// when the `TVar` is dropped or reached mutably (`get_mut`). The `TVar` is reached
/// through `&P` (the projection's lifetime ties it to the borrow), so it lives at least
/// as long as `P` is alive and not mutated, and `OwnedCell` hands out only `&P`. Moving
/// `P` may move the `TVar` handle but never its header.
///
/// Or, made with [`OwnedCell::standalone`], a cell of its own with no owner (an object
/// that needs no separate owner of its state uses the same type and the same access).
pub struct OwnedCell<P, T: Send + Sync + 'static> {
    /// `None`: `alias` is not an alias but the cell itself, owned here.
    owner: Option<P>,
    alias: std::mem::ManuallyDrop<TVar<T>>,
}

impl<P, T: Send + Sync + 'static> OwnedCell<P, T> {
    pub fn new(owner: P, project: impl for<'a> FnOnce(&'a P) -> &'a TVar<T>) -> Self {
        let header = project(&owner).header;
        OwnedCell {
            owner: Some(owner),
            // Never dropped: the `TVar` reached through `owner` owns the cell.
            alias: std::mem::ManuallyDrop::new(TVar {
                header,
                _owns: PhantomData,
            }),
        }
    }
    /// A cell of its own, no owner: dropped with this handle.
    pub fn standalone(cell: TVar<T>) -> Self {
        OwnedCell {
            owner: None,
            alias: std::mem::ManuallyDrop::new(cell),
        }
    }
    /// The owner (`None` for a standalone cell).
    #[inline(always)]
    pub fn owner(&self) -> Option<&P> {
        self.owner.as_ref()
    }
    /// The cell (the same header as the one `owner` holds).
    #[inline(always)]
    pub fn cell(&self) -> &TVar<T> {
        &self.alias
    }
}

impl<P, T: Send + Sync + 'static> Drop for OwnedCell<P, T> {
    fn drop(&mut self) {
        if self.owner.is_none() {
            // SAFETY: a standalone cell: `alias` is the only handle on it (made from an
            // owned `TVar` in `standalone`, never copied out), dropped once, here.
            unsafe { std::mem::ManuallyDrop::drop(&mut self.alias) };
        }
    }
}
