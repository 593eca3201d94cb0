# The iterator protocol by hand and through builtins.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
for x in Countdown(2):
    print("loop", x)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), 2 in r, 5 in r)
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), list(iter(Seq())))
calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 4)))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
e = enumerate("ab")
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(list(z), list(z))
rev = reversed([1, 2, 3])
print(next(rev), list(rev))
m = map(str, [1, 2])
print(iter(m) is m, list(m))
