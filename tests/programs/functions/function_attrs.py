# Functions are objects: attributes, docstrings, passing, returning.
def documented(a, b=1):
    """Adds things."""
    return a + b
print(documented.__name__, documented.__doc__, documented.__defaults__)
documented.custom = "yes"
print(documented.custom)
def apply(f, *args):
    return f(*args)
print(apply(documented, 1, 2), apply(max, 3, 9, 4), apply(str.upper, "x"))
def no_doc():
    pass
print(no_doc.__doc__, callable(no_doc), callable(3))
def returns_multiple():
    return 1, "two", [3]
a, b, c = returns_multiple()
print(a, b, c, returns_multiple())
def early(x):
    if x:
        return "early"
    print("fell through")
print(early(1), early(0))
ops = [abs, str, len]
print([f(-3) if f is not len else f("abc") for f in ops])
print(documented.__qualname__)
class K:
    def m(self):
        pass
print(K.m.__qualname__, K.m.__name__)
