# throw()/close() on a generator delegating with yield from.
def sub():
    try:
        x = yield 1
        print("sub got", x)
        yield 2
    except ValueError as e:
        print("sub caught", e)
        return "subret"
    finally:
        print("sub finally")
def deleg():
    r = yield from sub()
    print("deleg r", r)
    yield "after"
g = deleg(); print(next(g), g.send("hi"), g.throw(ValueError("v")))
g = deleg(); next(g); g.close(); print("closed")
def deleg2():
    try:
        yield from sub()
    except KeyError:
        yield "deleg caught"
g = deleg2(); next(g); print(g.throw(KeyError))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
def d3():
    yield from It()
g = d3(); print(next(g))
try:
    g.throw(IndexError("x"))
except IndexError as e: print("propagated", e)
