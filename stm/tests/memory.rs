//! Memory stays bounded: 10^6 overwrites of one cell (optimistic, inevitable, and
//! from two threads), and 10^6 cells created and dropped inside one long solo
//! transaction, and 250,000 cells dropped together after their transaction ended, leave
//! live heap memory bounded, measured with a counting global
//! allocator (which is why this test has a file of its own, with one test).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering};

use stmpy_stm::{TVar, Tx, TxMode, atomically};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: forwards to the system allocator, only counting bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

const N: usize = 1_000_000;
/// Each value is a 256-byte payload: 10^6 leaked ones would be 256 MB.
type Payload = [u64; 32];

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

#[test]
fn a_million_overwrites_leave_memory_bounded() {
    let cell = Arc::new(TVar::new([0u64; 32]));
    // Warm up thread-local logs and the epoch machinery.
    atomically(|tx| cell.write(tx, [1; 32]));
    let base = live();
    let mut peak = 0;
    for i in 0..N {
        if i % 4 == 0 {
            let tx = Tx::begin(TxMode::Inevitable);
            let v: Payload = *cell.read(&tx).unwrap();
            cell.write(&tx, [v[0] + 1; 32]).unwrap();
            tx.commit().unwrap();
        } else {
            atomically(|tx| {
                let v = cell.read(tx)?[0];
                cell.write(tx, [v + 1; 32])
            });
        }
        if i % 1024 == 0 {
            peak = peak.max(live() - base);
        }
    }
    // Another thread overwriting too (its retired values go through the epoch).
    let c2 = cell.clone();
    std::thread::spawn(move || {
        for _ in 0..N / 10 {
            atomically(|tx| tx.modify(&c2, |v| v[0] += 1));
        }
    })
    .join()
    .unwrap();
    peak = peak.max(live() - base);
    assert_eq!(cell.snapshot()[0], 1 + (N + N / 10) as u64);
    // Epoch bags hold at most a few thousand retired values at any time.
    assert!(peak < 4 << 20, "peak live growth {peak} bytes");
    // Flush what is still deferred, then the growth must be small.
    for _ in 0..1000 {
        atomically(|tx| cell.read(tx).map(|_| ()));
    }
    let after = live() - base;
    assert!(
        after < 1 << 20,
        "live growth after {N} overwrites: {after} bytes"
    );

    // One long solo inevitable transaction creating, writing and dropping a million
    // cells (what an interpreter does inside `list(generator)`): their memory must be
    // freed as they die, not when the transaction (which keeps its epoch guard pinned)
    // ends.
    let base = live();
    let mut peak = 0;
    let tx = Tx::begin(TxMode::Inevitable);
    let mut sum = 0;
    for i in 0..N {
        let c = TVar::new([i as u64; 32]);
        c.write(&tx, [i as u64 + 1; 32]).unwrap();
        tx.modify(&c, |v| v[1] += 1).unwrap();
        sum += c.read(&tx).unwrap()[1];
        drop(c);
        if i % 1024 == 0 {
            peak = peak.max(live() - base);
        }
    }
    tx.commit().unwrap();
    assert_eq!(sum, (N as u64) * (N as u64 + 1) / 2 + N as u64);
    assert!(
        peak < 1 << 20,
        "peak live growth {peak} bytes inside one transaction"
    );

    // Cells that outlive the transaction that made them and die together later (a big
    // list of objects dropped at once) go through the epoch collector; a few more
    // transaction ends must free them, not only the next periodic flush (that kept
    // ~800 MB alive in the interpreter's float_objects benchmark).
    let base = live();
    let cells: Vec<TVar<Payload>> =
        atomically(|_| Ok((0..N / 4).map(|i| TVar::new([i as u64; 32])).collect()));
    let grown = live() - base;
    assert!(
        grown > (N / 4 * 256) as isize,
        "the cells were allocated: {grown}"
    );
    // Dropped inside a transaction (which keeps its guard pinned, so the epoch cannot
    // move on while it runs), as the interpreter does.
    let tx = Tx::begin(TxMode::Inevitable);
    drop(cells);
    tx.commit().unwrap();
    for _ in 0..8 {
        atomically(|tx| cell.read(tx).map(|_| ()));
    }
    let after = live() - base;
    assert!(
        after < 4 << 20,
        "{} cells dropped together still hold {after} bytes after 8 transactions",
        N / 4
    );
}
