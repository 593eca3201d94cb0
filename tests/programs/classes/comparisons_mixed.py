# __eq__ returning non-bools, __ne__ derived from __eq__, reflected comparisons between classes.
class Weird:
    def __eq__(self, o):
        return "truthy string"
w = Weird()
print(w == 1, w != 1, bool(w == 1))
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"A.__eq__({self.v}, {getattr(o, 'v', o)})")
        return isinstance(o, A) and self.v == o.v
    def __lt__(self, o):
        print("A.__lt__")
        return self.v < o.v
class B(A):
    def __gt__(self, o):
        print("B.__gt__ (reflected first because B is a subclass)")
        return self.v > o.v
print(A(1) == A(1), A(1) != A(2))
print(A(1) < B(2))
print(B(1) > A(0))
class Spy:
    def __init__(self, name):
        self.name = name
    def __lt__(self, o):
        print(f"{self.name} < {o.name}")
        return NotImplemented
    def __gt__(self, o):
        print(f"{self.name} > {o.name}")
        return NotImplemented
try:
    Spy("x") < Spy("y")
except TypeError as e:
    print("TypeError:", e)
print(sorted([B(3), A(1), B(2)], key=lambda o: o.v)[0].v)
