# list method edge cases.
a = [1, 2, 3]
a.insert(-10, "head"); a.insert(-1, "before-last"); print(a)
print(a.index(3, 2), a.index(3, -2), [1, 2, 1].index(1, 1))
try:
    a.index(1, 0, 1)
except ValueError as e:
    print("ValueError:", e)
b = [5, 3, 1]
b.sort(key=None, reverse=False); print(b)
print([1, 2] * -1, [1, 2] * 0, [[1]] * 2, [0] * 5)
c = list(range(10))
for x in c[:]:
    if x % 3 == 0:
        c.remove(x)
print(c)
c[2:5] = reversed(c[2:5]); print(c)
print(c.pop(-1), c.pop(2), c)
d = [3, 1, 2]
print(sorted(d) == d, d.sort() is None, d)
e = [[1, 2], [3]]
f = e.copy()
f[0].append(99)
f.append([4])
print(e, f)
print([1, 2, 3] == [1, 2, 3.0], [1, [2]] < [1, [3]], [float("nan")] == [float("nan")])
nan = float("nan")
print([nan] == [nan], nan in [nan], [nan].count(nan), [nan].index(nan))
g = []
g.extend(x * x for x in range(4)); g.extend("ab"); g.extend({"k": 1}); print(g)
h = [1, 2, 3, 4, 5, 6]
del h[::2]; print(h)
h.clear(); print(h, len(h))
