# The modules the interpreter builds in first: sys, math, time.
import sys
import math
import time
print(sys.argv[0].endswith("builtin_modules.py"), len(sys.argv), type(sys.path).__name__)
print(sys.maxsize == 2 ** 63 - 1, sys.version_info[0], sys.byteorder in ("little", "big"))
print(type(sys.modules).__name__, "sys" in sys.modules, sys.getrecursionlimit() >= 1000)
print(math.pi, math.e, math.tau, math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.exp(1))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 6), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.fabs(-3), math.fmod(-7, 3), math.copysign(1, -0.0), math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308))
print(math.degrees(math.pi), math.radians(180), math.pow(2, 10), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0, time.monotonic() >= m0, time.perf_counter() - p0 >= 0.005, type(time.time()).__name__)
