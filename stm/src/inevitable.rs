//! The inevitable (irrevocable) transaction: the token, thread registration, and the
//! read filter that lets other transactions keep committing beside it.
//!
//! At most one transaction holds [`TOKEN`] (`owner tid << 2 | state`). It never aborts,
//! so nobody may overwrite what it has read, and its own writes are made in place.
//!
//! **Solo mode.** If, when the token is taken, no other thread is registered with the
//! engine ([`REGISTERED`] == 1), the inevitable transaction runs with no bookkeeping at
//! all: a read is one load of the value pointer, a write swaps the pointer and pushes an
//! undo entry, no cell is locked, no version moves, and commit frees the displaced values
//! directly (nobody else can hold a reference: references live only inside transactions
//! and there are none elsewhere). A thread that registers while a solo transaction runs
//! waits for it to finish (registration and token acquisition are a Dekker pair of
//! SeqCst RMW + SeqCst load, so one of the two always sees the other). Threads register on
//! their first transaction and deregister on exit or [`crate::detach_thread`].
//!
//! **Tracked mode** (other threads registered). Conflict rule:
//! - the inevitable transaction's *writes* lock the cell (CAS, waiting for a committer
//!   that holds it; committers never wait while holding locks, so this terminates) and
//!   keep it locked until it ends: readers and committers that meet the lock abort
//!   ("inevitable in the way") and park until the token is released;
//! - its *reads* set a bit in the global read filter [`BLOOM`] (only one inevitable
//!   transaction exists, so one filter), then a SeqCst fence, then read the cell,
//!   waiting while a committer holds it. A committer, after locking its write set (SeqCst
//!   CAS), loads the token and checks each written cell's bit; if set it releases its
//!   locks and aborts. Either the committer sees the bit, or the inevitable reader sees
//!   the committer's lock and reads only after the write-back; so a committed write never
//!   lands on a cell the inevitable transaction read, and every committer that passes is
//!   serialized before the inevitable transaction's later reads.
//!
//! Committers whose write sets are disjoint from the filter commit normally, so other
//! threads keep making progress beside a long inevitable transaction. A false positive
//! of the filter only costs an abort.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering, fence};

use crossbeam_utils::CachePadded;

use crate::park;
use crate::var::Header;

static TOKEN: CachePadded<AtomicU64> = CachePadded::new(AtomicU64::new(0));
static REGISTERED: CachePadded<AtomicUsize> = CachePadded::new(AtomicUsize::new(0));

const SOLO: u64 = 2;
const TRACKED: u64 = 3;

/// The state of the token as seen by another thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holder {
    None,
    /// A tracked inevitable transaction on another thread: check the filter.
    Tracked,
    /// A solo one (or one still deciding): stay out of its way entirely.
    Exclusive,
}

#[inline(always)]
pub(crate) fn holder(me: u64) -> Holder {
    let t = TOKEN.load(Ordering::SeqCst);
    if t == 0 || t >> 2 == me {
        Holder::None
    } else if t & 3 == TRACKED {
        Holder::Tracked
    } else {
        Holder::Exclusive
    }
}

/// The thread id of the token holder (0: none).
#[inline]
pub(crate) fn holder_tid() -> u64 {
    TOKEN.load(Ordering::Relaxed) >> 2
}

/// Takes the token for thread `me`, parking while another thread holds it.
/// Returns true for solo mode.
pub(crate) fn acquire(me: u64) -> bool {
    loop {
        let cur = TOKEN.load(Ordering::SeqCst);
        if cur == 0 {
            // Optimistically solo; corrected below if anyone else is registered.
            if TOKEN
                .compare_exchange(0, me << 2 | SOLO, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                break;
            }
            continue;
        }
        crate::sync::switch();
        assert!(
            cur >> 2 != me,
            "stmpy-stm: a second inevitable transaction begun on a thread that already runs one"
        );
        park::wait_until(|| TOKEN.load(Ordering::SeqCst) != cur);
    }
    crate::sync::switch();
    // Dekker with `register`: the token CAS above precedes this load (both SeqCst), a
    // registrant's increment precedes its token load; so either we see it here, or it
    // sees our token and stays out of the way. A registrant that saw the token while it
    // said SOLO waits until it changes, and we have done nothing solo yet.
    let solo = REGISTERED.load(Ordering::SeqCst) <= 1;
    if !solo {
        TOKEN.store(me << 2 | TRACKED, Ordering::SeqCst);
        if park::must_wake(|| false) {
            park::wake_all();
        }
    }
    solo
}

/// Releases the token (after the transaction's writes are released or rolled back).
pub(crate) fn release() {
    TOKEN.store(0, Ordering::SeqCst);
    // Token waiters; a commit wakes the waiters on the cells it wrote itself.
    if park::must_wake(|| false) {
        park::wake_all();
    }
}

/// Counts this thread in; then stays out of the way of a solo inevitable transaction
/// that began before we were counted.
pub(crate) fn register(me: u64) {
    REGISTERED.fetch_add(1, Ordering::SeqCst);
    crate::sync::switch();
    wait_while_exclusive(me);
}

pub(crate) fn deregister() {
    REGISTERED.fetch_sub(1, Ordering::SeqCst);
}

/// Parks until no solo inevitable transaction of another thread is running.
pub(crate) fn wait_while_exclusive(me: u64) {
    loop {
        let t = TOKEN.load(Ordering::SeqCst);
        if t == 0 || t >> 2 == me || t & 3 == TRACKED {
            return;
        }
        park::wait_until(|| TOKEN.load(Ordering::SeqCst) != t);
    }
}

/// Parks until the token no longer belongs to the holder seen now.
pub(crate) fn wait_for_release(me: u64) {
    let t = TOKEN.load(Ordering::SeqCst);
    if t == 0 || t >> 2 == me {
        return;
    }
    park::wait_until(|| TOKEN.load(Ordering::SeqCst) != t);
}

// ---- the read filter of the (single) tracked inevitable transaction ----

const BLOOM_WORDS: usize = 64; // 4096 bits
static BLOOM: [AtomicU64; BLOOM_WORDS] = [const { AtomicU64::new(0) }; BLOOM_WORDS];

#[inline(always)]
fn bloom_slot(h: *const Header) -> (usize, u64) {
    let x = (h as usize as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52;
    ((x >> 6) as usize, 1u64 << (x & 63))
}

/// Records a read by the inevitable transaction. Returns the word index touched (the
/// caller remembers it to clear the filter cheaply). The caller must `fence` before
/// reading the cell.
#[inline]
pub(crate) fn bloom_add(h: *const Header) -> usize {
    let (w, bit) = bloom_slot(h);
    let cur = BLOOM[w].load(Ordering::Relaxed);
    if cur & bit == 0 {
        BLOOM[w].store(cur | bit, Ordering::Relaxed);
    }
    w
}

#[inline(always)]
pub(crate) fn bloom_fence() {
    fence(Ordering::SeqCst);
}

/// Did the inevitable transaction (maybe) read `h`? Call after locking `h`.
#[inline]
pub(crate) fn bloom_has(h: *const Header) -> bool {
    let (w, bit) = bloom_slot(h);
    BLOOM[w].load(Ordering::SeqCst) & bit != 0
}

/// Clears the words in `dirty` (a bit per word).
pub(crate) fn bloom_clear(mut dirty: u64) {
    while dirty != 0 {
        let w = dirty.trailing_zeros() as usize;
        BLOOM[w].store(0, Ordering::Release);
        dirty &= dirty - 1;
    }
}
