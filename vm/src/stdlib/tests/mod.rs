//! Checks of the pure algorithms against CPython 3.11's results (data in `data/`,
//! regenerated with the `gen_*.py` scripts beside this file).

mod math_cases;
mod random_errors;
mod random_ops;
mod random_sequences;
