# iter and next with defaults, callable-sentinel iter, exhaustion.
it = iter([1, 2])
print(next(it), next(it), next(it, None), next(it, "again"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(di))
s = iter("hi")
print(list(s), list(s))
data = [3, 2, 1, 0, 5]
pos = iter(range(len(data)))
print(list(iter(lambda: data[next(pos)], 0)))
class Feed:
    def __init__(self):
        self.items = ["a", "b", None, "c"]
    def read(self):
        return self.items.pop(0)
f = Feed()
for x in iter(f.read, None):
    print("read", x)
print(list(iter(iter(iter([7, 8])))))
it2 = iter({1, 2, 3})
print(sorted(it2))
