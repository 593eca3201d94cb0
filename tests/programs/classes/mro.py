# Multiple inheritance and C3 linearization.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
print([k.__name__ for k in Aa.mro()])
try:
    class X(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class Mixin:
    def hello(self):
        return "hello from " + type(self).__name__
class Thing(Mixin, A):
    pass
print(Thing().hello(), Thing().who())
class P1:
    def __init__(self):
        print("P1")
        super().__init__()
class P2:
    def __init__(self):
        print("P2")
        super().__init__()
class Kid(P1, P2):
    def __init__(self):
        print("Kid")
        super().__init__()
Kid()
