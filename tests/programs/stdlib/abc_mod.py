# abc: abstract methods block instantiation with CPython's message; register; ABCMeta hooks.
from abc import ABC, ABCMeta, abstractmethod
from collections.abc import Sized, Iterable, Sequence, MutableMapping, Callable, Hashable, Mapping, Set


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} area={self.area()} perimeter={self.perimeter()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def perimeter(self):
        return 4 * self.s


class Half(Shape):
    def area(self):
        return 1


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(Square(3).describe(), sorted(Shape.__abstractmethods__), Half.__abstractmethods__, Square.__abstractmethods__)
print(isinstance(Square(1), Shape), issubclass(Square, Shape), type(Shape).__name__, isinstance(Shape, ABCMeta))


class Plugin(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        pass

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Plugin and any("run" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented


class Duck:
    def run(self):
        return "quack"


class Other:
    pass


print(isinstance(Duck(), Plugin), isinstance(Other(), Plugin), issubclass(Duck, Plugin))
Plugin.register(Other)
print(isinstance(Other(), Plugin), issubclass(Other, Plugin))


class Bag(Sized, Iterable):
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


print(len(Bag(1, 2)), list(Bag(3)), isinstance(Bag(), Sized), isinstance([], Sequence), isinstance((), Sequence), isinstance("", Sequence))
print(isinstance({}, MutableMapping), isinstance({}, Mapping), isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(1, Hashable), isinstance([], Hashable))
print(isinstance(set(), Set), isinstance(frozenset(), Set), isinstance({}.keys(), Set), isinstance(iter([]), Iterable))


class Registry(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r["a"] = 1
r.update(b=2, c=3)
print(r.get("a"), r.get("z", 0), "b" in r, sorted(r.keys()), sorted(r.values()), sorted(r.items()), r.pop("c"), r.setdefault("d", 4), len(r))
print(r == {"a": 1, "b": 2, "d": 4})
try:
    class Incomplete(MutableMapping):
        pass
    Incomplete()
except TypeError as e:
    print("TypeError:", e)
