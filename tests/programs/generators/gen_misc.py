# Generators: return inside with/try, multiple for/if clauses, generator methods on classes.
class Res:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("open")
        return self
    def __exit__(self, *a):
        self.log.append("close")
log = []
def reader(n):
    with Res(log):
        for i in range(n):
            if i == 2:
                return "stopped early"
            yield i
g = reader(5)
print(list(g), log)
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
        finally:
            log.append(f"pair {a},{b}")
print(list(safe_div([(1, 2), (1, 0), (3, 3)])), log[-3:])
print([(x, y) for x in range(4) if x % 2 for y in range(x) if y != 1])
print(list((a, b, c) for a in range(3) for b in range(a) for c in range(b)))
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
    def evens(self):
        return (x for x in self if x % 2 == 0)
f = Fib(100)
print(list(f), list(f.evens()), sum(f), 55 in f)
def gen_of_gens():
    for i in range(3):
        yield (i * j for j in range(3))
print([list(g) for g in gen_of_gens()])
