# A long randomized script of random.Random operations with CPython's results, replayed
# by tests/cpython_random_ops.rs. Each line: op arg... => result (E:Kind:msg on error).
# Run from the repository root: python3 vm/src/stdlib/tests/gen_random_ops.py > vm/src/stdlib/tests/data/random_ops.txt
import random, struct

def f(x):
    return "f%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]

def enc(v):
    if isinstance(v, float):
        return f(v)
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, list):
        return "l(" + ",".join(enc(x) for x in v) + ")"
    if v is None:
        return "N"
    raise TypeError(v)

drv = random.Random(4242)  # drives the choice of operations, not under test
r = random.Random(0)
out = []
def op(name, args, fn):
    try:
        res = enc(fn())
    except Exception as e:
        res = "E:%s:%s" % (type(e).__name__, e)
    out.append("%s %s => %s" % (name, " ".join(enc(a) for a in args), res))

def bigint():
    return drv.choice([0, 1, -1, 2, 7, 100, 2**31, 2**32, 2**53 + 1, 2**63 - 1, 2**63, 2**64,
                       10**20, -(10**20), 2**100 + 3, -(2**64) - 1, drv.randint(-1000, 1000),
                       drv.randint(-2**70, 2**70)])

for _ in range(3000):
    kind = drv.randrange(16)
    if kind == 0:
        s = bigint()
        op("seed", [s], lambda: r.seed(s))
    elif kind == 1:
        op("random", [], r.random)
    elif kind == 2:
        k = drv.choice([0, 1, 7, 31, 32, 33, 53, 63, 64, 65, 96, 127, 128, 129, 500])
        op("getrandbits", [k], lambda: r.getrandbits(k))
    elif kind == 3:
        a, b = bigint(), bigint()
        st = drv.choice([None, None, 1, 2, -1, -3, 7, 0, 10**19, -(10**21)])
        if drv.random() < 0.2:
            op("randrange", [a, None, st], lambda: r.randrange(a, None, st) if st is not None else r.randrange(a))
        else:
            op("randrange", [a, b, st], lambda: r.randrange(a, b, st) if st is not None else r.randrange(a, b))
    elif kind == 4:
        a = drv.randint(-50, 50); b = a + drv.randint(-3, 60)
        op("randint", [a, b], lambda: r.randint(a, b))
    elif kind == 5:
        n = drv.randint(0, 40)
        op("choice", [n], lambda: r.choice(range(n)))
    elif kind == 6:
        n = drv.randint(0, 40)
        def sh():
            l = list(range(n)); r.shuffle(l); return l
        op("shuffle", [n], sh)
    elif kind == 7:
        n = drv.choice([0, 1, 5, 20, 21, 22, 40, 84, 85, 86, 300, 341, 342, 1000, 10**6])
        k = drv.choice([0, 1, 3, 5, 6, 7, 10, 21, 22, 28, 29, 100, n, n + 1, -1])
        k = min(k, 400)
        op("sample", [n, k], lambda: r.sample(range(n), k))
    elif kind == 8:
        n = drv.randint(0, 10); k = drv.randint(0, 8)
        op("choices", [n, k], lambda: r.choices(range(n), k=k))
    elif kind == 9:
        w = [drv.choice([0.0, 0.5, 1.0, 2.0, 3.25, 10.0]) for _ in range(drv.randint(1, 6))]
        k = drv.randint(0, 8)
        op("choices_w", [k] + w, lambda: r.choices(range(len(w)), w, k=k))
    elif kind == 10:
        mu, sigma = drv.choice([(0.0, 1.0), (5.0, 2.0), (-1.0, 0.5)])
        op("gauss", [mu, sigma], lambda: r.gauss(mu, sigma))
    elif kind == 11:
        a = drv.choice([0.05, 0.5, 0.999, 1.0, 1.5, 3.0, 20.0]); b = drv.choice([0.5, 1.0, 2.0])
        op("gammavariate", [a, b], lambda: r.gammavariate(a, b))
    elif kind == 12:
        k = drv.choice([0.0, 1e-7, 0.5, 2.0, 50.0]); mu = drv.choice([0.0, 3.0, -2.0, 10.0])
        op("vonmisesvariate", [mu, k], lambda: r.vonmisesvariate(mu, k))
    elif kind == 13:
        a = drv.choice([0.5, 1.0, 2.0, 4.0])
        op("betavariate", [a, 2.0], lambda: r.betavariate(a, 2.0))
    elif kind == 14:
        lo, hi = drv.choice([(0.0, 1.0), (2.0, 10.0), (5.0, 5.0), (10.0, 2.0)])
        mode = drv.choice([None, lo, hi, (lo + hi) / 3])
        op("triangular", [lo, hi, mode], lambda: r.triangular(lo, hi, mode))
    else:
        op("normalvariate", [], lambda: r.normalvariate(0.0, 1.0))
print("\n".join(out))
