# Generators capturing closures, generator factories, and methods that yield.
def make_gen(step):
    def gen(n):
        for i in range(n):
            yield i * step
    return gen
by3 = make_gen(3)
print(list(by3(4)), list(make_gen(-1)(3)))
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.walk(depth + 1)
    def leaves(self):
        if not self.kids:
            yield self.v
        for k in self.kids:
            yield from k.leaves()
t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"), Tree("c", Tree("c1")))
for d, v in t.walk():
    print("  " * d + v)
print(list(t.leaves()))
def countdown_factory():
    remaining = [3]
    def gen():
        while remaining[0] > 0:
            remaining[0] -= 1
            yield remaining[0]
    return gen
g = countdown_factory()
print(list(g()), list(g()))
