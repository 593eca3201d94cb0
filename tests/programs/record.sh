#!/usr/bin/env bash
# Re-records the expected results of every program under tests/programs/ from CPython
# (python3, 3.11), byte for byte:
#   NAME.out   stdout (always written)
#   NAME.code  exit status, only when it is not 0
#   NAME.err   the last non-empty line of stderr, only when the exit status is not 0
# Files named mod_* (and mod_* folders) are helper modules, not programs.
# Usage: tests/programs/record.sh [path-substring]
set -euo pipefail
cd "$(dirname "$0")"
export PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8 PYTHONHASHSEED=0
version=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$version" != "3.11" ]; then
    echo "record.sh: python3 is $version; the recordings come from CPython 3.11" >&2
    exit 1
fi
count=0
while IFS= read -r -d '' py; do
    rel=${py#./}
    if [ -n "${1:-}" ] && [[ "$rel" != *"$1"* ]]; then continue; fi
    dir=$(dirname "$rel"); base=$(basename "$rel" .py)
    set +e
    (cd "$dir" && timeout 10 python3 "$base.py" </dev/null >"$base.out" 2>"$base.stderr.tmp")
    code=$?
    set -e
    if [ "$code" -eq 124 ]; then
        echo "record.sh: $rel ran for more than 10 s under python3; programs must be fast" >&2
        exit 1
    fi
    if [ "$code" -ne 0 ]; then
        echo "$code" >"$dir/$base.code"
        grep -v '^[[:space:]]*$' "$dir/$base.stderr.tmp" | tail -n 1 >"$dir/$base.err" || true
    else
        rm -f "$dir/$base.code" "$dir/$base.err"
        if [ -s "$dir/$base.stderr.tmp" ]; then
            echo "record.sh: warning: $rel exited 0 but wrote to stderr" >&2
        fi
    fi
    rm -f "$dir/$base.stderr.tmp"
    count=$((count + 1))
done < <(find . -name '*.py' -not -name 'mod_*' -not -path '*/mod_*/*' -not -path '*/__pycache__/*' -print0 | sort -z)
echo "record.sh: recorded $count programs"
