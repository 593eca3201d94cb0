# repr/str of many computed floats: shortest round-trip digits, exponent switch points.
vals = []
for i in range(1, 40):
    vals.append(i / 7)
    vals.append(2.0 ** -i)
    vals.append(10.0 ** i * 1.1)
    vals.append(-(10.0 ** -i) * 3.3)
for e in range(10, 25):
    vals.append(float(10 ** e))
    vals.append(float(10 ** e) + 0.5)
for v in vals:
    s = repr(v)
    assert float(s) == v
    print(s)
print(repr(0.1 * 3), repr(1 / 3 * 3), repr(9007199254740993.0), repr(1e-323), repr(2.5e-308))
