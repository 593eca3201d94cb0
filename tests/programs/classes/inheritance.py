# Single inheritance, overriding, super().
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name}: {self.speak()}"
class Cat(Animal):
    def speak(self):
        return "meow"
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + "!"
    def describe(self):
        return super().describe() + f" (pride {self.pride})"
for a in [Animal("thing"), Cat("tom"), Lion("leo", "north")]:
    print(a.describe())
print(issubclass(Lion, Animal), issubclass(Animal, Lion), isinstance(Lion("x", 1), Cat))
print([c.__name__ for c in Lion.__mro__], Lion.__bases__[0].__name__)
class Base:
    def __init__(self):
        print("Base init")
class NoInit(Base):
    pass
NoInit()
class Explicit(Base):
    def __init__(self):
        print("Explicit init")
        super(Explicit, self).__init__()
Explicit()
print(issubclass(bool, int), issubclass(int, object), isinstance(3, (str, int)))
class Counter:
    total = 0
    def inc(self):
        type(self).total += 1
class Sub(Counter):
    pass
Sub().inc(); Sub().inc(); Counter().inc()
print(Counter.total, Sub.total)
