# Class bodies: execution order, class attributes, nested classes, dynamic type().
class Body:
    print("class body runs at definition")
    a = 1
    b = a + 1
    def method(self):
        return self.b
    items = [a, b]
print(Body.a, Body.b, Body().method(), Body.items)
class Outer:
    class Inner:
        value = "inner"
    def make(self):
        return self.Inner()
print(Outer.Inner.value, Outer().make().value, Outer.Inner.__qualname__)
Dyn = type("Dyn", (Body,), {"c": 3, "hello": lambda self: "hi"})
d = Dyn()
print(d.a, d.c, d.hello(), Dyn.__name__, Dyn.__bases__[0].__name__, type(d) is Dyn)
print(type(type), type(int), type(Body), type(3), type("s"), type(None))
Body.new_attr = "added later"
print(Body().new_attr, d.new_attr)
def extra(self):
    return "patched"
Body.extra = extra
print(d.extra())
class WithDoc:
    "A docstring."
print(WithDoc.__doc__, "a" in Body.__dict__, "c" in Body.__dict__)
class Shadow:
    x = 1
    def get(self):
        return x
x = "module x"
print(Shadow().get())
