# Exceptions crossing generator boundaries.
def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("generator caught", e)
        yield "recovered"
    finally:
        print("generator finally")
g = gen()
print(next(g))
print(g.throw(ValueError("injected")))
try:
    next(g)
except StopIteration:
    print("exhausted")
def failing():
    yield 1
    raise KeyError("from generator")
try:
    for v in failing():
        print("value", v)
except KeyError as e:
    print("loop saw", repr(e))
def consumer_error():
    for v in range(3):
        yield v
c = consumer_error()
for v in c:
    if v == 1:
        try:
            raise ValueError("consumer failed")
        except ValueError as e:
            print(e, "- generator still usable:", next(c))
try:
    list(x / (x - 2) for x in range(5))
except ZeroDivisionError as e:
    print("genexpr:", e)
