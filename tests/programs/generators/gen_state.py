# Generator objects: gi_running-free state checks, reuse, and exceptions inside.
def g():
    yield 1
    raise ValueError("inside")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("ValueError:", e)
print(next(it, "finished after error"))
def reentrant():
    yield next(gen)
gen = reentrant()
try:
    next(gen)
except ValueError as e:
    print("ValueError:", e)
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
def gen_with_finally():
    try:
        for i in range(3):
            yield i
    finally:
        print("finally runs on exhaustion")
print(list(gen_with_finally()))
def stopiter_inside():
    yield 1
    raise StopIteration
try:
    list(stopiter_inside())
except RuntimeError as e:
    print("RuntimeError:", e)
