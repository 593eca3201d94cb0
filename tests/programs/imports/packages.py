# Packages with __init__.py, submodules, relative imports, dotted import as.
import mod_pkg
print(mod_pkg.VERSION, mod_pkg.shout("hi"))
import mod_pkg.helpers
print(mod_pkg.helpers.shout("x"))
import mod_pkg.sub.deep as d
print(d.deep())
from mod_pkg.sub import deep
print(deep.deep())
from mod_pkg.sub.deep import deep as deep_fn
print(deep_fn(), mod_pkg.sub.deep is d)
