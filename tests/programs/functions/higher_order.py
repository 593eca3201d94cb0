# Functions taking and returning functions: compose, curry, pipeline, callbacks.
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def curry(f, n):
    def curried(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: curried(*args, *more)
    return curried
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
def pipeline(data, *steps):
    for s in steps:
        data = s(data)
    return data
print(pipeline(range(10), lambda it: filter(lambda v: v % 2, it), lambda it: map(dbl, it), list))
events = {}
def on(name):
    def register(fn):
        events.setdefault(name, []).append(fn)
        return fn
    return register
@on("save")
def log_save(x):
    return f"logged {x}"
@on("save")
def backup(x):
    return f"backed up {x}"
print([h("doc") for h in events["save"]])
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts
count, counts = counter_factory()
for w in "a b a c a".split():
    count(w)
print(counts)
print(list(map(lambda f: f(3), [inc, dbl, str, float])))
