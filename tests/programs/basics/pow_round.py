# pow with negative exponents and modulus, round with ndigits, abs.
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(-2, -3))
print(pow(3, 4, 5), pow(-3, 4, 5), pow(3, 4, -5), pow(7, -1, 13))
print(pow(2.0, 3), pow(4, 0.5), pow(0, 0), 0 ** 0, 0.0 ** 0)
print((-8) ** (1 / 3) == (-8) ** (1 / 3))
print(round(7), round(7.0), round(-7.5), round(8.5), round(0.125, 2), round(0.375, 2))
for n in range(-3, 4):
    print(n, round(12345.6789, n), round(-12345, n))
print(abs(-5), abs(5.5), abs(-0.0), abs(True))
print(10 / 2, 9 / 2, -9 / 2, 1 / 7)
print(7 // 2.0, 2 ** 0.5 * 2 ** 0.5)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
