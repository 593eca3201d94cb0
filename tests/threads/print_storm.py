# Two threads print many lines through print() and sys.stdout.write while their
# transactions abort (the harness forces aborts): each line appears exactly once and
# each thread's lines keep their order. With STORM_STATS set, stmpy reports the aborts.
import os
import sys
import threading
import time


def writer(tag):
    for i in range(400):
        # One write per line under CPython too (print writes its text and `end`
        # separately, so two CPython threads can splice each other's lines).
        print(f"{tag} {i}\n", end="")
        sys.stdout.write(f"{tag} w{i}\n")
        if i % 20 == 0:
            time.sleep(0)  # a transaction boundary: more, shorter transactions


ts = [threading.Thread(target=writer, args=(tag,)) for tag in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("done")
if os.environ.get("STORM_STATS"):
    import stm

    s = stm.stats()
    print("aborts", s["aborts"], "commits", s["commits"], file=sys.stderr)
