//! STM micro-benchmarks: stmpy-stm against `std::sync::Mutex`, the `stm` 0.4 crate and
//! `kovan-stm` 0.2, in the same run.
//!
//! Run: `cargo bench --bench stm -- --warm-up-time 1 --measurement-time 3`
//!
//! Two-thread benchmarks report the *aggregate* time per transaction (wall time of both
//! threads doing `iters` transactions each, divided by `2 * iters`), so "2 threads
//! scale 1.8x" reads as: 2-thread figure <= 1-thread figure / 1.8.

use std::hint::black_box;
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

// The allocator of the `stmpy` binary (every cell write allocates the new value).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use stmpy_stm::{ClockScheme, TVar, Tx, TxMode, atomically, set_clock_scheme};

fn read_only(c: &mut Criterion) {
    let mut g = c.benchmark_group("read_only");
    for n in [1usize, 2, 8] {
        let cells: Vec<TVar<u64>> = (0..n as u64).map(TVar::new).collect();
        g.bench_function(format!("stmpy/{n}"), |b| {
            b.iter(|| {
                atomically(|tx| {
                    let mut s = 0;
                    for c in &cells {
                        s += *c.read(tx)?;
                    }
                    Ok(black_box(s))
                })
            })
        });
        let m = Mutex::new((0..n as u64).collect::<Vec<u64>>());
        g.bench_function(format!("mutex/{n}"), |b| {
            b.iter(|| black_box(m.lock().unwrap().iter().sum::<u64>()))
        });
        let cells: Vec<stm::TVar<u64>> = (0..n as u64).map(stm::TVar::new).collect();
        g.bench_function(format!("stm-0.4/{n}"), |b| {
            b.iter(|| {
                stm::atomically(|tx| {
                    let mut s = 0;
                    for c in &cells {
                        s += c.read(tx)?;
                    }
                    Ok(black_box(s))
                })
            })
        });
        let cells: Vec<kovan_stm::TVar<u64>> = (0..n as u64).map(kovan_stm::TVar::new).collect();
        g.bench_function(format!("kovan-stm/{n}"), |b| {
            b.iter(|| {
                kovan_stm::atomically(|tx| {
                    let mut s = 0;
                    for c in &cells {
                        s += tx.load(c)?;
                    }
                    Ok(black_box(s))
                })
            })
        });
    }
    g.finish();
}

fn stmpy_transfer(a: &TVar<i64>, b: &TVar<i64>) {
    atomically(|tx| {
        let x = *a.read(tx)?;
        let y = *b.read(tx)?;
        a.write(tx, x - 1)?;
        b.write(tx, y + 1)
    })
}

fn transfer_1t(c: &mut Criterion) {
    let mut g = c.benchmark_group("transfer_1thread");
    for (name, scheme) in [
        ("stmpy-gv4", ClockScheme::Gv4),
        ("stmpy-gv1", ClockScheme::Gv1),
    ] {
        set_clock_scheme(scheme);
        let (a, b2) = (TVar::new(1000i64), TVar::new(0i64));
        g.bench_function(name, |b| b.iter(|| stmpy_transfer(&a, &b2)));
    }
    set_clock_scheme(ClockScheme::Gv4);
    let m = Mutex::new((1000i64, 0i64));
    g.bench_function("mutex", |b| {
        b.iter(|| {
            let mut p = m.lock().unwrap();
            p.0 -= 1;
            p.1 += 1;
        })
    });
    let (a, b2) = (stm::TVar::new(1000i64), stm::TVar::new(0i64));
    g.bench_function("stm-0.4", |b| {
        b.iter(|| {
            stm::atomically(|tx| {
                let x = a.read(tx)?;
                let y = b2.read(tx)?;
                a.write(tx, x - 1)?;
                b2.write(tx, y + 1)
            })
        })
    });
    let (a, b2) = (kovan_stm::TVar::new(1000i64), kovan_stm::TVar::new(0i64));
    g.bench_function("kovan-stm", |b| {
        b.iter(|| {
            kovan_stm::atomically(|tx| {
                let x = tx.load(&a)?;
                let y = tx.load(&b2)?;
                tx.store(&a, x - 1)?;
                tx.store(&b2, y + 1)
            })
        })
    });
    g.finish();
}

fn inevitable_solo(c: &mut Criterion) {
    let mut g = c.benchmark_group("inevitable_solo");
    let (a, b2) = (TVar::new(1000i64), TVar::new(0i64));
    g.bench_function("stmpy/1read+1write", |b| {
        b.iter(|| {
            let tx = Tx::begin(TxMode::Inevitable);
            let x = *a.read(&tx).unwrap();
            b2.write(&tx, x + 1).unwrap();
            tx.commit().unwrap();
        })
    });
    g.finish();
}

/// Each thread's disjoint pair starts `SPREAD` cells after the previous thread's, so
/// "disjoint" cells never share a cache line (cells allocated one after another do:
/// a header is 40 bytes); false sharing is a property of the allocation, not the STM.
const SPREAD: usize = 16;
const CELLS: usize = 2 * SPREAD;

