# assert, del, pass.
assert True
assert 1 + 1 == 2, "math"
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert", repr(e), e.args)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b = 1, 2
del a, b
lst = [1, 2, 3]
del lst[0], lst[-1]
print(lst)
class C:
    pass
c = C()
c.attr = 1
del c.attr
print(hasattr(c, "attr"))
try:
    del c.attr
except AttributeError as e:
    print("AttributeError:", e)
def nothing():
    pass
print(nothing())
class Empty:
    pass
print(type(Empty()).__name__)
