# tuples: packing, unpacking, methods, immutability, hashing.
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[0], t[-1], t[1:])
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), (1, 2) + (3,), (0,) * 3)
print(t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
a, b, c = t
print(a, b, c)
a, b = b, a
print(a, b)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
ml = ([1], [2])
ml[0].append(9)
print(ml)
try:
    hash(ml)
except TypeError as e:
    print("TypeError:", e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
print(tuple(x * 2 for x in range(4)), repr((1,)), str(("a", 1.0)))
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
