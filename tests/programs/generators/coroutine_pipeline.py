# Generator-based coroutines: a push pipeline with send(), primed by a decorator.
def coroutine(fn):
    def start(*args, **kw):
        g = fn(*args, **kw)
        next(g)
        return g
    return start
@coroutine
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
@coroutine
def upper(target):
    while True:
        target.send((yield).upper())
@coroutine
def collect(sink):
    try:
        while True:
            sink.append((yield))
    except GeneratorExit:
        sink.append("<closed>")
out = []
c = collect(out)
pipe = grep("py", upper(c))
for line in ["python rocks", "rust too", "stmpy runs python", "pypy"]:
    pipe.send(line)
c.close()
print(out)
@coroutine
def running_max():
    best = None
    while True:
        v = yield best
        best = v if best is None or v > best else best
rm = running_max()
print([rm.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
