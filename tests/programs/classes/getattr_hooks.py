# __getattr__, __setattr__, __delattr__, __getattribute__ and dynamic attributes.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self._target, name)
class T:
    pass
t = T()
t.a = 1
p = Proxy(t)
print(p.a)
p.b = 2
print(t.b, p.b)
del p.a
print(hasattr(t, "a"), p.log)
class Default:
    x = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name}")
d = Default()
print(d.x, d.auto_hello, getattr(d, "auto_z"), hasattr(d, "nothing"))
try:
    d.nothing
except AttributeError as e:
    print("AttributeError:", e)
class Tracer:
    def __init__(self):
        self.v = 5
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
tr = Tracer()
print(tr.v, tr.secret)
class Record:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __repr__(self):
        return "Record(" + ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items())) + ")"
r = Record(b=2, a="x")
print(r, getattr(r, "a"), getattr(r, "zz", None))
delattr(r, "a")
print(r)
setattr(r, "with space", 1)
print(getattr(r, "with space"))
