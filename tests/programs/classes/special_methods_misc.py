# __index__, __contains__ fallback to __iter__, __bool__ vs __len__, __neg__/__abs__, __round__, __int__.
class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
l = list(range(10))
print(l[Idx(3)], l[Idx(1):Idx(4)], bin(Idx(5)), range(Idx(4))[-1], "abc" * Idx(2), hex(Idx(255)))
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly(), list(IterOnly()), sorted(IterOnly(), reverse=True), max(IterOnly()))
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(Both()), len(Both()))
class Money:
    def __init__(self, v):
        self.v = v
    def __round__(self, n=None):
        return Money(round(self.v, n))
    def __abs__(self):
        return Money(abs(self.v))
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __repr__(self):
        return f"Money({self.v})"
print(round(Money(2.567), 1), abs(Money(-3)), int(Money(9.9)), float(Money(2)), round(Money(7.5)))
class Reverse:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[len(self.data) - 1 - i]
print(list(Reverse("abc")), list(reversed(Reverse("abc"))), "b" in Reverse("abc"))
