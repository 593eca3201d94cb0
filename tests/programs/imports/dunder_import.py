# __import__, importing inside functions, module attributes set at runtime.
m = __import__("mod_counter")
print(m.__name__, m.bump(), m.bump())
def lazy():
    import mod_counter as c
    return c.bump()
print(lazy(), m.count)
import mod_counter
mod_counter.extra = "set from outside"
import mod_counter as again
print(again.extra, again is m)
pkg = __import__("mod_pkg.helpers")
print(pkg.__name__, pkg.helpers.shout("dunder"))
import sys
print(sys.modules["mod_pkg.helpers"].shout("via sys.modules"))
print(sorted(k for k in vars(m) if not k.startswith("__")))
