def f(a, b=2, /, c=3, *args, d, e=5, **kwargs) -> int:
    "Docstring."
    return a + b + c + d + e

def outer(n):
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

@decorator
@other(1)
def decorated(x: int, *, y: str = "s"):
    return x

square = lambda v, w=2: v ** w
f(1, 2, d=4)
f(*args, **kwargs)
f(1, *rest, x=2, **more, z=3)
obj.method(1, 2)
obj.method(1, key=2)
