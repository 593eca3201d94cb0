# hash and id semantics (never printing actual values that vary between runs).
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, a == c)
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False))
print(hash("abc") == hash("abc"), hash((1, "a")) == hash((1, "a")), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(-1) == hash(-2), hash(10 ** 20) == hash(10 ** 20 + 0), hash(0.5), hash(2 ** 61 - 1), hash(None) == hash(None))
print(hash(123), hash(-123), hash(3.0), hash(-0.0), hash(float("inf")), hash(float("-inf")))
x = object()
ids = {id(x)}
print(id(x) in ids, isinstance(id(x), int), id(x) == id(x))
def f():
    pass
print(hash(f) == hash(f), f == f)
s = "interned?"
t = s
print(s is t, id(s) == id(t))
print(type(hash("x")).__name__, isinstance(hash(()), int))
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
