# Mixed int/float arithmetic and exact comparisons between ints and floats.
print(10 ** 30 / 3, 2 ** 64 / 3, (2 ** 53 + 1) / 1, 7 / 7, -7 / 2, 1 / 3 + 1 / 3)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53), float(2 ** 53) == 2 ** 53)
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, int(1e23), 0.1 == 1 / 10, 1 + 1e-16 == 1)
print(3 * 0.1, 3 + 0.0, 3 - 0.5, 2 * 2.5, 7 // 2.0, 7 % 2.5, 2 ** 0.5, 4 ** -0.5, (-8) ** 2.0)
print(sum([1, 2.5, 3]), max(1, 1.0), max(1.0, 1), min(0, -0.0), type(max(1, 1.0)).__name__)
print(round(10 ** 20 / 7), int(10 ** 20 / 7), 10 ** 20 // 7)
print(1e308 < 10 ** 309, float("inf") > 10 ** 1000, -float("inf") < -(10 ** 1000))
print(True + 0.5, False * 3.0, True / 2, 5 % True)
for a, b in [(1, 1.0), (0.5, 1), (2 ** 70, 2.0 ** 70), (-1, -1.0000000001)]:
    print(a == b, a < b, a > b, hash(a) == hash(b))
