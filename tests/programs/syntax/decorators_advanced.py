# Decorator expressions, decorated methods, class decorators with arguments, decorator order.
order = []
def tag(name):
    def deco(f):
        order.append(name)
        f.tags = getattr(f, "tags", []) + [name]
        return f
    return deco
@tag("outer")
@tag("inner")
def fn():
    return "fn"
print(fn(), fn.tags, order)
registry = {}
handlers = [tag("h0"), tag("h1")]
@handlers[1]
def indexed():
    pass
print(indexed.tags)
@(lambda f: lambda *a: f(*a) * 2)
def doubled(x):
    return x + 1
print(doubled(4))
def with_attrs(**attrs):
    def deco(cls):
        for k, v in attrs.items():
            setattr(cls, k, v)
        return cls
    return deco
@with_attrs(color="red", size=3)
class Thing:
    pass
print(Thing.color, Thing.size)
class Service:
    calls = []
    def logged(f):
        def wrapper(self, *a):
            Service.calls.append(f.__name__)
            return f(self, *a)
        return wrapper
    @logged
    def start(self):
        return "started"
    @staticmethod
    @tag("static")
    def helper():
        return "helped"
    @property
    @tag("prop")
    def status(self):
        return "ok"
s = Service()
print(s.start(), s.helper(), Service.helper(), s.status, Service.calls)
