# __repr__, __str__, __format__ and how print/str/repr/f-strings use them.
class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both as str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<>"
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return format(self.cents / 100, spec or ".2f")
    def __str__(self):
        return f"${self.cents / 100:.2f}"
b, r, m = Both(), ReprOnly(), Money(12345)
print(b, r, m)
print(str(b), repr(b), str(r), repr(r), [b, r], (b,), {"k": b})
print(f"{b}", f"{b!r}", f"{r}", f"{m}", f"{m:short}", f"{m:>10.1f}", format(m, "short"))
print("{} {!r} {:short}".format(b, b, m), "%s %r" % (b, b))
class Plain:
    pass
s = repr(Plain())
print(s.startswith("<__main__.Plain object at 0x"), s.endswith(">"))
p = Plain()
print(str(p) == repr(p))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
try:
    format(Plain(), "d")
except TypeError as e:
    print("TypeError:", e)
print(format(Plain(), "") != "", "{0}".format(ReprOnly()))
