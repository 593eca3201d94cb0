# slice objects and __getitem__ receiving slices and tuples.
class Show:
    def __getitem__(self, key):
        return key
s = Show()
print(s[1], s[1:2], s[::3], s[1:2, 3], s[..., 1], s[:, None], s["k"])
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, sl, sl.indices(5), slice(None).indices(3), slice(-3, None).indices(10))
print(slice(5) == slice(None, 5), list(range(20))[sl], "abcdefghijk"[sl])
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, idx):
        r, c = idx
        if isinstance(r, slice):
            return [row[c] for row in self.rows[r]]
        return self.rows[r][c]
    def __setitem__(self, idx, v):
        r, c = idx
        self.rows[r][c] = v
m = Matrix([[1, 2], [3, 4], [5, 6]])
print(m[1, 0], m[:, 1], m[::2, 0])
m[0, 0] = 99
print(m.rows)
t = tuple(range(10))
print(t[2:7], t[::-4], t[slice(3)], (1, 2, 3)[-1:])
b = b"hello"
print(b[1:3], b[::-1], b[0], list(b[:2]))
print(list(range(10))[-3:-1], list(range(10))[7:3:-2], range(10)[2:8:3])
