# timeit: Timer with callables and source strings, timeit/repeat return types, globals.
import timeit

calls = []


def work():
    calls.append(1)


t = timeit.timeit(work, number=50)
print(type(t).__name__, t >= 0, len(calls))
r = timeit.repeat(work, repeat=3, number=10)
print(len(r), all(x >= 0 for x in r), len(calls))
print(timeit.timeit("x = sum(range(10))", number=100) >= 0)
counter = {"n": 0}
timeit.timeit("counter['n'] += 1", number=7, globals=globals())
print(counter)
tm = timeit.Timer("y = a * 2", setup="a = 21")
print(tm.timeit(number=5) >= 0, len(tm.repeat(repeat=2, number=3)))
print(timeit.default_timer is not None, callable(timeit.default_timer))
try:
    timeit.Timer(42)
except ValueError as e:
    print("ValueError:", e)
