# yield from: delegation, return values, send/throw pass-through.
def inner():
    x = yield "inner-1"
    print("inner got", x)
    yield "inner-2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer-end"
g = outer()
print(next(g))
print(g.send("S"))
print(next(g))
print(next(g, "done"))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x for x in [9]))))
def tree(n):
    if n == 0:
        yield 0
        return
    yield from tree(n - 1)
    yield n
    yield from tree(n - 1)
print(list(tree(3)))
def sub():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "sub handled"
def deleg():
    yield from sub()
    yield "after"
d = deleg()
print(next(d), d.throw(KeyError), next(d))
def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, (2, [3, [4]]), [[5]]])))
def gen_returns():
    return (yield from range(3))
print(list(gen_returns()))
