# Attribute lookups that were cached must see later changes to any class of the MRO.
class A:
    x = 1
    def m(self):
        return "A.m"

class B(A):
    pass

class C(B):
    pass

c = C()
for _ in range(3):
    print(c.x, c.m())
A.x = 2
print(c.x)
B.x = 3
print(c.x)
del B.x
print(c.x)
C.m = lambda self: "C.m"
print(c.m())
del C.m
print(c.m())
setattr(A, "m", lambda self: "A.m2")
print(c.m())
c.x = "inst"
print(c.x)
del c.x
print(c.x)
delattr(A, "x")
try:
    c.x
except AttributeError as e:
    print("AttributeError:", e)
A.y = property(lambda self: "prop")
print(c.y)
c.__dict__["y"] = "shadow?"
print(c.y)

def f(o):
    return o.z

class D:
    z = 0
d = D()
total = 0
for i in range(50):
    D.z = i
    total += f(d)
print(total)
