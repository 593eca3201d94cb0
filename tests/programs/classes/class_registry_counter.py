# Class-level state shared by instances and subclasses; instance counting; id-free identity checks.
class Shape:
    count = 0
    registry = []
    def __init__(self):
        Shape.count += 1
        type(self).registry = type(self).registry + [self]
        self.id = Shape.count
    def __repr__(self):
        return f"{type(self).__name__}#{self.id}"
class Sq(Shape):
    pass
class Tri(Shape):
    registry = []
shapes = [Shape(), Sq(), Tri(), Sq(), Tri()]
print(Shape.count, Shape.registry, Sq.registry, Tri.registry)
print([s is t for s, t in zip(shapes, shapes[::-1])])
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            inst = super().__new__(cls)
            inst.key = key
            cls._cache[key] = inst
        return cls._cache[key]
print(Cached("a") is Cached("a"), Cached("a") is Cached("b"), len(Cached._cache))
