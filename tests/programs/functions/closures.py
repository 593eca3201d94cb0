# Closures and nonlocal.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders()])
def late():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in late()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a = acc()
print(a(1), a(2), a(3))
def two_levels():
    n = 0
    def m():
        def i():
            nonlocal n
            n += 1
            return n
        return i
    f = m()
    f(); f()
    return n
print(two_levels())
def make_pair():
    val = 0
    def get():
        return val
    def put(v):
        nonlocal val
        val = v
    return get, put
g, p = make_pair()
p(42)
print(g(), g.__closure__ is not None)
