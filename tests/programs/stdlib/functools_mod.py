# functools: reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering, cache.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(lambda a, b: a + b, [], 0))
base2 = functools.partial(int, base=2)
print(base2("1011"), base2.keywords, functools.partial(pow, 2)(10))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info().hits > 0)
calls = []
@functools.cache
def square(x):
    calls.append(x)
    return x * x
print(square(4), square(4), calls)
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def documented():
    """Docstring survives."""
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
