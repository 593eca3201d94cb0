# `with stm.atomic:` blocks are serializable; `stm.retry()` waits for a change.
import stm
import threading

# Two threads append pairs inside atomic blocks: pairs never interleave.
log = []


def pairs(tag):
    for i in range(2000):
        with stm.atomic:
            log.append((tag, i))
            log.append((tag, i))


ts = [threading.Thread(target=pairs, args=(t,)) for t in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
ok = all(log[i] == log[i + 1] for i in range(0, len(log), 2))
print("pairs", len(log), ok)

# Nesting: the inner block's end does not end the outer one.
with stm.atomic:
    with stm.atomic:
        x = 1
    print("nested depth", stm.atomic_depth())
print("depth after", stm.atomic_depth())

# An exception inside the block leaves it; the writes done before it stay.
state = []
try:
    with stm.atomic:
        state.append(1)
        raise KeyError("inside")
except KeyError as e:
    print("caught", e, state, stm.atomic_depth())

# retry(): a consumer waits until a box is filled.
box = []
got = []


def taker():
    for _ in range(50):
        with stm.atomic:
            while not box:
                stm.retry()
            got.append(box.pop())


t = threading.Thread(target=taker)
t.start()
for i in range(50):
    with stm.atomic:
        while box:
            stm.retry()
        box.append(i)
t.join()
print("retry", got == list(range(50)))
s = stm.stats()
print("stats", isinstance(s["commits"], int), isinstance(s["aborts"], int), "conflicts" in s)
