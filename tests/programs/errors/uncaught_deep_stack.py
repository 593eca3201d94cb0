def a(n):
    return b(n) + 1
def b(n):
    return c(n) * 2
def c(n):
    return {"k": 1}[n]
print(a("k"))
print(a("missing"))
