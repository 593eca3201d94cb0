# `lst.append(x)` takes a fast path when the method is list.append and self a list; every
# other case behaves as the general call.
r = []
for i in range(5):
    r.append(i * i)
print(r)
class L(list):
    def append(self, x):
        list.append(self, ("wrapped", x))
class M(list):
    pass
a, b = L(), M()
for i in range(2):
    a.append(i)
    b.append(i)
print(a, b, type(b).__name__)
ap = r.append
ap(99)
print(r[-1], list.append(r, 100), r[-1])
for args in ((), (1, 2)):
    try:
        r.append(*args)
    except TypeError as e:
        print("TypeError:", e)
class HasAppend:
    def __init__(self):
        self.got = []
    def append(self, x):
        self.got.append(x)
h = HasAppend()
for x in "ab":
    h.append(x)
print(h.got)
# An object appended to itself (a cycle) and the result value of append.
s = []
print(s.append(s), len(s), s[0] is s)
