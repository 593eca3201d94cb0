# Exception attributes: ImportError.name, AttributeError.name/obj, NameError.name, chaining, notes.
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
try:
    f()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        raise KeyError("k")
    finally:
        print("finally runs")
except KeyError as e:
    print("caught", e, e.args)
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                return "ret"
        finally:
            print("fin", i)
print(g())
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a
    def __str__(self):
        return f"E<{self.a}>"
try:
    raise E(1, 2)
except Exception as e:
    print(e, repr(e), e.args, str(e))
e = RuntimeError("x")
e.add_note("a note")
print(e.__notes__)
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value)
try:
    {}["x"]
except LookupError as e:
    print(type(e).__name__, e)
print(issubclass(KeyError, LookupError), KeyError.__mro__)
try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple catch", e)
def h():
    raise NotImplementedError
try: h()
except NotImplementedError as e: print(repr(e))
try:
    import nosuchmod
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    x = undefined
except NameError as e:
    print(e, e.name)
try:
    None.x
except AttributeError as e:
    print(e, e.name if hasattr(e, "name") else "?", e.obj if hasattr(e, "obj") else "?")
