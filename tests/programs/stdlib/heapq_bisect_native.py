# heapq and bisect: comparison order with user __lt__, stability, keys, errors.
import heapq
import bisect
import random

calls = []
class K:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag
    def __lt__(self, other):
        calls.append((self.tag, other.tag))
        return self.v < other.v
    def __repr__(self):
        return "K(%r,%r)" % (self.v, self.tag)

h = []
for i, v in enumerate([5, 3, 5, 1, 3, 5, 1]):
    heapq.heappush(h, K(v, i))
print(h)
print(calls)
calls.clear()
print([heapq.heappop(h) for _ in range(len(h))])
print(len(calls), calls[:8])

r = random.Random(7)
data = [r.randrange(100) for _ in range(200)]
h = list(data)
heapq.heapify(h)
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(data), out[:10])
h = []
for x in data:
    heapq.heappush(h, -x)
print([-heapq.heappop(h) for _ in range(5)])
h = list(data)
heapq._heapify_max(h)
print([heapq._heappop_max(h) for _ in range(5)], heapq._heapreplace_max(h, 1000), h[0])
h = [1, 2, 3]
print(heapq.heappushpop(h, 0), heapq.heappushpop(h, 10), h, heapq.heapreplace(h, -1), h)
print(heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0])), list(heapq.merge([5, 3], [4, 1], reverse=True)))

for call, f in [
    ('heapq.heappush(1, 2)', lambda: heapq.heappush(1, 2)),
    ('heapq.heappop([])', lambda: heapq.heappop([])),
    ('heapq.heapreplace([], 1)', lambda: heapq.heapreplace([], 1)),
    ('heapq.heappush([])', lambda: heapq.heappush([])),
    ('heapq.heapify((1, 2))', lambda: heapq.heapify((1, 2))),
    ('heapq.heappop()', lambda: heapq.heappop()),
    ("heapq.heappush([1, 'a'], 2)", lambda: heapq.heappush([1, 'a'], 2)),
    ("heapq.heappush(['a'], 2)", lambda: heapq.heappush(['a'], 2)),
    ('bisect.bisect([1, 2], 1, -1)', lambda: bisect.bisect([1, 2], 1, -1)),
    ('bisect.bisect_left([1, 2], 1, 0, 5)', lambda: bisect.bisect_left([1, 2], 1, 0, 5)),
    ("bisect.bisect_right([1, 'x'], 1)", lambda: bisect.bisect_right([1, 'x'], 1)),
    ('bisect.bisect_left([3, 1], 2, hi=2, lo=1)', lambda: bisect.bisect_left([3, 1], 2, hi=2, lo=1)),
    ('bisect.insort(None, 1)', lambda: bisect.insort(None, 1)),
    ("bisect.bisect([1, 2], 1, 'a')", lambda: bisect.bisect([1, 2], 1, 'a')),
    ('bisect.bisect()', lambda: bisect.bisect()),
    ('bisect.bisect([1], 1, bogus=2)', lambda: bisect.bisect([1], 1, bogus=2)),
]:
    try:
        print(call, "=>", f())
    except Exception as e:
        print(call, "->", type(e).__name__, e)

a = [1, 2, 2, 2, 3, 5]
print([bisect.bisect_left(a, x) for x in range(7)], [bisect.bisect_right(a, x) for x in range(7)])
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 2), bisect.bisect(a, 2, hi=3))
people = [("ann", 31), ("bob", 25), ("cy", 40)]
people.sort(key=lambda p: p[1])
bisect.insort(people, ("dee", 33), key=lambda p: p[1])
bisect.insort_left(people, ("eve", 25), key=lambda p: p[1])
print(people, bisect.bisect(people, 30, key=lambda p: p[1]))
t = (1, 3, 5)
print(bisect.bisect(t, 4), bisect.bisect_left("aceg", "d"))
class Seq:
    def __init__(self):
        self.items = [1, 4, 9]
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def insert(self, i, x):
        self.items.insert(i, x)
s = Seq()
bisect.insort(s, 5)
print(s.items, bisect.bisect(s, 9))
