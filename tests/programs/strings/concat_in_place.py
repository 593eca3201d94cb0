# `s += t` appends in place only when nothing else holds s: aliases keep their value.
def f():
    s = "a"
    u = s
    s += "b"
    print(s, u)
    t = "x"
    for i in range(5):
        t += str(i)
        v = t
    print(t, v)
    w = "é"
    w += "ü"
    print(w, len(w), w[1], hash(w) == hash("éü"))
f()
s = "m"
s += "n"
print(s)
