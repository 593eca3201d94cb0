# Micro-benchmark behind the README's list-loop figures: a list comprehension and a
# for/append loop over a 1000-item list, 3000 times each. Prints seconds; run under
# both interpreters: `target/release/stmpy benches/micro/list_loops.py; python3 -S ...`.
import time

lst = list(range(1000))


def comp(n):
    for _ in range(n):
        r = [x for x in lst]
    return len(r)


def loop(n):
    for _ in range(n):
        r = []
        for x in lst:
            r.append(x)
    return len(r)


t = time.perf_counter()
comp(3000)
a = time.perf_counter() - t
t = time.perf_counter()
loop(3000)
b = time.perf_counter() - t
print(f"comp {a:.3f} loop {b:.3f}")
