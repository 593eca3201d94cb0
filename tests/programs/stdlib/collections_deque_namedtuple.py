# collections.deque and namedtuple
from collections import deque, namedtuple, ChainMap
d = deque([1, 2, 3])
d.appendleft(0); d.append(4)
print(d, d.popleft(), d.pop(), d)
d.rotate(1); print(d)
d.rotate(-2); print(d)
d.extend("ab"); d.extendleft("xy"); print(d, len(d), d[0], d[-1])
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, list(bounded), bounded.maxlen)
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, Point._make([5, 6]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p))
Emp = namedtuple("Emp", "name age dept", defaults=["eng"])
print(Emp("ann", 30), Emp("bob", 40, "ops"))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], sorted(cm), len(cm))
