# random: argument binding errors (CPython's messages for its Python-level methods).
import random

r = random.Random(1)
cases = [
    lambda: r.random(1),
    lambda: r.randint(1),
    lambda: r.randint(1, 2, 3),
    lambda: r.randint(a=1, c=2),
    lambda: r.randint(1, a=1),
    lambda: r.choice(),
    lambda: random.choice(),
    lambda: random.Random(1, 2),
    lambda: r.seed(1, 2, 3),
    lambda: r.sample([1, 2]),
    lambda: r.sample([1, 2], 1, [1, 1]),
    lambda: r.choices([1], 1, 2, 3),
    lambda: r.choices([1, 2], 2),
    lambda: r.gauss(1, 2, 3),
    lambda: r.expovariate(),
    lambda: r.triangular(1, 2, 3, 4),
    lambda: r.getrandbits(),
    lambda: r.getrandbits(1.5),
    lambda: r.randrange(),
    lambda: r.randrange(1.5),
    lambda: r.randrange(1, 2.5),
    lambda: r.randrange(1, 10, 1.5),
    lambda: r.randrange("5"),
    lambda: r.choice(5),
    lambda: r.shuffle(5),
    lambda: r.shuffle("abc"),
    lambda: r.shuffle((1, 2, 3)),
    lambda: r.setstate(5),
    lambda: r.setstate((3, (1, 2), None)),
    lambda: r.setstate((3, [0] * 625, None)),
    lambda: r.setstate((3, (-1,) * 625, None)),
    lambda: r.setstate((3,)),
    lambda: r.sample(range(10), 3, counts=[1] * 9),
    lambda: r.sample(range(3), 2, counts=[1.0, 2, 3]),
    lambda: r.choices("ab", k=-1),
    lambda: r.randbytes(2.0),
]
for i, case in enumerate(cases):
    try:
        print(i, "ok", case())
    except Exception as e:
        print(i, type(e).__name__, e)
print(r.randrange(2.0, 10.0), r.randrange(10, 0, -2))
print(r.randint(True, 3), r.sample(range(10), 3, counts=[2] * 10))
