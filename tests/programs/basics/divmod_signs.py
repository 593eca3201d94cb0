# Floor division and modulo agree: a == (a // b) * b + a % b, for ints and floats.
cases = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 10 ** 20), (-1, 10 ** 20), (10 ** 20 + 3, -7)]
for a, b in cases:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a, a // b == q, a % b == r)
fcases = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1e-10, 3), (-1e-10, 3), (5, 0.1)]
for a, b in fcases:
    print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5, -5 % 5, 5 % -5, -3 % 1, 3.0 % -1.0)
print(round(-7 / 2), -7 // 2, int(-7 / 2), -(7 // 2))
