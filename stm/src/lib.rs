//! stmpy-stm: the software transactional memory engine.
//!
//! **Status: API placeholder.** This file pins the public API that `core/` and `vm/`
//! build against. The implementation below serialises every transaction behind one
//! global lock (correct, not scalable); it is being replaced by the real TL2-class engine
//! (see ARCHITECTURE.md). The signatures are the contract: keep them.
//!
//! Contract:
//! - [`TVar<T>`] is a transactional cell holding an immutable `T`. A write publishes a
//!   new value; it never mutates a value someone may be reading.
//! - [`Tx::read`] returns `&'t T` valid until the transaction ends (no clone of `T`).
//! - [`atomically`] runs a closure as one transaction, re-running it on conflict.
//!   Nested calls flatten into the outer transaction.
//! - An error returned by the closure ([`TxError::User`]) rolls the transaction back and
//!   is returned; it is not retried. A panic rolls back and propagates.
//! - [`StmError::Retry`] (from [`Tx::retry`]) blocks until a cell the transaction read
//!   changes, then re-runs.

use std::any::Any;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Why a transaction cannot go on. Kept apart from user (Python) errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StmError {
    /// Another transaction committed a conflicting write: roll back and re-run.
    Conflict,
    /// The transaction asked to block until something it read changes.
    Retry,
}

pub type StmResult<T> = Result<T, StmError>;

/// Result of a transaction body that may also fail with a user error `E`.
#[derive(Debug)]
pub enum TxError<E> {
    Stm(StmError),
    User(E),
}

impl<E> From<StmError> for TxError<E> {
    fn from(e: StmError) -> Self {
        TxError::Stm(e)
    }
}

/// How a transaction runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxMode {
    /// Optimistic: logged reads and writes, validated at commit, may abort.
    Optimistic,
    /// Irrevocable: never aborts; at most one at a time.
    Inevitable,
}

/// An opaque label naming where a transaction (or a read/write) comes from, used for
/// conflict attribution. The VM passes an encoded source location. 0 means "unknown".
pub type Site = u64;

/// A transactional cell.
pub struct TVar<T> {
    value: UnsafeCell<Arc<T>>,
}

// SAFETY: all access to `value` happens while holding GLOBAL (placeholder
// engine), so there are no data races; T itself must be Send + Sync to be shared.
unsafe impl<T: Send + Sync> Sync for TVar<T> {}
// SAFETY: as above; moving the cell moves an Arc<T> with T: Send + Sync.
unsafe impl<T: Send + Sync> Send for TVar<T> {}

impl<T: Send + Sync + 'static> TVar<T> {
    pub fn new(value: T) -> Self {
        TVar {
            value: UnsafeCell::new(Arc::new(value)),
        }
    }

    /// Reads the value inside `tx`. The reference lives as long as the transaction.
    pub fn read<'t>(&'t self, tx: &'t Tx) -> StmResult<&'t T> {
        tx.read(self)
    }

    /// Writes a new value inside `tx`; visible to others only once `tx` commits.
    pub fn write(&self, tx: &Tx, value: T) -> StmResult<()> {
        tx.write(self, value)
    }

    /// Exclusive access without a transaction (the cell is not shared).
    pub fn get_mut(&mut self) -> &mut T
    where
        T: Clone,
    {
        Arc::make_mut(self.value.get_mut())
    }

    /// A consistent copy of the current committed value, outside any transaction.
    pub fn snapshot(&self) -> T
    where
        T: Clone,
    {
        atomically(|tx| Ok(self.read(tx)?.clone()))
    }
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

static GLOBAL: Mutex<()> = Mutex::new(());
static CHANGED: Condvar = Condvar::new();

type UndoEntry = Box<dyn FnOnce()>;

/// A running transaction. Not `Send`: it belongs to the thread that began it.
pub struct Tx {
    _guard: MutexGuard<'static, ()>,
    /// Old values replaced by writes: kept alive so `&'t T` handed out earlier stays valid.
    keep_alive: RefCell<Vec<Arc<dyn Any + Send + Sync>>>,
    undo: RefCell<Vec<UndoEntry>>,
    mode: TxMode,
    site: Cell<Site>,
}

impl Tx {
    /// Begins a transaction on this thread.
    pub fn begin(mode: TxMode) -> Tx {
        let guard = GLOBAL.lock().unwrap_or_else(|p| p.into_inner());
        Tx {
            _guard: guard,
            keep_alive: RefCell::new(Vec::new()),
            undo: RefCell::new(Vec::new()),
            mode,
            site: Cell::new(0),
        }
    }

    pub fn mode(&self) -> TxMode {
        self.mode
    }

    pub fn is_inevitable(&self) -> bool {
        self.mode == TxMode::Inevitable
    }

    /// Makes this transaction irrevocable (it will not abort from now on).
    pub fn become_inevitable(&mut self) -> StmResult<()> {
        self.mode = TxMode::Inevitable;
        Ok(())
    }

    /// Labels the code this transaction is running, for conflict attribution.
    pub fn set_site(&self, site: Site) {
        self.site.set(site);
    }

