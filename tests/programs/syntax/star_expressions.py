# Star expressions in returns, yields, subscripts, calls, and nested targets.
def f(*xs):
    return 0, *xs, 99
print(f(1, 2))
def g():
    yield 1, *"ab"
print(list(g()))
*a, = range(3)
print(a)
(first, *rest), last = "hello", "!"
print(first, rest, last)
x, *y, z = [1, 2]
print(x, y, z)
for a, *b in ["abc", "de"]:
    print(a, b)
d = {"a": 1}
print({**d, "b": 2, **{"a": 3}}, [*d, *d.values()], (*d.items(),))
def kw(**k):
    return sorted(k.items())
print(kw(**d, c=3), print(*[1, 2], *(3,), sep="-"))
m = [[1, 2], [3, 4]]
print([*m[0], *m[1]], [*zip(*m)], max(*m[0], *m[1]))
s = {*"abc", *"bcd"}
print(sorted(s))
