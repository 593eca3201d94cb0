#!/bin/sh
# Records the expected output of tests/threads programs from CPython 3.11:
# NAME.out (stdout) and, when the program writes to stderr, NAME.err (stderr).
# `stm` comes from cpython/stm.py, a lock-based stand-in for stmpy's module.
# Usage: tests/threads/record.sh [NAME.py ...]   (default: all programs)
set -e
cd "$(dirname "$0")"
[ $# -eq 0 ] && set -- *.py
for p in "$@"; do
    n="${p%.py}"
    PYTHONPATH=cpython python3 "$p" >"$n.out" 2>"$n.err.tmp"
    if [ -s "$n.err.tmp" ]; then mv "$n.err.tmp" "$n.err"; else rm -f "$n.err.tmp" "$n.err"; fi
    echo "recorded $n"
done
