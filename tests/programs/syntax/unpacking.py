# Unpacking: tuples, stars, nesting, in calls and literals, errors.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
[p, q] = "xy"
print(p, q)
x, (y, *z), w = 1, (2, 3, 4), 5
print(x, y, z, w)
print([*"ab", *[1, 2]], (*range(3),), {*[1, 1, 2]}, {**{"a": 1}, **{"b": 2}, "c": 3})
i = j = k = 7
print(i, j, k)
l = [0, 1, 2]
l[0], l[2] = l[2], l[0]
print(l)
try:
    a, b = [1, 2, 3]
except ValueError as ex:
    print("ValueError:", ex)
try:
    a, b, c = [1]
except ValueError as ex:
    print("ValueError:", ex)
try:
    a, *b, c = [1]
except ValueError as ex:
    print("ValueError:", ex)
try:
    a, b = 5
except TypeError as ex:
    print("TypeError:", ex)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
d = {"x": 1}
key, = d
print(key)
n1, n2 = map(int, "3 4".split())
print(n1 * n2)
