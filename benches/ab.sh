#!/bin/bash
# A/B timing of two stmpy binaries on one program, runs interleaved so that drift of a
# shared machine hits both alike. Prints min and median user time and the peak RSS.
#   benches/ab.sh N PROGRAM.py OLD_BINARY [NEW_BINARY] [ARGS...]
# e.g. git stash; cargo build --release; cp target/release/stmpy /tmp/stmpy_base;
#      git stash pop; cargo build --release; benches/ab.sh 5 benches/programs/nbody.py /tmp/stmpy_base
set -e
N=$1; P=$2; A=$3; B=${4:-$(dirname "$0")/../target/release/stmpy}
shift 4 2>/dev/null || shift $#
T=$(mktemp)
for _ in $(seq "$N"); do
  for b in "$A" "$B"; do
    /usr/bin/time -f "$b %U %M" "$b" "$P" "$@" >/dev/null 2>>"$T"
  done
done
python3 - "$T" "$A" "$B" <<'PY'
import os, statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 3]
for b in sys.argv[2:]:
    u = sorted(float(r[1]) for r in rows if r[0] == b)
    m = max(int(r[2]) for r in rows if r[0] == b)
    print(f"  {os.path.basename(b):14} user min {u[0]:.2f} med {statistics.median(u):.2f}  rss {m / 1024:.1f} MiB")
PY
rm -f "$T"
