# Subclasses of list/dict/str/int/float/tuple/set/bytes: built-in behaviour through the subclass.
class L(list):
    pass
l = L([3, 1, 2])
l.sort(); l += [9]; l.extend((4,)); l[0] = 0
print(l, type(l).__name__, len(l), l[1:], sorted(l), list(reversed(l)), l.index(9), 9 in l, bool(L()), l * 2, [5] + l)
print(isinstance(l, list), l == [0, 2, 3, 9, 4], l != [], l < [1], str(l), repr(l), f"{l}", "%s" % l)
del l[0]; print(l, l.pop(), l)
class D(dict):
    def __repr__(self): return "D" + super().__repr__()
d = D(x=1); d.update({"y": 2}); d.setdefault("z", 3)
print(d, len(d), list(d), d.keys(), dict(d), {**d}, d == {"x": 1, "y": 2, "z": 3}, sorted(d.items()))
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi")
print(s.shout(), s + "x", "x" + s, s * 2, s == "hi", s < "z", len(s), s[0], "%s-%r" % (s, s), f"{s:>5}", s.split("i"), "-".join([s, s]), hash(s) == hash("hi"), {s: 1}["hi"], int(S("12")) + 1, str(s), repr(s), s in "ahib", "h" in s)
class I(int):
    pass
i = I(7)
print(i + 1, -i, abs(I(-3)), i // 2, i % 3, i ** 2, i > 3, [1,2,3,4,5,6,7,8][i], range(i)[-1], hex(i), f"{i:03d}", str(i), float(i), i.bit_length(), I("10"), isinstance(i, int), divmod(i, 2), round(i), bool(I(0)))
class F(float):
    pass
f = F(2.5)
print(f * 2, f"{f:.2f}", round(f), int(f), f.is_integer(), str(f), f == 2.5)
class T(tuple):
    def __new__(cls, *xs):
        return super().__new__(cls, xs)
t = T(1, 2, 3)
print(t, t[0], len(t), t + (4,), t == (1, 2, 3), hash(t) == hash((1, 2, 3)), tuple(t), list(t), max(t), t.count(2))
a, b, c = t
print(a, b, c)
class St(set):
    pass
st = St([1, 2]); st.add(3); st |= {4}
print(sorted(st), len(st), 2 in st, st & {1, 9}, type(st).__name__)
class Counter2(dict):
    def __missing__(self, k): return 0
c2 = Counter2(); c2["a"] += 1; c2["a"] += 1
print(c2, c2["b"])
class B(bytes): pass
print(B(b"ab") + b"c", B(b"xy").upper(), len(B(b"abc")))
