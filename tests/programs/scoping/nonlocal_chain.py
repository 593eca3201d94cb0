# nonlocal through several levels; closures sharing a cell.
def level1():
    a = 1
    def level2():
        def level3():
            nonlocal a
            a += 10
            return a
        return level3
    f = level2()
    f()
    f()
    return a
print(level1())
def shared():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def get():
        return n
    return inc, get
inc, get = shared()
for _ in range(5):
    inc()
print(get())
def rebinding():
    value = "first"
    def show():
        return value
    value = "second"
    return show()
print(rebinding())
def loop_cells():
    fs = []
    for i in range(3):
        def f(j=i):
            return i, j
        fs.append(f)
    return [f() for f in fs]
print(loop_cells())
def param_shadow(x):
    def inner():
        return x * 2
    x = x + 1
    return inner()
print(param_shadow(5))
