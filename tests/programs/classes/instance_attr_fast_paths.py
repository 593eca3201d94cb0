# The instance attribute fast paths (slot hints per class and name, the dict's key
# filter) must answer exactly as the general lookup does.


class P:
    def __init__(self, order):
        for name in order:
            setattr(self, name, name.upper())

    def m(self):
        return "method"


# Instances of one class storing their attributes in different orders.
orders = [("a", "b", "c"), ("c", "b", "a"), ("b",), ("a", "c")]
objs = [P(o) for o in orders]
def abc(o):
    out = []
    for read in (lambda: o.a, lambda: o.b, lambda: o.c):
        try:
            out.append(read())
        except AttributeError:
            out.append("-")
    return out


for _ in range(3):
    for o in objs:
        print(abc(o), o.m())

# Attribute names built at run time (not the compiler's interned strings).
o = P(())
for i in range(4):
    setattr(o, "".join(["x", str(i)]), i)
print(o.x0, o.x1, o.x2, o.x3, sorted(vars(o)))

# Deleting and re-adding moves an attribute to the end of the dict.
q = P(("a", "b", "c"))
for _ in range(2):
    print(q.a, q.b, q.c)
del q.a
try:
    q.a
except AttributeError as e:
    print("AttributeError:", e)
q.a = "again"
print(q.a, list(vars(q)))

# A class attribute added later shadows nothing (instance dict wins) ...
r = P(("a",))
print(r.a)
P.a = "class-level"
print(r.a, P(()).a)
del P.a

# ... but a property added later wins over the instance dict, both ways.
P.b = property(lambda self: "property", lambda self, v: print("setter got", v))
s = P(())
s.__dict__["b"] = "in dict"
print(s.b)
s.b = 5
print(s.__dict__["b"])
del P.b
print(s.b)

# A method name stored on the instance shadows the method.
t = P(())
print(t.m())
t.m = lambda: "instance function"
print(t.m())
del t.m
print(t.m())

# __getattr__ only runs for misses; __setattr__ intercepts every store.
class G(P):
    def __getattr__(self, name):
        return "fallback " + name

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


g = G(("a",))
for _ in range(2):
    print(g.a, g.zzz)
g.n = 21
print(g.n)

# Many attributes (the dict grows past its small form).
class Wide:
    pass


w = Wide()
for i in range(40):
    setattr(w, "f%d" % i, i)
total = 0
for _ in range(3):
    total += w.f0 + w.f17 + w.f39
print(total)
for i in range(0, 40, 2):
    delattr(w, "f%d" % i)
print(hasattr(w, "f0"), hasattr(w, "f1"), w.f39, len(vars(w)))

# Stores through the fast path keep the dict's content version honest (globals
# cache and vars() see the new values).
class C:
    def __init__(self):
        self.v = 0


c = C()
for i in range(5):
    c.v = c.v + i
print(c.v, vars(c))
