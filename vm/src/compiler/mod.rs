//! The compiler: Python AST (from `frontend`) to `bytecode` code objects.
