# str(int) and int(str) round trips for large values, negative numbers and bases.
vals = [0, -1, 7, 10 ** 18, 10 ** 19, -(10 ** 19), 2 ** 64 - 1, 2 ** 64, 12345678901234567890123, -(3 ** 90)]
for v in vals:
    s = str(v)
    print(s, int(s) == v, len(s), repr(v) == s)
for base in (2, 3, 8, 16, 36):
    def to_base(n, b):
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        if n == 0:
            return "0"
        out = []
        neg = n < 0
        n = abs(n)
        while n:
            n, r = divmod(n, b)
            out.append(digits[r])
        return ("-" if neg else "") + "".join(reversed(out))
    for v in (255, -255, 2 ** 70):
        t = to_base(v, base)
        print(base, t, int(t, base) == v)
print(f"{2 ** 100:,}", f"{-(2 ** 70):_}", f"{2 ** 80:x}", f"{2 ** 80:e}")
print(int("-" + "9" * 25) + 1, int("0" * 10 + "1"))
