# Method calls on a deep class hierarchy: inherited lookups, super() chains, overrides.
class Base:
    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v

    def step(self, x):
        return x + 1

    def describe(self):
        return "Base"


class L1(Base):
    def step(self, x):
        return super().step(x) * 2 % 1000003


class L2(L1):
    def describe(self):
        return "L2<" + super().describe() + ">"


class L3(L2):
    def value(self):
        return super().value() + 3


class L4(L3):
    pass


class L5(L4):
    def step(self, x):
        return super().step(x) + self.value()


class L6(L5):
    pass


class L7(L6):
    def describe(self):
        return "L7<" + super().describe() + ">"


class L8(L7):
    pass


def run(n):
    objs = [L8(i) for i in range(8)] + [L4(1), L2(2), Base(3)]
    acc = 0
    for i in range(n):
        o = objs[i % len(objs)]
        acc = o.step(acc)
        acc += o.value()
    names = {o.describe() for o in objs}
    return acc, sorted(names), L8.__mro__[3].__name__, isinstance(objs[0], L1)


print(run(600000))
