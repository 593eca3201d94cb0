# fractions and decimal for exact arithmetic.
from fractions import Fraction
from decimal import Decimal, getcontext
a = Fraction(1, 3)
b = Fraction(3, 4)
print(a + b, a * b, a / b, a - b, a ** 2, -a, abs(-b), Fraction(6, 8), Fraction("0.125"), Fraction(2.5))
print(float(a + b), a < b, sum(Fraction(1, n) for n in range(1, 7)), Fraction(1, 3).limit_denominator(2))
print(Decimal("0.1") + Decimal("0.2"), Decimal("1") / Decimal("7"), Decimal("2.50") * 3, Decimal("10").sqrt())
getcontext().prec = 50
print(Decimal(1) / Decimal(7))
print(Decimal("1.005").quantize(Decimal("0.01")), round(Decimal("2.675"), 2), Decimal("-0"), Decimal("1e3") + 1)
