# __new__, __init__, __init_subclass__, and class-level registries.
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print("creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__.lower()] = cls
class Alpha(Plugin):
    pass
class Beta(Plugin, name="b"):
    pass
print(sorted(Plugin.registry), Plugin.registry["b"] is Beta)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, len(p), isinstance(p, tuple))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Upper("abc"), Upper("abc") + "d", type(Upper("x")).__name__)
class MyList(list):
    def sum(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), len(m), m[1:])
class MyDict(dict):
    def __missing__(self, key):
        return f"<{key}>"
md = MyDict(a=1)
print(md["a"], md["zz"], "zz" in md)
class Int2(int):
    def __repr__(self):
        return f"Int2({int(self)})"
print(Int2(5) + 1, repr(Int2(5)), Int2(5) == 5)
