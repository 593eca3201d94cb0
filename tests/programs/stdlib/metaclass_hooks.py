# Metaclass hooks the stdlib modules rely on: __new__/__init__, __call__, __iter__/__len__/__contains__/__getitem__,
# __repr__, __instancecheck__/__subclasscheck__, __setattr__, properties, inheritance of the metaclass, __mro_entries__.
class Meta(type):
    registry = []

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        Meta.registry.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.initialized = True

    def __iter__(cls):
        return iter(sorted(k for k in cls.__dict__ if not k.startswith("_")))

    def __len__(cls):
        return len(list(iter(cls)))

    def __contains__(cls, item):
        return item in cls.__dict__

    def __getitem__(cls, key):
        return cls.__dict__[key]

    def __repr__(cls):
        return f"<meta class {cls.__name__} tag={cls.tag}>"

    @property
    def shout(cls):
        return cls.__name__.upper()


class A(metaclass=Meta, tag="first"):
    x = 1
    y = 2


class B(A):
    z = 3


print(A, B, type(A).__name__, type(B).__name__, isinstance(A, Meta), A.initialized, B.tag)
print(list(A), len(A), "x" in A, "q" in A, A["y"], A.shout, B.shout, Meta.registry)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value=0):
        self.value = value


c1 = Config(5)
c2 = Config(7)
print(c1 is c2, c2.value)


class Even(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0

    def __subclasscheck__(cls, sub):
        return sub is bool


class EvenNumber(metaclass=Even):
    pass


print(isinstance(4, EvenNumber), isinstance(3, EvenNumber), issubclass(bool, EvenNumber), issubclass(int, EvenNumber))


class Frozen(type):
    def __setattr__(cls, name, value):
        if name.startswith("const_"):
            raise AttributeError(f"cannot rebind {name}")
        super().__setattr__(name, value)


class Settings(metaclass=Frozen):
    const_pi = 3.14


Settings.mode = "fast"
try:
    Settings.const_pi = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Settings.mode, Settings.const_pi)


class Alias:
    def __init__(self, *bases):
        self.bases = bases

    def __mro_entries__(self, bases):
        return self.bases


class Base1:
    def hello(self):
        return "hello from Base1"


class Derived(Alias(Base1)):
    pass


print(Derived().hello(), [c.__name__ for c in Derived.__mro__], Derived.__orig_bases__[0].__class__.__name__)
Dyn = Meta("Dyn", (object,), {"k": 1}, tag="dyn")
print(Dyn, list(Dyn), Dyn.tag)


class WithInitSubclass:
    subclasses = []

    def __init_subclass__(cls, prefix="", **kw):
        super().__init_subclass__(**kw)
        cls.prefix = prefix
        WithInitSubclass.subclasses.append(cls.__name__)


class Child(WithInitSubclass, prefix="c_"):
    pass


class GrandChild(Child):
    pass


print(Child.prefix, GrandChild.prefix, WithInitSubclass.subclasses)
