//! Statistics: commits, aborts by cause, time wasted in aborted attempts, and conflict
//! attribution (cell, aborted site, the other side's site).
//!
//! Cost when off: commit and abort counters are always kept, in per-thread atomics that
//! only the owning thread writes (a plain load + store, no RMW, no shared cache line).
//! Everything else (clock reads for wasted time, the committer's site stored in the
//! cell, the attribution table) happens only while [`enable_stats`] is on, guarded by
//! one relaxed load.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use crate::Site;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Why a transaction attempt was rolled back by the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AbortCause {
    /// A cell it read was overwritten by a later commit.
    Validation = 0,
    /// A cell it needed was locked by a committing transaction.
    LockedCell = 1,
    /// The inevitable transaction holds or has read a cell it needed.
    Inevitable = 2,
    /// The transaction called `retry`.
    Retry = 3,
    /// Spurious abort injected by the stress mode.
    Stress = 4,
}

const CAUSES: usize = 5;

/// One kind of conflict and how often it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRecord {
    pub cause: AbortCause,
    /// Address of the cell (see [`crate::TVar::addr`]); 0 when not tied to one cell.
    pub cell: usize,
    /// Site of the transaction that aborted.
    pub aborted_site: Site,
    /// Site of the transaction that invalidated it (the last committer of the cell, or
    /// the inevitable transaction); 0 when unknown.
    pub other_site: Site,
    pub count: u64,
}

/// A point-in-time sum over all threads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsSnapshot {
    pub commits: u64,
    /// Of which ran inevitable.
    pub inevitable_commits: u64,
    pub aborts_validation: u64,
    pub aborts_locked: u64,
    pub aborts_inevitable: u64,
    pub aborts_retry: u64,
    pub aborts_stress: u64,
    /// Transactions that escalated to inevitable after repeated aborts.
    pub escalations: u64,
    /// Nanoseconds spent in attempts that were rolled back (only while enabled).
    pub wasted_ns: u64,
    /// Conflicts, most frequent first (only while enabled).
    pub conflicts: Vec<ConflictRecord>,
}

impl StatsSnapshot {
    pub fn aborts(&self) -> u64 {
        self.aborts_validation
            + self.aborts_locked
            + self.aborts_inevitable
            + self.aborts_retry
            + self.aborts_stress
    }
}

/// The conflict that doomed this thread's latest aborted attempt (while enabled), for
/// per-abort reports (the interpreter's trace) that need more than the summed table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastConflict {
    pub cause: AbortCause,
    /// Address of the cell (see [`crate::TVar::addr`]); 0 when not tied to one cell.
    pub cell: usize,
    /// Site of the last committer of the cell (0 when unknown).
    pub other_site: Site,
}

thread_local! {
    static LAST_CONFLICT: std::cell::Cell<Option<LastConflict>> =
        const { std::cell::Cell::new(None) };
}

/// Takes the conflict recorded by this thread's latest engine abort (statistics on).
pub fn take_last_conflict() -> Option<LastConflict> {
    LAST_CONFLICT.take()
}

type ConflictKey = (AbortCause, usize, Site, Site);

#[derive(Default)]
pub(crate) struct ThreadStats {
    commits: AtomicU64,
    inevitable_commits: AtomicU64,
    aborts: [AtomicU64; CAUSES],
    escalations: AtomicU64,
    wasted_ns: AtomicU64,
    conflicts: Mutex<HashMap<ConflictKey, u64>>,
}

#[inline(always)]
fn bump(c: &AtomicU64, by: u64) {
    // Only the owning thread writes its counters: load + store, no RMW.
    c.store(
        c.load(Ordering::Relaxed).wrapping_add(by),
        Ordering::Relaxed,
    );
}

impl ThreadStats {
    #[inline(always)]
    pub(crate) fn commit(&self, inevitable: bool) {
        bump(&self.commits, 1);
        if inevitable {
            bump(&self.inevitable_commits, 1);
        }
    }

    #[inline]
    pub(crate) fn abort(&self, cause: AbortCause) {
        bump(&self.aborts[cause as usize], 1);
    }

    pub(crate) fn escalation(&self) {
        bump(&self.escalations, 1);
    }

    pub(crate) fn wasted(&self, ns: u64) {
        bump(&self.wasted_ns, ns);
    }

    pub(crate) fn conflict(&self, cause: AbortCause, cell: usize, mine: Site, other: Site) {
        LAST_CONFLICT.set(Some(LastConflict {
            cause,
            cell,
            other_site: other,
        }));
        let mut m = self.conflicts.lock().unwrap_or_else(|p| p.into_inner());
        *m.entry((cause, cell, mine, other)).or_insert(0) += 1;
    }

    fn add_into(&self, s: &mut StatsSnapshot, table: &mut HashMap<ConflictKey, u64>) {
        let l = |c: &AtomicU64| c.load(Ordering::Relaxed);
        s.commits += l(&self.commits);
        s.inevitable_commits += l(&self.inevitable_commits);
        s.aborts_validation += l(&self.aborts[0]);
        s.aborts_locked += l(&self.aborts[1]);
        s.aborts_inevitable += l(&self.aborts[2]);
        s.aborts_retry += l(&self.aborts[3]);
        s.aborts_stress += l(&self.aborts[4]);
        s.escalations += l(&self.escalations);
        s.wasted_ns += l(&self.wasted_ns);
        let m = self.conflicts.lock().unwrap_or_else(|p| p.into_inner());
        for (k, v) in m.iter() {
            *table.entry(*k).or_insert(0) += v;
        }
    }
}

struct Registry {
    live: Vec<Arc<ThreadStats>>,
    /// Totals of threads that have exited.
    gone: StatsSnapshot,
    gone_table: HashMap<ConflictKey, u64>,
}

static REGISTRY: LazyLock<Mutex<Registry>> = LazyLock::new(|| {
    Mutex::new(Registry {
        live: Vec::new(),
        gone: StatsSnapshot::default(),
        gone_table: HashMap::new(),
    })
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|p| p.into_inner())
}

pub(crate) fn register_thread() -> Arc<ThreadStats> {
    let s = Arc::new(ThreadStats::default());
    registry().live.push(s.clone());
    s
}

pub(crate) fn unregister_thread(s: &Arc<ThreadStats>) {
    let mut r = registry();
    let r = &mut *r;
    r.live.retain(|x| !Arc::ptr_eq(x, s));
    s.add_into(&mut r.gone, &mut r.gone_table);
}

#[inline(always)]
pub(crate) fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Turns detailed statistics (wasted time, conflict attribution) on or off.
pub fn enable_stats(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

pub fn stats_enabled() -> bool {
    enabled()
}

/// Sums the statistics of all threads, live and exited.
pub fn stats() -> StatsSnapshot {
    let r = registry();
    let mut s = r.gone.clone();
    let mut table = r.gone_table.clone();
    for t in &r.live {
        t.add_into(&mut s, &mut table);
    }
    let mut conflicts: Vec<ConflictRecord> = table
        .into_iter()
        .map(
            |((cause, cell, aborted_site, other_site), count)| ConflictRecord {
                cause,
                cell,
                aborted_site,
                other_site,
                count,
            },
        )
        .collect();
    conflicts.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.cause.cmp(&b.cause))
            .then(a.cell.cmp(&b.cell))
    });
    s.conflicts = conflicts;
    s
}
