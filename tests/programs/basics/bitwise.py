# Bitwise operations with negative and large integers.
for a in [0, 5, -5, 255, -256, 2 ** 65, -(2 ** 65) + 3]:
    for b in [3, -3, 2 ** 64 + 1]:
        print(a, b, a & b, a | b, a ^ b)
for a in [1, -1, 12345, -12345, 2 ** 70]:
    print(a, a << 3, a >> 3, a >> 100, a << 70, ~a)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(bin(0b1010 & 0b0110), bin(~0b1010 & 0xF), (-1) & 0xFFFFFFFF, hex(-1 & (2 ** 64 - 1)))
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in range(17)], (2 ** 100 - 1).bit_count())
