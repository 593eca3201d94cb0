# Function introspection that is stable: names, docstrings, defaults, qualified names.
def sample(a, b=2, *args, c, d=4, **kw):
    """Sample docstring."""
    local = a + b
    return local
print(sample.__name__, sample.__doc__, sample.__defaults__, sample.__kwdefaults__)
print(callable(sample), type(sample).__name__, sample.__module__)
lam = lambda: None
print(lam.__name__, lam())
def outer():
    x = 1
    def inner():
        return x
    return inner
f = outer()
print(f(), f.__name__, f.__qualname__)
print(sum.__name__, len.__doc__ is not None, print.__name__)
