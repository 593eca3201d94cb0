# Subclassing builtin types: list, dict, str, int, tuple, set, Exception.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s[1:3], type(s[1:3]).__name__, isinstance(s, list), s == [1, 2, 3, 4])
class CountingDict(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.sets = 0
    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v)
cd = CountingDict(a=1)
cd["b"] = 2
cd["c"] = 3
print(sorted(cd.items()), cd.sets, len(cd), "a" in cd, cd.get("z", 0))
class Tag(str):
    def wrap(self):
        return f"<{self}>"
t = Tag("b")
print(t.wrap(), t.upper(), type(t.upper()).__name__, t == "b", len(t), t + "x")
class Meters(int):
    def describe(self):
        return f"{int(self)} m"
m = Meters(5)
print(m.describe(), m + 1, type(m + 1).__name__, m * 2, m == 5, hash(m) == hash(5))
class Pair(tuple):
    @property
    def first(self):
        return self[0]
p = Pair((1, 2))
print(p, p.first, len(p), p + (3,), type(p + (3,)).__name__)
class Tags(set):
    def names(self):
        return sorted(self)
tg = Tags(["b", "a"])
tg.add("c")
print(tg.names(), len(tg), "a" in tg)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(f"[{code}] {msg}")
        self.code = code
try:
    raise AppError(42, "broken")
except Exception as e:
    print(e, e.code, e.args, isinstance(e, AppError))
