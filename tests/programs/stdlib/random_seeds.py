# random: the same sequences as CPython for int, str and bytes seeds.
import random

for seed in [0, 1, 42, -7, 2**32, 2**64 + 5, 10**40, "hello", "", "h\u00e9llo", b"abc", 3.5]:
    r = random.Random(seed)
    print("seed", repr(seed))
    print(" random", [r.random() for _ in range(3)])
    print(" bits", r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100))
    print(" randint", [r.randint(1, 6) for _ in range(8)])
    print(" randrange", r.randrange(10), r.randrange(3, 17), r.randrange(0, 100, 7),
          r.randrange(50, 0, -3), r.randrange(-10**20, 10**20))
    print(" choice", r.choice("abcdefg"), r.choice([10, 20, 30]), r.choice((1.5, 2.5)))
    items = list(range(12))
    r.shuffle(items)
    print(" shuffle", items)
    print(" sample", r.sample(range(100), 5), r.sample(["a", "b", "c", "d"], 2))
    print(" sample big", r.sample(range(10**6), 4))
    print(" choices", r.choices("xyz", k=6), r.choices([1, 2, 3], weights=[5, 1, 1], k=5))
    print(" cum", r.choices(["lo", "hi"], cum_weights=[1, 10], k=4))
    print(" uniform", r.uniform(1, 2), r.uniform(-5.5, 5.5))
    print(" gauss", r.gauss(), r.gauss(10, 2))

r1 = random.Random("same")
r2 = random.Random("same")
print([r1.random() for _ in range(4)] == [r2.random() for _ in range(4)])
