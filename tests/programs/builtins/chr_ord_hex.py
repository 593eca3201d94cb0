# chr, ord, hex, oct, bin, and int round trips.
for n in [0, 1, 7, 8, 15, 16, 255, 256, 1000, -1, -255, 2 ** 40]:
    print(n, hex(n), oct(n), bin(n), int(hex(n), 16), int(oct(n), 8), int(bin(n), 2))
print([ord(c) for c in "Az09 ~"], "".join(chr(i) for i in [72, 105, 33]))
print(chr(0x1F600) == "\U0001F600", ord("€"), chr(8364), chr(0))
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(format(10, "b"), format(10, "#b"), format(10, "08b"), f"{10:x}", f"{-10:#o}")
print(int("0b1111", 0), int("-0x1F", 16), int("  -0o17 ", 0), int("1" * 30, 2))
