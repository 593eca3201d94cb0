//! The parser front end: the only module that touches `ruff_python_parser`.
