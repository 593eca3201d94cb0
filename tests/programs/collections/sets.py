# sets and frozensets (printed sorted: set order is an implementation detail).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= b, {3} <= b, {3, 4} < b, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({9}))
s = set()
s.add(1); s.add(1); s.add(2)
print(sorted(s), len(s))
s.discard(5); s.discard(1); print(s)
try:
    s.remove(5)
except KeyError as e:
    print("KeyError:", e)
s.update([7, 8], {9})
print(sorted(s))
print(s.pop() in {2, 7, 8, 9}, len(s))
s.clear(); print(s, set(), len(s))
fs = frozenset([3, 1, 2])
print(sorted(fs), type(fs).__name__, fs == {1, 2, 3}, hash(fs) == hash(frozenset({1, 2, 3})))
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
c = {1, 2, 3}
c |= {4}; c &= {1, 2, 4}; c -= {1}; c ^= {9}
print(sorted(c))
print({x % 3 for x in range(10)}, {1} == {1.0}, {(1, 2), (1, 2)})
print(set("hello") == set("olleh"), len(set("mississippi")), sorted(set("mississippi")))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(repr({1}), repr(frozenset({1})), {frozenset({1}): 1})
