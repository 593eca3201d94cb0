# Class bodies do not create enclosing scopes for methods; comprehensions in classes.
x = "module"
class C:
    x = "class"
    def method(self):
        return x
    def method2(self):
        return self.x
    y = x + "!"
    lam = lambda self: x
print(C().method(), C().method2(), C.y, C().lam())
def outer():
    x = "function"
    class D:
        def get(self):
            return x
        z = x
    return D().get(), D.z
print(outer())
class E:
    items = [1, 2, 3]
    total = sum(items)
    firsts = [i for i in items]
print(E.total, E.firsts)
def f():
    v = 1
    class G:
        v = 2
        def m(self):
            return v
    return G().m(), G.v
print(f())
