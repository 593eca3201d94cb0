#!/usr/bin/env bash
# Records what CPython's interactive prompt prints for session.txt (banner lines dropped).
cd "$(dirname "$0")"
python3 -i < session.txt > session.out 2> session.err.full
echo $? > session.code
tail -n +3 session.err.full > session.err && rm session.err.full
