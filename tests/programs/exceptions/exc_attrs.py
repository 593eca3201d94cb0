# Exception args, str, repr, and special attributes.
e = ValueError("bad", 42)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), ValueError().args, str(ValueError("one")), repr(ValueError("one")))
k = KeyError("key")
print(str(k), repr(k), str(KeyError()), str(KeyError(1, 2)))
print(str(IndexError("list index out of range")))
s = StopIteration(5)
print(s.value, s.args)
se = SystemExit(3)
print(se.code, SystemExit().code)
oe = OSError(2, "No such file")
print(oe.errno, oe.strerror, str(oe))
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u.encoding, u.start, u.end, u.reason, str(u))
try:
    {}["missing"]
except KeyError as ex:
    print(repr(ex), ex.args[0])
try:
    [][3]
except IndexError as ex:
    print(repr(ex))
try:
    int("x")
except ValueError as ex:
    print(ex.args)
try:
    undefined_name
except NameError as ex:
    print(ex.args, ex.name if hasattr(ex, "name") else "")
try:
    None.attr
except AttributeError as ex:
    print(ex.args)
e2 = Exception("a", "b")
e2.extra = "custom attribute"
print(e2.extra, e2.args, isinstance(e2, BaseException))
e3 = Exception()
e3.args = ("changed",)
print(str(e3))
print(ArithmeticError("x").with_traceback(None).args)
