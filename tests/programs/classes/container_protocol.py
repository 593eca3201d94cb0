# __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __reversed__, __bool__.
class Bag:
    def __init__(self):
        self.data = {}
    def __len__(self):
        return sum(self.data.values())
    def __getitem__(self, k):
        return self.data.get(k, 0)
    def __setitem__(self, k, v):
        if v <= 0:
            self.data.pop(k, None)
        else:
            self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]
    def __contains__(self, k):
        return k in self.data
    def __iter__(self):
        for k in sorted(self.data):
            for _ in range(self.data[k]):
                yield k
    def __reversed__(self):
        return reversed(list(self))
b = Bag()
print(len(b), bool(b), "x" in b)
b["a"] = 2
b["b"] = 1
b["c"] = 3
print(len(b), bool(b), b["a"], b["zz"], "a" in b, list(b), list(reversed(b)))
b["c"] = 0
del b["a"]
print(len(b), list(b), sorted(b.data))
try:
    del b["nope"]
except KeyError as e:
    print("KeyError:", e)
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(bool(Truthy(True)), bool(Truthy(False)), "yes" if Truthy(False) else "no", not Truthy(True))
class LenOnly:
    def __len__(self):
        return 0
print(bool(LenOnly()), len(LenOnly()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class Grid:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, pos, v):
        self.cells[pos] = v
    def __getitem__(self, pos):
        return self.cells.get(pos, ".")
g = Grid()
g[0, 1] = "#"
g[2, 2] = "@"
print("\n".join("".join(g[r, c] for c in range(3)) for r in range(3)))
