# A Fraction class: arithmetic with ints, normalization, hashing consistent with equality.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        g = gcd(n, d) * (-1 if d < 0 else 1)
        self.n, self.d = n // g, d // g
    @staticmethod
    def lift(x):
        return x if isinstance(x, Frac) else Frac(x) if isinstance(x, int) else NotImplemented
    def __add__(self, o):
        o = Frac.lift(o)
        return NotImplemented if o is NotImplemented else Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = Frac.lift(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return Frac.lift(o) - self
    def __mul__(self, o):
        o = Frac.lift(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac.lift(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return Frac.lift(o) / self
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = Frac.lift(o)
        return o is not NotImplemented and (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o):
        o = Frac.lift(o)
        return self.n * o.d < o.n * self.d
    def __hash__(self):
        return hash(self.n) if self.d == 1 else hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)
a, b = Frac(1, 2), Frac(3, -4)
print(a, b, a + b, a - b, a * b, a / b, 1 + a, 1 - a, 2 * b, 1 / a, -a, float(b))
print(Frac(2, 4) == a, Frac(4, 2) == 2, {Frac(4, 2), 2}, sorted([a, b, Frac(0), Frac(5, 3)]))
print(sum([Frac(1, n) for n in range(1, 11)], Frac(0)))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
