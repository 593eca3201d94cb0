# inf and nan arithmetic, signed zero, float limits.
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf, nan + 1)
print(inf > 1e308, -inf < -1e308, nan > 0, nan < 0, nan == nan, inf == inf)
print(0.0 == -0.0, str(-0.0), repr(-0.0 * 1), -0.0 + 0.0, abs(-0.0), 1 / inf == 0)
print(1e308 + 1e308, 2.0 ** 1023 * 2 == inf, 5e-324 / 2, 2.2250738585072014e-308)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 * 1.0
except OverflowError as e:
    print("OverflowError:", e)
print(float(10 ** 308), (10 ** 400) / (10 ** 399), 2 ** 1100 // 2 ** 1000)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(round(inf) if False else "skip", int(-0.0), float("-inf") < float("inf"))
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
print(min(1.0, nan), max(nan, 1.0), sorted([3.0, -0.0, 0.0, -1.0]))
print(0.1 + 0.7, 0.3 - 0.1, 1.1 * 1.1, 4.35 * 100, 0.57 * 100, 1 - 0.9)
print(3.0 % inf, -3.0 % inf, divmod(3.0, inf))
