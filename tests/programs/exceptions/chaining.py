# raise from, implicit chaining, __cause__, __context__, __suppress_context__.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as v:
    print(repr(v), repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as r:
    print(repr(r), repr(r.__context__), r.__cause__, r.__suppress_context__)
try:
    try:
        raise TypeError("t")
    except TypeError:
        raise ValueError("no context") from None
except ValueError as v:
    print(repr(v), v.__cause__, repr(v.__context__), v.__suppress_context__)
try:
    raise ValueError("direct")
except ValueError as v:
    print(v.__context__, v.__cause__)
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        raise
try:
    reraise()
except KeyError as k:
    print("re-raised", repr(k))
try:
    try:
        raise ValueError("first")
    finally:
        print("finally runs")
except ValueError as v:
    print("after finally", v)
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise e
except ValueError as v:
    print("raise e keeps", v, v.__context__)
e = ValueError("x")
try:
    raise e from KeyError("cause")
except ValueError as v:
    print(repr(v.__cause__))
try:
    raise ValueError from TypeError
except ValueError as v:
    print(repr(v), repr(v.__cause__))
