# abs, divmod, round, sum, len, repr, ascii, globals/locals, slice, object, print options.
print(abs(-3), abs(-3.5), abs(2 ** 70 * -1), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(len("abc"), len([1]), len({}), len(range(10)), len(b"xy"), len({1, 2}), len((1,) * 4))
print(repr("a'b"), ascii("ü"), repr(1.0), repr(None), repr(...), repr(NotImplemented))
def f():
    local_var = 1
    return sorted(locals())
print(f(), "f" in globals(), "__name__" in globals(), __name__)
o = object()
print(type(o).__name__, o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print("a", 1, None, sep="|", end=";\n")
print("x", end="")
print()
import sys
print("to stdout", file=sys.stdout)
print(sys.stdout is not None, end="\n", flush=True)
print(max(range(10), key=lambda v: (v % 3, v)), min("zebra"), sum([1.5, 2.5]))
print(pow(10, -2), round(2.567, 1), round(-2.567, 1), bool(...), Ellipsis)
print(list(map(len, ["", "a", "ab"])), sorted([3, 1, 2], key=None), all([]))
