# Classes: attributes, methods, class vs instance state.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
d1 = Dog("Rex")
d2 = Dog("Fido", 5)
print(d1.speak(), d2.birthday().birthday().age, Dog.count, d1.species)
d1.species = "mutt"
print(d1.species, d2.species, Dog.species)
print(type(d1).__name__, isinstance(d1, Dog), Dog.__name__, d1.__class__ is Dog)
print(sorted(vars(d1).items()), d1.__dict__ == {"name": "Rex", "age": 1, "species": "mutt"})
m = d2.speak
print(m(), Dog.speak(d2), m.__self__ is d2, m.__func__ is Dog.speak)
d1.trick = lambda: "roll"
print(d1.trick())
print(hasattr(d1, "trick"), hasattr(d2, "trick"), getattr(d2, "trick", "none"))
try:
    d2.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog()
except TypeError as e:
    print("TypeError:", e)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, Empty.__name__, Empty.__bases__ == (object,), Empty.__mro__)
print(Dog.__doc__, Dog.__module__)
