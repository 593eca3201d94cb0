//! The timer service behind timeouts: `alarm(d)` returns a fresh cell that one service
//! thread sets to `true` (in a transaction) once `d` has passed. A waiter that read the
//! cell before `retry` is woken by that commit like by any other change it read.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use stmpy_core::stm::TVar;

struct Alarm {
    at: Instant,
    seq: u64,
    cell: Arc<TVar<bool>>,
}

impl PartialEq for Alarm {
    fn eq(&self, o: &Self) -> bool {
        (self.at, self.seq) == (o.at, o.seq)
    }
}
impl Eq for Alarm {}
impl PartialOrd for Alarm {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Alarm {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        (self.at, self.seq).cmp(&(o.at, o.seq))
    }
}

#[derive(Default)]
struct Queue {
    heap: BinaryHeap<Reverse<Alarm>>,
    seq: u64,
}

struct Service {
    queue: Mutex<Queue>,
    wake: Condvar,
}

fn service() -> &'static Service {
    static S: OnceLock<&'static Service> = OnceLock::new();
    S.get_or_init(|| {
        let s: &'static Service = Box::leak(Box::new(Service {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
        }));
        let _ = std::thread::Builder::new()
            .name("stmpy-timer".into())
            .spawn(move || run(s));
        s
    })
}

/// A cell that becomes `true` once `after` has passed.
pub fn alarm(after: Duration) -> Arc<TVar<bool>> {
    let cell = Arc::new(TVar::new(false));
    let s = service();
    let mut q = s.queue.lock().unwrap_or_else(|p| p.into_inner());
    q.seq += 1;
    let seq = q.seq;
    q.heap.push(Reverse(Alarm {
        at: Instant::now() + after,
        seq,
        cell: cell.clone(),
    }));
    drop(q);
    s.wake.notify_one();
    cell
}

fn run(s: &'static Service) {
    let mut q = s.queue.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        let now = Instant::now();
        let mut due = Vec::new();
        while let Some(Reverse(a)) = q.heap.peek() {
            if a.at > now {
                break;
            }
            if let Some(Reverse(a)) = q.heap.pop() {
                due.push(a.cell);
            }
        }
        if !due.is_empty() {
            drop(q);
            stmpy_core::stm::atomically(|tx| {
                for c in &due {
                    tx.write(c, true)?;
                }
                Ok(())
            });
            // Leave the engine so a lone Python thread keeps its solo fast path.
            stmpy_core::stm::detach_thread();
            q = s.queue.lock().unwrap_or_else(|p| p.into_inner());
            continue;
        }
        q = match q.heap.peek().map(|Reverse(a)| a.at) {
            Some(at) => {
                let wait = at.saturating_duration_since(now);
                s.wake
                    .wait_timeout(q, wait)
                    .map(|(g, _)| g)
                    .unwrap_or_else(|p| p.into_inner().0)
            }
            None => s.wake.wait(q).unwrap_or_else(|p| p.into_inner()),
        };
    }
}
