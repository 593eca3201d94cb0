# Infinite generators combined with take/drop helpers written by hand.
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, g):
    return [x for _, x in zip(range(n), g)]
def drop(n, g):
    for _ in range(n):
        next(g)
    return g
def mapg(f, g):
    for x in g:
        yield f(x)
def filterg(p, g):
    for x in g:
        if p(x):
            yield x
def sieve():
    g = naturals(2)
    while True:
        p = next(g)
        yield p
        g = filterg(lambda x, p=p: x % p, g)
print(take(5, naturals()), take(3, drop(10, naturals())), take(5, mapg(lambda x: x ** 2, naturals(1))))
print(take(15, sieve()))
def interleave(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave(iter("abc"), iter([1, 2]), iter("XYZW"))))
