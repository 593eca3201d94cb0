# Float repr is the shortest string that round-trips.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 0.0, 1e16, 1e15, 123456789012345678.0,
        1e-5, 1e-4, 0.0001234, 1.5e300, 2.5e-300, 1 / 3, 2 / 3, 10 / 4,
        3.14159, 100.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 12345.678]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
print(1e308 * 10, -1e308 * 10)
print(float("1e500"), float("-0"), float("  3.25  "), float("1_000.5"))
print(0.1 * 3, 1.1 + 2.2, 3 * 1.1)
print(2.0 ** 0.5, 10 ** -2, 2 ** 0.5)
print(7.0 // 2, -7.0 // 2, 7.0 % 2, -7.0 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(1e16 + 1, 2 ** 53 + 1.0)
print(float(10 ** 20), float(2 ** 70))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5))
print(round(123.456, -1), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(3.14159, 3), round(-2.5), type(round(2.5)), type(round(2.5, 0)))
print(int(3.9), int(-3.9), int(1e20))
print(float.is_integer(3.0), (2.5).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print(1.0 == 1, 0.1 + 0.2 == 0.3, float("nan") == float("nan"))
print(hash(1.0), hash(0.5), hash(-1.5), hash(1e100))
print(max(0.1, 0.10000000000000002), min(-0.0, 0.0))