    pub fn read<'t, T: Send + Sync + 'static>(&'t self, var: &'t TVar<T>) -> StmResult<&'t T> {
        // SAFETY: GLOBAL is held by this transaction, so no other thread touches `var`;
        // the Arc currently stored is kept alive until the transaction ends (a write
        // moves the old Arc into `keep_alive`), so the reference stays valid for 't.
        let arc: &Arc<T> = unsafe { &*var.value.get() };
        Ok(&**arc)
    }

    pub fn write<T: Send + Sync + 'static>(&self, var: &TVar<T>, value: T) -> StmResult<()> {
        let new = Arc::new(value);
        // SAFETY: GLOBAL is held, so this thread has exclusive access to the cell; no
        // `&Arc<T>` into the slot outlives this statement (readers deref the Arc itself).
        let old = unsafe { std::mem::replace(&mut *var.value.get(), new) };
        let ptr = var as *const TVar<T> as usize;
        let restore = old.clone();
        self.undo.borrow_mut().push(Box::new(move || {
            // SAFETY: runs only during rollback, while GLOBAL is still held and the
            // TVar is still alive (it is borrowed by the running transaction's caller).
            unsafe {
                let var = &*(ptr as *const TVar<T>);
                *var.value.get() = restore;
            }
        }));
        self.keep_alive.borrow_mut().push(old);
        Ok(())
    }

    /// Updates the value in place through `f`. Semantically `read` + clone + `write`, but
    /// the engine may skip the clone when this transaction already holds a private copy
    /// that no earlier `read` has handed out (the common `list.append` pattern).
    pub fn modify<T: Clone + Send + Sync + 'static, R>(
        &self,
        var: &TVar<T>,
        f: impl FnOnce(&mut T) -> R,
    ) -> StmResult<R> {
        let mut v = self.read(var)?.clone();
        let r = f(&mut v);
        self.write(var, v)?;
        Ok(r)
    }

    /// Aborts and blocks until a cell this transaction read changes.
    pub fn retry<R>(&self) -> StmResult<R> {
        Err(StmError::Retry)
    }

    /// Commits. Consumes the transaction, so no reference from it survives.
    pub fn commit(self) -> StmResult<()> {
        let wrote = !self.undo.borrow().is_empty();
        self.undo.borrow_mut().clear();
        if wrote {
            CHANGED.notify_all();
        }
        Ok(())
    }

    /// Rolls back every write of this transaction.
    pub fn abort(self) {
        let undo = std::mem::take(&mut *self.undo.borrow_mut());
        for u in undo.into_iter().rev() {
            u();
        }
    }

    /// Rolls back, then blocks until a cell this transaction read is changed by a commit
    /// (what [`StmError::Retry`] asks for).
    pub fn abort_and_wait(self) {
        let undo = std::mem::take(&mut *self.undo.borrow_mut());
        for u in undo.into_iter().rev() {
            u();
        }
        let Tx { _guard, .. } = self;
        drop(CHANGED.wait(_guard));
    }
}

thread_local! {
    static CURRENT: Cell<*const Tx> = const { Cell::new(std::ptr::null()) };
}

/// Runs `f` as one transaction and returns its result; re-runs on conflict.
pub fn atomically<R>(mut f: impl FnMut(&Tx) -> StmResult<R>) -> R {
    match try_atomically(|tx| f(tx).map_err(TxError::<std::convert::Infallible>::Stm)) {
        Ok(r) => r,
        Err(never) => match never {},
    }
}

/// Like [`atomically`], but the body may fail with a user error, which rolls the
/// transaction back and is returned (not retried).
pub fn try_atomically<R, E>(mut f: impl FnMut(&Tx) -> Result<R, TxError<E>>) -> Result<R, E> {
    let outer = CURRENT.with(|c| c.get());
    if !outer.is_null() {
        // SAFETY: CURRENT is set only while the outer transaction is alive on this
        // thread (it is reset before the outer Tx is dropped), so the pointer is valid.
        let tx = unsafe { &*outer };
        return match f(tx) {
            Ok(r) => Ok(r),
            Err(TxError::User(e)) => Err(e),
            // Flattened nesting: a conflict inside aborts the whole outer transaction.
            Err(TxError::Stm(s)) => panic_free_propagate(s),
        };
    }
    loop {
        let tx = Tx::begin(TxMode::Optimistic);
        CURRENT.with(|c| c.set(&tx as *const Tx));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&tx)));
        CURRENT.with(|c| c.set(std::ptr::null()));
        match result {
            Ok(Ok(r)) => {
                if tx.commit().is_ok() {
                    return Ok(r);
                }
            }
            Ok(Err(TxError::User(e))) => {
                tx.abort();
                return Err(e);
            }
            Ok(Err(TxError::Stm(StmError::Conflict))) => tx.abort(),
            Ok(Err(TxError::Stm(StmError::Retry))) => tx.abort_and_wait(),
            Err(panic) => {
                tx.abort();
                std::panic::resume_unwind(panic);
            }
        }
    }
}

fn panic_free_propagate<R, E>(_s: StmError) -> Result<R, E> {
    // The placeholder engine never conflicts; a nested Retry cannot be expressed through
    // the user-error channel, so it is reported loudly rather than silently ignored.
    unreachable!("nested transaction signalled {_s:?}; the placeholder engine never does")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_your_writes_and_rollback_on_user_error() {
        let a = TVar::new(1i64);
        let r: Result<(), &str> = try_atomically(|tx| {
            a.write(tx, 5)?;
            assert_eq!(*a.read(tx)?, 5);
            Err(TxError::User("boom"))
        });
        assert_eq!(r, Err("boom"));
        assert_eq!(a.snapshot(), 1);
    }

    #[test]
    fn counters_from_threads_lose_nothing() {
        let c = Arc::new(TVar::new(0u64));
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let c = c.clone();
                std::thread::spawn(move || {
                    for _ in 0..1000 {
                        atomically(|tx| {
                            let v = *c.read(tx)?;
                            c.write(tx, v + 1)
                        });
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(c.snapshot(), 4000);
    }
}
