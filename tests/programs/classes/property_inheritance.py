# Properties overridden and extended in subclasses; super() inside property code.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x
class Doubled(Base):
    @property
    def v(self):
        return super().v * 2
    @v.setter
    def v(self, x):
        Base.v.fset(self, x + 100)
class ReadOnly(Base):
    v = property(Base.v.fget)
b, d, r = Base(), Doubled(), ReadOnly()
b.v = 5
d.v = 5
print(b.v, d.v, d._v, r.v)
try:
    r.v = 3
except AttributeError as e:
    print("AttributeError:", e)
class Computed:
    def __init__(self, items):
        self.items = items
    total = property(lambda self: sum(self.items))
    count = property(lambda self: len(self.items))
    mean = property(lambda self: self.total / self.count if self.count else 0.0)
c = Computed([1, 2, 3, 4])
print(c.total, c.count, c.mean, Computed([]).mean)
c.items.append(10)
print(c.total, c.mean)
