//! Scheduling hooks for model checking with `shuttle` (feature `shuttle`).
//!
//! Shuttle runs the threads of a test as coroutines on one OS thread and explores their
//! interleavings, switching only at the points it controls. The engine's shared state
//! uses std atomics (sequentially consistent on one OS thread, like shuttle's own), so
//! under the feature the protocol calls [`switch`] between its shared-memory steps, and
//! spinning or parking becomes a shuttle yield. Without the feature these are the plain
//! std calls, and `switch` compiles to nothing.

/// A point where the model checker may run another thread.
#[inline(always)]
pub(crate) fn switch() {
    #[cfg(feature = "shuttle")]
    shuttle::thread::yield_now();
}

#[inline(always)]
pub(crate) fn yield_now() {
    #[cfg(feature = "shuttle")]
    shuttle::thread::yield_now();
    #[cfg(not(feature = "shuttle"))]
    std::thread::yield_now();
}

#[inline(always)]
pub(crate) fn spin_loop() {
    #[cfg(feature = "shuttle")]
    shuttle::hint::spin_loop();
    #[cfg(not(feature = "shuttle"))]
    std::hint::spin_loop();
}
