# __slots__: fixed attribute sets.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
p.x = 10
print(p.x, p.y, P.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)
class Open(P):
    pass
o = Open(1, 2)
o.anything = "ok"
print(o.anything)
class S:
    __slots__ = ["a"]
s = S()
try:
    s.a
except AttributeError as e:
    print("AttributeError: unset slot")
s.a = 5
del s.a
print(hasattr(s, "a"))
# Stores in a loop (the fast store path): slot names succeed, others fail every time.
def fill(obj, names):
    out = []
    for i, n in enumerate(names):
        try:
            setattr(obj, n, i)
            out.append(n)
        except AttributeError as e:
            out.append("no " + n)
    return out
r = P(0, 0)
for _ in range(3):
    print(fill(r, ["x", "y", "w", "x"]))
def direct(obj, k):
    for i in range(k):
        obj.x = i
        obj.y = obj.x * 2
        try:
            obj.w = 1
        except AttributeError:
            pass
    return obj.x, obj.y
print(direct(P(0, 0), 50), direct(Q(0, 0), 50))
# No __dict__ on a slots instance (its namespace is not a dict object), one on a subclass
# without __slots__.
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)
print(o.__dict__["anything"], vars(o)["anything"])
# Cycles through slots instances are collected.
import gc
class Node:
    __slots__ = ("other", "payload")
gc.collect()
gc.disable()
for i in range(1000):
    a = Node(); b = Node()
    a.other = b; b.other = a
    a.payload = [i] * 10; b.payload = a
del a, b
print(gc.collect() >= 2000)
gc.enable()
