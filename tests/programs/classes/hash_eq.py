# __hash__ and __eq__: set/dict membership, unhashable when only __eq__ is defined.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(pts), Point(2, 1) in pts, sorted(pts, key=lambda p: (p.x, p.y)))
d = {Point(0, 0): "origin"}
print(d[Point(0, 0)], d.get(Point(1, 1), "none"))
class OnlyEq:
    def __eq__(self, o):
        return True
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError:", e)
print(OnlyEq.__hash__)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p, p != Plain(), {p: 1}[p])
class Inherit(Point):
    pass
print(hash(Inherit(1, 2)) == hash(Point(1, 2)), Inherit(1, 2) == Point(1, 2))
class BadHash:
    def __hash__(self):
        return "no"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class ExplicitNone:
    __hash__ = None
try:
    {ExplicitNone()}
except TypeError as e:
    print("TypeError:", e)
