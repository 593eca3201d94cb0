# math: user objects through __float__, __index__, __floor__, __ceil__, __trunc__; prod of
# mixed types; iterables and generators as arguments.
import math


class Meters:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)


class Count:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Rounder:
    def __floor__(self):
        return "floor called"

    def __ceil__(self):
        return "ceil called"

    def __trunc__(self):
        return "trunc called"


print(math.sqrt(Meters(16)), math.hypot(Meters(3), Meters(4)), math.isclose(Meters(1), 1.0))
print(math.factorial(Count(5)), math.comb(Count(6), Count(2)), math.gcd(Count(12), 8), math.isqrt(Count(50)))
print(math.sqrt(Count(9)), math.log(Count(8), 2), math.pow(Count(2), Count(3)))
print(math.floor(Rounder()), math.ceil(Rounder()), math.trunc(Rounder()))
print(math.floor(Meters(2.7)), math.ceil(Meters(2.1)), math.floor(True), math.ceil(-7))
print(math.prod([2, "ab"]), math.prod([[1], 3]), math.prod([2, 0.5, 4]), math.prod([], start="x"))
print(math.prod(x for x in range(1, 8)), math.prod([10**10] * 3), math.prod([2**62, 2]), math.prod([-3, 2**63]))
print(math.fsum(x / 10 for x in range(11)), math.fsum(iter([1e16, 1.0, -1e16])), math.fsum((1, 2**60, -(2**60))))
print(math.dist([0, 0, 0], (1, 2, 2)), math.dist(iter([1.5]), [0.5]), math.hypot(*range(10)))
print(math.gcd(*[2**i * 3 for i in range(5, 40)]), math.lcm(*range(1, 30)))
for bad in [lambda: math.sqrt("4"), lambda: math.factorial(Meters(3)), lambda: math.floor(None),
            lambda: math.trunc(Meters(2.5)), lambda: math.prod(5), lambda: math.fsum([1, "x"]),
            lambda: math.ldexp(1.0, Count(3)), lambda: math.isclose(1.0), lambda: math.log(),
            lambda: math.pow(1), lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.perm(),
            lambda: math.hypot(1, x=2), lambda: math.gcd(1, 2.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
for bad in [lambda: math.isclose(1, 2, x=2), lambda: math.isclose(1, 2, 3), lambda: math.prod([1], 2),
            lambda: math.prod([1], x=2), lambda: math.log(1, base=2), lambda: math.gcd(1, x=2),
            lambda: math.atan2(1, x=2), lambda: math.perm(1, x=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