/// Runs `work(thread, iters)` on 2 threads at once; returns wall time / 2.
fn two_threads(iters: u64, work: Arc<dyn Fn(usize, u64) + Send + Sync>) -> Duration {
    let start = Arc::new(Barrier::new(3));
    let hs: Vec<_> = (0..2)
        .map(|t| {
            let (start, work) = (start.clone(), work.clone());
            std::thread::spawn(move || {
                start.wait();
                work(t, iters);
            })
        })
        .collect();
    start.wait();
    let t0 = Instant::now();
    for h in hs {
        h.join().unwrap();
    }
    t0.elapsed() / 2
}

fn transfer_2t(c: &mut Criterion) {
    let mut g = c.benchmark_group("transfer_2threads");
    for (name, scheme) in [("gv4", ClockScheme::Gv4), ("gv1", ClockScheme::Gv1)] {
        set_clock_scheme(scheme);
        let cells: Arc<Vec<TVar<i64>>> = Arc::new((0..CELLS).map(|_| TVar::new(0)).collect());
        let cs = cells.clone();
        let disjoint: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |t, n| {
            for _ in 0..n {
                stmpy_transfer(&cs[SPREAD * t], &cs[SPREAD * t + 1]);
            }
        });
        g.bench_function(format!("stmpy-{name}/disjoint"), |b| {
            b.iter_custom(|iters| two_threads(iters, disjoint.clone()))
        });
        let cs = cells.clone();
        let same: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |t, n| {
            for _ in 0..n {
                if t == 0 {
                    stmpy_transfer(&cs[0], &cs[1]);
                } else {
                    stmpy_transfer(&cs[1], &cs[0]);
                }
            }
        });
        g.bench_function(format!("stmpy-{name}/same"), |b| {
            b.iter_custom(|iters| two_threads(iters, same.clone()))
        });
    }
    set_clock_scheme(ClockScheme::Gv4);
    let ms: Arc<Vec<Mutex<(i64, i64)>>> =
        Arc::new((0..CELLS).map(|_| Mutex::new((0, 0))).collect());
    let m = ms.clone();
    let disjoint: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |t, n| {
        for _ in 0..n {
            let mut p = m[SPREAD * t].lock().unwrap();
            p.0 -= 1;
            p.1 += 1;
        }
    });
    g.bench_function("mutex/disjoint", |b| {
        b.iter_custom(|iters| two_threads(iters, disjoint.clone()))
    });
    let m = ms.clone();
    let same: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |_, n| {
        for _ in 0..n {
            let mut p = m[0].lock().unwrap();
            p.0 -= 1;
            p.1 += 1;
        }
    });
    g.bench_function("mutex/same", |b| {
        b.iter_custom(|iters| two_threads(iters, same.clone()))
    });
    let cells: Arc<Vec<stm::TVar<i64>>> = Arc::new((0..CELLS).map(|_| stm::TVar::new(0)).collect());
    let run = move |a: &stm::TVar<i64>, b: &stm::TVar<i64>| {
        stm::atomically(|tx| {
            let x = a.read(tx)?;
            let y = b.read(tx)?;
            a.write(tx, x - 1)?;
            b.write(tx, y + 1)
        })
    };
    let cs = cells.clone();
    let disjoint: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |t, n| {
        for _ in 0..n {
            run(&cs[SPREAD * t], &cs[SPREAD * t + 1]);
        }
    });
    g.bench_function("stm-0.4/disjoint", |b| {
        b.iter_custom(|iters| two_threads(iters, disjoint.clone()))
    });
    let cs = cells.clone();
    let same: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |t, n| {
        for _ in 0..n {
            run(&cs[t], &cs[1 - t]);
        }
    });
    g.bench_function("stm-0.4/same", |b| {
        b.iter_custom(|iters| two_threads(iters, same.clone()))
    });
    let cells: Arc<Vec<kovan_stm::TVar<i64>>> =
        Arc::new((0..CELLS).map(|_| kovan_stm::TVar::new(0)).collect());
    let run = move |a: &kovan_stm::TVar<i64>, b: &kovan_stm::TVar<i64>| {
        kovan_stm::atomically(|tx| {
            let x = tx.load(a)?;
            let y = tx.load(b)?;
            tx.store(a, x - 1)?;
            tx.store(b, y + 1)
        })
    };
    let cs = cells.clone();
    let disjoint: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |t, n| {
        for _ in 0..n {
            run(&cs[SPREAD * t], &cs[SPREAD * t + 1]);
        }
    });
    g.bench_function("kovan-stm/disjoint", |b| {
        b.iter_custom(|iters| two_threads(iters, disjoint.clone()))
    });
    let cs = cells.clone();
    let same: Arc<dyn Fn(usize, u64) + Send + Sync> = Arc::new(move |t, n| {
        for _ in 0..n {
            run(&cs[t], &cs[1 - t]);
        }
    });
    g.bench_function("kovan-stm/same", |b| {
        b.iter_custom(|iters| two_threads(iters, same.clone()))
    });
    g.finish();
}

criterion_group!(
    benches,
    inevitable_solo,
    read_only,
    transfer_1t,
    transfer_2t
);
criterion_main!(benches);
