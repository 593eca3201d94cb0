# Rich comparisons, reflection, NotImplemented fallbacks, total ordering by hand.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"), Version("1.0") == "1.0")
print(Version("2.0") > Version("1.9"), Version("1.0") <= Version("1.0"), len(set(vs)))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(OnlyLt(2) > OnlyLt(1), OnlyLt(1) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
class Eq:
    def __eq__(self, o):
        return True
print(Eq() == 5, 5 == Eq(), Eq() != 5, [Eq()] == [1], Eq() in [1, 2])
class Loud:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print(f"eq {self.n}")
        return NotImplemented
print(Loud(1) == Loud(2))
a = Loud(3)
print(a == a, a is a)
print([Loud(4)] == [Loud(5)] if False else "skip")
