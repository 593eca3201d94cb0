# copy.copy/deepcopy (CPython's copy module) of built-in subclasses, slots, cycles, namedtuples and collections.
import copy
from collections import namedtuple, OrderedDict, defaultdict, Counter
class L(list): pass
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k); self.extra = 1
class C:
    def __init__(self): self.items = [1, [2]]; self.me = self
class S:
    __slots__ = ("a", "b")
s = S(); s.a = [1]
P = namedtuple("P", "x y")
data = [L([1, [2]]), D(a=[1]), C(), s, P(1, [2]), {1, 2}, frozenset([3]), bytearray(b"x"), (1, [2]), OrderedDict(a=1), defaultdict(list, a=[1]), Counter("aab"), 1+2j, range(3)]
for x in data:
    y = copy.copy(x); z = copy.deepcopy(x)
    print(type(y).__name__, type(z).__name__, y == x if not isinstance(x, (C, S)) else True, getattr(z, "extra", None))
c = C(); d = copy.deepcopy(c); print(d.me is d, d.items is not c.items, d.items[1] is not c.items[1])
z = copy.deepcopy(s); print(z.a, z.a is not s.a, hasattr(z, "b"))
class R:
    def __reduce__(self): return (R, ())
    def __deepcopy__(self, memo): return "custom"
print(copy.deepcopy(R()), copy.copy(R()).__class__.__name__)
