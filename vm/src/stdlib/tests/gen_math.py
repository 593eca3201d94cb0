# Records CPython's math results for the cases tests/cpython_math.rs replays.
# Run from the repository root: python3 vm/src/stdlib/tests/gen_math.py > vm/src/stdlib/tests/data/math_expected.txt
# Line format: name arg... => result, with floats as IEEE bits (f...), ints as i...,
# bools as b0/b1, tuples as t(a,b), errors as E:Kind:message.
import math, random, struct, sys
sys.set_int_max_str_digits(0)

def f(x):
    return "f%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]

def enc(v):
    if isinstance(v, bool):
        return "b1" if v else "b0"
    if isinstance(v, float):
        return f(v)
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, tuple):
        return "t(" + ",".join(enc(x) for x in v) + ")"
    if isinstance(v, list):
        return "l(" + ",".join(enc(x) for x in v) + ")"
    raise TypeError(v)

out = []
def case(name, fn, *args):
    try:
        r = enc(fn(*args))
    except Exception as e:
        r = "E:%s:%s" % (type(e).__name__, e)
    out.append("%s %s => %s" % (name, " ".join(enc(a) for a in args), r))

rng = random.Random(20261125)
specials = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.5, -0.5, 2.0, 1e-300, 5e-324,
            -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 1e-20, 1e-10, 0.84375,
            1.25, 2.857142857142857, 6.0, 28.0, 30.0, 100.0, 171.5, 172.0, 200.0, 700.0, 710.0,
            -710.0, 1e16, -1e16, 2.0**28, 2.0**28 + 1, 3.0, -3.0, -2.5, -170.5, -200.5, 1e300]
def randoms(n, lo, hi):
    return [rng.uniform(lo, hi) for _ in range(n)]
vals = specials + randoms(60, -3, 3) + randoms(40, -40, 40) + randoms(30, -800, 800) + \
       [10.0 ** rng.uniform(-30, 30) * rng.choice([1, -1]) for _ in range(40)]

unary = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf",
         "erfc", "exp", "exp2", "expm1", "fabs", "gamma", "lgamma", "log1p", "sin", "sinh",
         "sqrt", "tan", "tanh", "log", "log2", "log10", "degrees", "radians", "frexp", "modf",
         "ulp", "isfinite", "isinf", "isnan", "floor", "ceil", "trunc"]
for name in unary:
    fn = getattr(math, name)
    for x in vals:
        case(name, fn, x)
# The range near the erf/erfc and gamma breakpoints in fine steps.
for x in [i / 64 for i in range(-400, 400)]:
    case("erf", math.erf, x)
    case("erfc", math.erfc, x)
    case("gamma", math.gamma, x + 1 / 128)
    case("lgamma", math.lgamma, x + 1 / 128)
    case("asinh", math.asinh, x)
    case("acosh", math.acosh, abs(x) + 1)
    case("atanh", math.atanh, x / 400)

pairs = [(a, b) for a in specials[:20] for b in specials[:20]] + \
        [(rng.uniform(-50, 50), rng.uniform(-50, 50)) for _ in range(200)] + \
        [(rng.uniform(0, 10), rng.uniform(-300, 300)) for _ in range(100)]
for name in ["atan2", "copysign", "remainder", "fmod", "pow", "nextafter"]:
    fn = getattr(math, name)
    for a, b in pairs:
        case(name, fn, a, b)
for a, b in pairs:
    case("hypot", math.hypot, a, b)
    case("logb", math.log, a, b)
    case("isclose", math.isclose, a, b)
for _ in range(100):
    n = rng.randint(0, 6)
    v = [rng.uniform(-1e3, 1e3) * 10.0 ** rng.randint(-200, 200) for _ in range(n)]
    case("hypot", math.hypot, *v)
    w = [rng.uniform(-1e3, 1e3) for _ in range(n)]
    case("dist", lambda *a: math.dist(a[:len(a) // 2], a[len(a) // 2:]), *(v + w))
case("hypot", math.hypot, 1e-310, 3e-310, 0.0)
case("hypot", math.hypot, math.inf, math.nan)
case("hypot", math.hypot)
isclose4 = lambda a, b, r, t: math.isclose(a, b, rel_tol=r, abs_tol=t)
for a, b, r, t in [(1.0, 1.2, 0.1, 0.5), (1.0, 1.2, -0.1, 0.0), (1.0, 1.2, 0.0, -1.0),
                   (1.0, 1.2, 0.2, 0.0), (0.0, 1e-10, 1e-9, 0.0), (0.0, 1e-10, 0.0, 1e-9),
                   (math.inf, math.inf, 0.0, 0.0), (math.inf, 1e308, 1.0, math.inf)]:
    case("isclose", isclose4, a, b, r, t)
for a, b in pairs[:100]:
    for i in [0, 1, -1, 1074, -1074, -1075, 1023, 1024, 2000, -2000, 2**40, -(2**40)]:
        case("ldexp", math.ldexp, a, i)
for _ in range(100):
    v = [rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20) for _ in range(rng.randint(0, 30))]
    case("fsum", lambda *a: math.fsum(a), *v)
for v in [[1e308, 1e308], [math.inf, -math.inf], [math.inf, 1.0, math.inf], [math.nan, 1.0],
          [1e-16, 1.0, 1e16], [0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]]:
    case("fsum", lambda *a: math.fsum(a), *v)

ints = [0, 1, 2, 3, 5, 10, 20, 21, 25, 34, 35, 60, 67, 68, 100, 127, 128, 500, 1000, 2**31,
        2**62, 2**63, 2**64 + 1, 10**30, -1, -5, -(2**70)]
for n in ints:
    case("isqrt", math.isqrt, n)
    case("log", math.log, n)
    case("log2", math.log2, n)
    case("log10", math.log10, n)
    if n < 3000:
        case("factorial", math.factorial, n)
for n in [10**400, 2**1023 * 3, 2**1024, 2**1024 - 1, 2**1025 - 2**970, 7**5000]:
    case("log", math.log, n)
    case("log2", math.log2, n)
    case("log10", math.log10, n)
    case("isqrt", math.isqrt, n)
    case("logb", math.log, n, 10)
case("factorial", math.factorial, 10**20)
case("factorial", math.factorial, 5000)
for n in [0, 1, 5, 10, 20, 34, 35, 60, 67, 68, 100, 1000, 2**40, 2**64 + 3, 10**20, -1]:
    for k in [0, 1, 2, 3, 10, 17, 30, 33, 50, 68, 100, -2, 10**20]:
        if n < 10**6 or k < 200:
            case("comb", math.comb, n, k)
            case("perm", math.perm, n, k)
    if n < 2000:
        case("perm1", math.perm, n)
arglists = [[], [0], [-12], [12, 18], [0, 0], [12, -18, 30], [2**100, 2**80 * 3, -(2**90) * 5],
            [7, 11, 13], [0, 5], [5, 0, 3], [-4, 6]]
for a in arglists:
    case("gcd", math.gcd, *a)
    case("lcm", math.lcm, *a)
print("\n".join(out))
