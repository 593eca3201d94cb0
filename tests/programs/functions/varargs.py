# *args and **kwargs, call-site unpacking.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show(), show(1, 2), show(a=1), show(1, b=2, c=3))
print(show(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
def add(a, b, c):
    return a + b + c
print(add(*[1, 2, 3]), add(1, *[2, 3]), add(**{"a": 1, "b": 2, "c": 3}), add(1, **{"c": 3, "b": 2}))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))
def mixed(a, b=0, *args, key="k", **kw):
    return (a, b, args, key, kw)
print(mixed(1), mixed(1, 2, 3, 4, key="z", extra=5))
try:
    add(**{"a": 1, "b": 2, "c": 3, "d": 4})
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
def kw_only(*, x):
    return x
try:
    kw_only(1)
except TypeError as e:
    print("TypeError:", e)
print(kw_only(x=9))
