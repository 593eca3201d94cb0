# random: CPython's exceptions and messages.
import random

r = random.Random(0)
cases = [
    lambda: r.randrange(0),
    lambda: r.randrange(-3),
    lambda: r.randrange(5, 5),
    lambda: r.randrange(10, 2),
    lambda: r.randrange(5, 1, 0),
    lambda: r.randrange(1, 5, -1),
    lambda: r.randrange(10, None, 2),
    lambda: r.randint(5, 1),
    lambda: r.choice([]),
    lambda: r.choice(""),
    lambda: r.sample(range(3), 4),
    lambda: r.sample(range(3), -1),
    lambda: r.sample({1, 2}, 1),
    lambda: r.choices([], k=2),
    lambda: r.choices("ab", [1], k=2),
    lambda: r.choices("ab", [0, 0]),
    lambda: r.choices("ab", [1, float("inf")]),
    lambda: r.choices("ab", [1, 1], cum_weights=[1, 2]),
    lambda: r.getrandbits(-1),
    lambda: r.gammavariate(0, 1),
    lambda: r.gammavariate(1, -1),
    lambda: r.expovariate(0),
    lambda: r.paretovariate(0),
    lambda: r.randbytes(-1),
    lambda: r.seed([1, 2]),
]
for i, case in enumerate(cases):
    try:
        print(i, "ok", case())
    except Exception as e:
        print(i, type(e).__name__, e)
