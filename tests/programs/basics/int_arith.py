# Integer arithmetic: signs of // and %, divmod, precedence.
vals = [7, -7, 3, -3, 1, 0, 13, -13]
for a in vals:
    for b in [3, -3, 5, -5, 1]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 + 3 * 4 - 6 // 4 % 3)
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 10)
print(1 - - 1, - - - 5, +7, ~5, ~-1)
print(17 & 5, 17 | 5, 17 ^ 5, 1 << 10, 1024 >> 3, -17 >> 2, -1 << 3)
print(0 // 5, 0 % 5, 5 % 1)
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 5; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 15; print(x)
print(True + True, True * 10, False - 1)
