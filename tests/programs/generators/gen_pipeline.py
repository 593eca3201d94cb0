# Generator pipelines processing lines lazily.
text = """alpha 3
beta 7
# comment
gamma x
delta 11

epsilon 2"""
def lines(t):
    for line in t.splitlines():
        yield line
def nonblank(it):
    return (l for l in it if l.strip() and not l.startswith("#"))
def parse(it):
    for l in it:
        name, _, val = l.partition(" ")
        try:
            yield name, int(val)
        except ValueError:
            print("skipping bad value", repr(val))
def running_total(it):
    total = 0
    for name, v in it:
        total += v
        yield name, v, total
for row in running_total(parse(nonblank(lines(text)))):
    print(row)
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(20)])
