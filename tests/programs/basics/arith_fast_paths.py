# Small-int and float arithmetic and comparisons at their edges (the interpreter's fast
# paths must agree with the general ones).
big = 2 ** 62
vals = [0, 1, -1, 7, -7, 3, -3, big, -big, 2 ** 63 - 1, -(2 ** 63)]
for x in vals:
    for y in vals:
        row = [x + y, x - y, x * y, x & y, x | y, x ^ y]
        if y:
            row += [x // y, x % y, x / y]
        print(x, y, row)
for x in [0.5, -2.25, 1e308, float("inf"), float("nan")]:
    for y in [2, -3, 0.5, -0.0, 2 ** 53, 2 ** 53 + 1, 2 ** 60]:
        try:
            q = x / y
        except ZeroDivisionError as e:
            q = "ZeroDivisionError: " + str(e)
        print(x, y, x + y, x - y, x * y, q, x < y, x <= y, x == y, x != y, x > y, x >= y)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53), (2 ** 53 + 1) / 3)
for x, y in [(5, 0), (5.0, 0), (5, 0.0), (0.0, 0.0)]:
    for f in (lambda: x / y, lambda: x // y, lambda: x % y):
        try:
            print(f())
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
n = 1
for i in range(70):
    n = n * 3 - i
print(n, n // 7, n % 7, -n // 7, -n % 7)
print(True + 1, True * 2.5, 3 - False, 1 < True, 1.0 == True)
