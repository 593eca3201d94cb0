# A sequence-like Vector: slicing returns Vectors, equality, hashing, iteration, formatting.
class Vector:
    def __init__(self, *xs):
        self.xs = tuple(xs)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(*self.xs[i])
        return self.xs[i]
    def __iter__(self):
        return iter(self.xs)
    def __eq__(self, o):
        return isinstance(o, Vector) and self.xs == o.xs
    def __hash__(self):
        return hash(self.xs)
    def __add__(self, o):
        return Vector(*(a + b for a, b in zip(self, o)))
    def __mul__(self, k):
        return Vector(*(a * k for a in self))
    __rmul__ = __mul__
    def __abs__(self):
        return sum(a * a for a in self) ** 0.5
    def __bool__(self):
        return any(self.xs)
    def __repr__(self):
        return f"Vector{self.xs}"
    def __format__(self, spec):
        return "<" + ", ".join(format(a, spec) for a in self) + ">"
v = Vector(3, 4, 0)
print(v, v[0], v[-1], v[:2], v[::-1], len(v), abs(v), bool(v), bool(Vector(0, 0)))
print(v + Vector(1, 1, 1), v * 2, 2 * v, v == Vector(3, 4, 0), {v, Vector(3, 4, 0)})
print(f"{v:.2f}", f"{Vector(1, 22):>4}", list(v), max(v), 4 in v)
x, y, z = v
print(x, y, z)
