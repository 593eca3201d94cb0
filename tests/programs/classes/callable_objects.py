# __call__ and objects used as functions.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, offset=0):
        return x * self.k + offset
double = Multiplier(2)
print(double(5), double(5, offset=1), list(map(double, [1, 2, 3])), callable(double))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
c = Counter()
c(); c()
print(c(), c.n)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.fn(*args)
        return self.cache[args]
@Memo
def slow_add(a, b):
    print("computing", a, b)
    return a + b
print(slow_add(1, 2), slow_add(1, 2), slow_add(2, 1), len(slow_add.cache))
print(callable(Multiplier), callable(len), callable("str"), callable(None))
try:
    s = "x"
    s()
except TypeError as e:
    print("TypeError:", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
