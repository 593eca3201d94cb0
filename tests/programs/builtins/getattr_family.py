# getattr, setattr, hasattr, delattr, vars, dir on simple objects.
class Cfg:
    debug = False
    def __init__(self):
        self.level = 3
c = Cfg()
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "nope", "default"), hasattr(c, "level"), hasattr(c, "nope"))
setattr(c, "level", 5)
setattr(c, "new", [1])
print(c.level, c.new, vars(c))
delattr(c, "new")
print(vars(c), hasattr(c, "new"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
print([n for n in dir(c) if not n.startswith("__")])
print("level" in dir(c), "debug" in dir(Cfg), "__init__" in dir(Cfg))
print(sorted(k for k in vars(Cfg) if not k.startswith("__")))
print(getattr([1, 2], "count")(1), getattr("abc", "upper")(), getattr(5, "real"))
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
for name in ["append", "extend", "pop", "sort"]:
    print(name, name in dir([]))
