# math: float functions and constants, printed with repr (bit-exact with CPython).
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
xs = [0.0, -0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 10.0, 123.456, -0.75, -2.5, 1e-10, 1e10]
for name in ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
             "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
             "cbrt", "fabs", "erf", "erfc", "gamma", "lgamma", "degrees", "radians"]:
    f = getattr(math, name)
    row = []
    for x in xs:
        try:
            row.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(name, " ".join(row))
print(math.atan2(1, 2), math.atan2(-0.0, -1), math.atan2(math.inf, -math.inf))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1))
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(5.5, math.inf))
print(math.remainder(10, 3), math.remainder(-10, 3), math.remainder(5, 2), math.remainder(7, 2))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.pow(math.inf, -1),
      math.pow(0.0, 0.0), math.pow(1, math.nan), math.pow(-1, math.inf))
print(math.frexp(0.0), math.frexp(8.0), math.frexp(-0.1), math.frexp(5e-324))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(3, 2))
print(math.modf(3.75), math.modf(-3.75), math.modf(-2.0), math.modf(math.inf))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-7.9))
print(math.floor(1e30), math.ceil(-1e20), math.floor(7), math.trunc(True))
print(type(math.floor(2.0)).__name__, type(math.ceil(2)).__name__)
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0),
      math.nextafter(5.0, 5.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-3.5), math.ulp(math.inf))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12),
      math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.01),
      math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan),
      math.isnan(1), math.isinf(10**300))
print(math.hypot(3, 4), math.hypot(), math.hypot(-2), math.hypot(1, 2, 3, 4),
      math.hypot(1e200, 1e200), math.hypot(1e-200, 3e-200), math.hypot(math.inf, math.nan))
print(math.dist((0, 0), (3, 4)), math.dist([1.5, 2.5, -1], [0, 0, 0]), math.dist((), ()))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]),
      math.fsum([]), math.fsum(x / 7 for x in range(100)), math.fsum([1, 2, 3]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, 5]), math.fsum([math.nan, 1]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 30)),
      math.prod([2, 3], start=10), math.prod([2**40, 2**40, 2**40]))
print(math.log(8, 2), math.log(100, 10), math.log(2.5, 0.5), math.log(10**500), math.log(10**500, 10))
print(math.log2(2**1000), math.log2(2**2000 + 1), math.log10(10**400), math.log2(3), math.log10(1000))
