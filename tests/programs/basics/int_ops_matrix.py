# Every binary operator over a matrix of small, negative, word-edge and big integers.
vals = [0, 1, -1, 2, -3, 7, 2 ** 31, -(2 ** 31), 2 ** 63 - 1, -(2 ** 63), 2 ** 64, -(10 ** 25) - 7]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("/", lambda a, b: a / b),
       ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
       ("<", lambda a, b: a < b), ("==", lambda a, b: a == b), ("cmp", lambda a, b: (a > b) - (a < b))]
for a in vals:
    row = []
    for b in vals:
        for name, f in ops:
            try:
                row.append(f(a, b))
            except ZeroDivisionError:
                row.append("ZDE")
    print(a, row)
for a in vals:
    print(a, -a, abs(a), ~a, a >> 3, a << 5, a ** 2, divmod(a, 10), str(a)[::-1])
