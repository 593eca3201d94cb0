import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


# Two instances that refer to each other.
a = Node("a")
b = Node("b")
a.other = b
b.other = a
ra, rb = weakref.ref(a), weakref.ref(b)
del a, b
print("before collect:", ra() is not None, rb() is not None)
n = gc.collect()
print("after collect:", ra() is None, rb() is None, n > 0)

# A list that contains itself.
class Box:
    pass

box = Box()
lst = [box]
lst.append(lst)
box.items = lst
rbox = weakref.ref(box)
del box, lst
gc.collect()
print("self list:", rbox() is None)

# Reachable cycles survive, and keep their contents.
keep = Node("keep")
keep.other = Node("peer")
keep.other.other = keep
rk = weakref.ref(keep.other)
gc.collect()
print("reachable:", rk() is keep.other, keep.other.other is keep, keep.other.name)

# A cycle through a closure cell and a function.
def make():
    def inner():
        return inner
    holder = Node("h")
    holder.f = inner
    inner.holder = holder
    return weakref.ref(holder)

rh = make()
gc.collect()
print("closure:", rh() is None)

# A cycle through a dict and a tuple and a bound method.
class Obj:
    def method(self):
        return 1

o = Obj()
o.cb = o.method
o.d = {"t": (o, 1)}
ro = weakref.ref(o)
del o
gc.collect()
print("bound method:", ro() is None)

# Garbage that something outside the cycle still holds is not collected.
x = Node("x")
y = Node("y")
x.other = y
y.other = x
outside = [y]
rx = weakref.ref(x)
del x, y
gc.collect()
print("held from outside:", rx() is not None, outside[0].other.name)
del outside
gc.collect()
print("released:", rx() is None)

# Many cycles: memory comes back (automatic collections).
refs = []
for i in range(50000):
    p = Node(i)
    q = Node(i)
    p.other = q
    q.other = p
    if i % 10000 == 0:
        refs.append(weakref.ref(p))
gc.collect()
print("many:", [r() is None for r in refs])

# Exceptions caught and stored in the object that raised them.
class Keeper:
    def fail(self):
        try:
            raise ValueError("boom")
        except ValueError as e:
            self.err = e
            e.owner = self

k = Keeper()
k.fail()
rkp = weakref.ref(k)
del k
gc.collect()
print("exception:", rkp() is None)

print("enabled:", gc.isenabled())
gc.disable()
print("disabled:", gc.isenabled())
gc.enable()
print("enabled again:", gc.isenabled())
print(gc.collect() >= 0)

# Big (persistent) lists and dicts close cycles too; a slice copy shares the big
# list's storage, and a live copy keeps exactly its items alive.
class Holder:
    pass

big = Holder()
big.items = [Holder() for _ in range(1000)]
for h in big.items:
    h.back = big
del h
rbig = weakref.ref(big)
ritem = weakref.ref(big.items[500])
copy = big.items[:]
del big
gc.collect()
print("big list kept by copy:", rbig() is not None, ritem() is copy[500], len(rbig().items))
del copy
gc.collect()
print("big list:", rbig() is None, ritem() is None)

table = Holder()
table.d = {"k%d" % i: Holder() for i in range(100)}
for v in table.d.values():
    v.owner = table
del v
rt = weakref.ref(table)
alias = dict(table.d)
del table
gc.collect()
print("big dict kept by alias:", rt() is not None, sum(1 for v in alias.values() if v.owner is rt()))
del alias
gc.collect()
print("big dict:", rt() is None)

# Survivors are intact after many collections.
ring = [Node(i) for i in range(300)]
for i, n in enumerate(ring):
    n.other = ring[(i + 1) % 300]
for _ in range(3):
    gc.collect()
print("ring:", sum(n.other.name for n in ring), ring[299].other is ring[0])
