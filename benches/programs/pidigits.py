# Digits of pi by the unbounded spigot algorithm: big-integer arithmetic (pidigits-style).
def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return digits


d = pi_digits(4500)
s = "".join(str(x) for x in d)
for i in range(0, len(s), 500):
    print(s[i:i + 500][:60], sum(d[i:i + 500]))
