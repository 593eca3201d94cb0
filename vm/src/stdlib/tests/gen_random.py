# Records CPython's outputs for the operation script that tests/cpython_random.rs
# replays. Floats are written as their IEEE bits so the comparison is exact.
# Run from the repository root: python3 vm/src/stdlib/tests/gen_random.py > vm/src/stdlib/tests/data/random_expected.txt
import random, struct, sys

def fb(x):
    return "f%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]

SEEDS = [("int", 0), ("int", 1), ("int", 42), ("int", -7), ("int", 2**32), ("int", 2**64 + 5),
         ("int", 10**40), ("str", "hello"), ("str", ""), ("str", "h\u00e9llo \u2603"),
         ("bytes", b"abc"), ("str1", "abc"), ("bytes1", b"xyz"), ("float", 3.5), ("float", -2.25)]

out = []
def emit(name, v):
    if isinstance(v, float):
        v = fb(v)
    elif isinstance(v, list):
        v = ",".join(fb(x) if isinstance(x, float) else str(x) for x in v)
    out.append(f"{name}: {v}")

for kind, val in SEEDS:
    if kind == "str1" or kind == "bytes1":
        r = random.Random(); r.seed(val, version=1)
    else:
        r = random.Random(val)
    emit("seed", f"{kind} {hash(val) if kind == 'float' else repr(val)}")
    emit("random", [r.random() for _ in range(5)])
    emit("bits", [r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 257)])
    emit("randrange", [r.randrange(10), r.randrange(3, 17), r.randrange(0, 100, 7), r.randrange(50, 0, -3),
                       r.randrange(-10**30, 10**30), r.randrange(10**25, 10**25 + 10**24, 10**20),
                       r.randrange(2**63 - 5, 2**63 + 5), r.randrange(-(2**63), 2**63 - 1)])
    emit("randint", [r.randint(1, 6) for _ in range(10)])
    emit("choice", [r.choice(range(10)) for _ in range(5)])
    l = list(range(20)); r.shuffle(l); emit("shuffle", l)
    emit("sample_set", r.sample(range(100), 10))
    emit("sample_pool", r.sample(range(50), 10))
    emit("sample_big", r.sample(range(1000), 300))
    emit("sample_all", r.sample(range(7), 7))
    emit("sample_counts", r.sample(range(4), 6, counts=[3, 1, 4, 2]))
    emit("choices", r.choices(range(10), k=10))
    emit("choices_w", r.choices(range(4), [1.0, 2.5, 0.0, 3.0], k=8))
    emit("choices_cw", r.choices(range(4), cum_weights=[1.0, 3.5, 3.5, 6.5], k=8))
    emit("uniform", [r.uniform(-3.0, 7.5) for _ in range(3)])
    emit("triangular", [r.triangular(), r.triangular(1.0, 5.0, 2.0), r.triangular(1.0, 5.0, 4.5), r.triangular(2.0, 2.0, 2.0)])
    emit("gauss", [r.gauss() for _ in range(3)] + [r.gauss(10.0, 2.0) for _ in range(3)])
    emit("normal", [r.normalvariate(1.0, 3.0) for _ in range(3)])
    emit("lognorm", [r.lognormvariate(0.0, 0.5) for _ in range(3)])
    emit("expo", [r.expovariate(1.5) for _ in range(3)])
    emit("vonmises", [r.vonmisesvariate(1.0, 4.0) for _ in range(3)] + [r.vonmisesvariate(0.5, 0.0)])
    emit("gamma", [r.gammavariate(0.5, 2.0), r.gammavariate(1.0, 2.0), r.gammavariate(2.5, 1.0), r.gammavariate(0.1, 1.0)])
    emit("beta", [r.betavariate(2.0, 3.0) for _ in range(3)])
    emit("pareto", [r.paretovariate(2.0) for _ in range(3)])
    emit("weibull", [r.weibullvariate(1.0, 1.5) for _ in range(3)])
    emit("randbytes", list(r.randbytes(9)))
    st = r.getstate()
    emit("state", [st[0], st[1][624], st[1][0], st[1][623], sum(st[1][:624]) % 2**32])
    emit("gauss_next", "None" if st[2] is None else fb(st[2]))
print("\n".join(out))
