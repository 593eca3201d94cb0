# Slice reads, slice assignment with steps, del with slices.
a = list(range(10))
print(a[2:8:2], a[::-3], a[-2:], a[:-8:-1])
b = a[:]
b[2:5] = ["x"]; print(b)
b[1:1] = [10, 11, 12]; print(b)
b[:] = [1, 2, 3]; print(b)
b[len(b):] = [4]; print(b)
c = list(range(10))
c[::2] = "abcde"; print(c)
c[1::3] = [None] * 3; print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = list(range(10))
del d[1]; print(d)
del d[::2]; print(d)
del d[-2:]; print(d)
del d[:]; print(d)
e = list(range(6))
e[-1] = "last"; e[0] = "first"; print(e)
try:
    e[6] = 1
except IndexError as ex:
    print("IndexError:", ex)
f = [1, 2, 3, 4, 5]
f[1:4] = []; print(f)
f[5:10] = [9]; print(f)
g = list(range(8))
g[6:2:-1] = "wxyz"; print(g)
g[::-1] = range(8); print(g)
h = [0, 1, 2]
h[0:2] = h; print(h)
