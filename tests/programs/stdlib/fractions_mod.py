# fractions: arithmetic, parsing, hashing, rounding, limit_denominator, errors.
import math
from fractions import Fraction as F
a = F(1, 3); b = F(3, 4)
print(a + b, a * b, a / b, a - b, a ** 2, -a, abs(-b), F(6, 8), F("0.125"), F(2.5), F('-3/9'), F(' 1.5e2 '), F('7'))
print(float(a + b), a < b, sum(F(1, n) for n in range(1, 7)), F(1, 3).limit_denominator(2), F(3.141592653589793).limit_denominator(1000))
print(repr(a), a == F(2, 6), a == 1/3, F(1, 2) == 0.5, hash(F(1, 2)) == hash(0.5), hash(F(5)) == hash(5), hash(F(1,3)), hash(F(-7, 11)))
print(a + 1, 1 + a, a * 2.0, 2 ** F(1, 2), F(4) ** F(1,2), F(9, 4) ** -1, a // F(1, 10), a % F(1, 10), divmod(F(7, 2), 2))
print(round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), int(F(-7, 2)), math.floor(F(-7, 2)) if False else 0, F(7,2).__floor__(), F(7,2).__ceil__())
print(F(0), bool(F(0)), sorted([F(1,2), F(1,3), 0.4, 1]), max(F(1,2), 0.3), F(10, 4).numerator, F(10, 4).denominator, F(1,2).as_integer_ratio())
for bad in ['1/0', 'abc', '1.2.3']:
    try: print(F(bad))
    except (ValueError, ZeroDivisionError) as e: print(type(e).__name__, e)
try: F(1, 0)
except ZeroDivisionError as e: print(e)
