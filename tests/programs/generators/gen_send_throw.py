# send, throw, close, and generator finalization.
def echo():
    received = None
    while True:
        try:
            received = yield received
        except ValueError as e:
            received = f"caught {e}"
        if received == "stop":
            return "stopped"
g = echo()
print(next(g))
print(g.send("hello"))
print(g.send(42))
print(g.throw(ValueError("bad")))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration value:", e.value)
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(x) for x in [10, 20, 30, 40]])
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing()
print(next(c))
c.close()
print("closed")
c.close()
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c2 = catches_exit()
next(c2)
c2.close()
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g2 = echo()
try:
    g2.send(1)
except TypeError as e:
    print("TypeError:", e)
def thrower():
    yield 1
t = thrower()
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("KeyError from unstarted generator:", e)
print(list(t))
