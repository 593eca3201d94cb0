# weakref (refs, dictionaries, sets, methods, proxies, finalize), gc.collect and atexit.
import weakref, gc, atexit
class C:
    def __init__(self, n): self.n = n
    def m(self): return self.n
c = C(1)
r = weakref.ref(c)
print(r() is c, r == weakref.ref(c), hash(r) == hash(c), weakref.getweakrefcount(c) >= 1, type(r).__name__, weakref.ref)
d = weakref.WeakValueDictionary()
d["a"] = c
print(d["a"].n, "a" in d, len(d))
del c
gc.collect()
print(r(), "a" in d, list(d.keys()))
k = weakref.WeakKeyDictionary(); o = C(2); k[o] = "v"; print(k[o], len(k))
s = weakref.WeakSet(); s.add(o); print(len(s), o in s)
wm = weakref.WeakMethod(o.m); print(wm()())
p = weakref.proxy(o); print(p.n, p.m())
for bad in [1, [], "s", (1,)]:
    try: weakref.ref(bad)
    except TypeError as e: print(e)
f = weakref.finalize(o, print, "finalized at exit")
print(f.alive, gc.isenabled(), gc.collect())
def bye(n): print("bye", n)
atexit.register(bye, 1)
@atexit.register
def later(): print("registered last, runs first")
print("main done")
