# Generator functions: laziness, state, StopIteration, return values.
def count_up(n):
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("done")
g = count_up(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(next(g, "exhausted"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
def with_return():
    yield 1
    return "result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def empty():
    return
    yield
print(list(empty()))
def nested_loops():
    for i in range(3):
        for j in range(i):
            yield i, j
print(list(nested_loops()))
gen = (x * x for x in range(5))
print(sum(gen), sum(gen))
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, fib())))
print(iter(g) is g, hasattr(g, "__next__"))
