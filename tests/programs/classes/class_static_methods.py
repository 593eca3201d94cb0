# classmethod and staticmethod, alternative constructors.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(MyDate.from_string("2000-01-01").is_leap(2001))
class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items = cls.items + [x]
        return cls
class R2(Registry):
    pass
Registry.add(1)
R2.add(2).add(3)
print(Registry.items, R2.items)
sm = staticmethod(lambda: "static")
class H:
    f = sm
    g = classmethod(lambda cls: cls.__name__)
print(H.f(), H().f(), H.g(), H().g())
print(type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["from_string"]).__name__)
