# int methods and constructors.
print((255).bit_length(), (0).bit_length(), (-8).bit_length())
print((10).to_bytes(2, "big"), (258).to_bytes(2, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int("ff", 16), int("0x1f", 16), int("0o17", 8), int("0b101", 2), int("z", 36))
print(int("  42  "), int("-17"), int("+5"), int("1_000_000"), int(" 0 "))
print(int(True), int(3.99), int(-0.5), int("077", 0) if False else int("77", 0))
print(int("0x10", 0), int("0b11", 0), int("0o7", 0))
print((5).conjugate(), (5).real, (5).imag, (7).numerator, (7).denominator)
print((-5).__abs__(), (3).__add__(4), (3).__mul__(4))
print(int.__name__, type(5).__name__, type(2 ** 100).__name__)
for s in ["12a", "", "1.5", "0x", "--1"]:
    try:
        int(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
print(isinstance(True, int), issubclass(bool, int))
print(format(1234567, ","), format(1234567, "_"), format(255, "x"), format(255, "#X"))
print((1).__lt__(2), (2).__eq__(2.0))
