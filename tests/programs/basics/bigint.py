# Arbitrary-precision integers and overflow from the machine word.
a = 2 ** 63
print(a, a - 1, -a, a * a)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(2 ** 200)
print(3 ** 100 // 7 ** 30, 3 ** 100 % 7 ** 30)
print(divmod(-(10 ** 30), 7))
print(divmod(10 ** 30, -7))
f = 1
for i in range(1, 41):
    f *= i
print(f)
print(f // (2 ** 64), f % 1000007)
print(len(str(2 ** 1000)))
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 65))
print(-(2 ** 100) >> 3, (2 ** 100) << 7)
print((2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, (2 ** 100) ^ (2 ** 99))
print(~(2 ** 70))
print(abs(-(2 ** 80)), pow(2, 100, 1000000007), pow(3, 200, 10 ** 9))
print(int("123456789012345678901234567890") * 3)
print(10 ** 20 == 100000000000000000000, 10 ** 20 > 10 ** 19, -(10 ** 20) < 5)
print(2 ** 64 / 2 ** 32, (2 ** 64) // 3)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100))
x = 1
for _ in range(70):
    x = x * 3 + 1
print(x, x.bit_length())
print(int(2 ** 62) * 4 - 2 ** 64)
