# str/repr of builtin exceptions with various args.
excs = [Exception(), Exception("m"), Exception("a", 1), ValueError(""), KeyError("k"), KeyError(""),
        KeyError(1, 2), IndexError(0), OSError("x"), OSError(13, "denied"), StopIteration(),
        SystemExit(2), AttributeError("obj has no attr"), NameError("n"), RuntimeError(None),
        ZeroDivisionError("division by zero"), LookupError([1, 2]), UnicodeError("u")]
for e in excs:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
class E(Exception):
    pass
print(repr(E("x")), str(E("x", "y")), E.__name__, E.__mro__[1].__name__)
