# super() in classmethods, staticmethod calls, explicit two-argument form, diamond with kwargs.
class A:
    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"
    def greet(self, who="world"):
        return f"A greets {who}"
class B(A):
    @classmethod
    def create(cls):
        return "B+" + super().create()
    def greet(self, who="world"):
        return "B>" + super().greet(who=who.upper())
class C(B):
    def greet(self, who="world"):
        return "C>" + super(B, self).greet(who)
print(B.create(), C.create(), B().greet(), C().greet("you"))
class Root:
    def __init__(self, **kw):
        self.extra = kw
class Left(Root):
    def __init__(self, left=0, **kw):
        self.left = left
        super().__init__(**kw)
class Right(Root):
    def __init__(self, right=0, **kw):
        self.right = right
        super().__init__(**kw)
class Both(Left, Right):
    pass
o = Both(left=1, right=2, other=3)
print(o.left, o.right, o.extra, [k.__name__ for k in Both.__mro__])
print(super(Both, o).__init__ is not None, isinstance(super(), object) if False else "ok")
