# Expression forms: conditional, chained ops, precedence, parenthesized.
a, b = 3, 7
print(a if a > b else b, (a, b)[a < b], a < b and "lt" or "ge")
print(not a == b, not (a and b), -a ** 2, (-a) ** 2, a * b % 5, a * (b % 5))
print(2 + 3 * 4 ** 2 // 5 - 1, 2 ** 3 ** 2, (2 ** 3) ** 2, 10 - 2 - 3, 100 / 10 / 5)
print(1 if 0 else 2 if 0 else 3, [1, 2][True], "ab"[False])
print(3 & 5 | 2 ^ 7, 1 << 2 + 1, (1 << 2) + 1, ~0 & 0xff)
print(a in [3] == True, (a in [3]) == True, a is not None is not False)
print("x" * 3 + "y", -(-5), +-+5, not -1)
print(a < b == (b > a), 1 < 2 != 3 > 2)
val = (
    1 +
    2 +
    3
)
print(val, [
    1,
    2,
], {
    "k": "v"
})
print(1, 2, sep=", ", end="!\n")
print("a", "b", sep="")
print()
print("no newline", end="")
print(" then newline")
print(*[1, 2, 3], sep="-")
