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
