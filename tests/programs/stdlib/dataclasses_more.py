# dataclasses: __init__ errors, field options, inheritance, post_init, InitVar, kw_only, frozen hashing, fields/asdict/astuple/replace.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, InitVar, FrozenInstanceError, make_dataclass, KW_ONLY
from typing import List, ClassVar


@dataclass
class P:
    x: int
    y: int = 0


for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'z': 2}), ((1,), {'x': 2})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print(e)


@dataclass(frozen=True)
class F:
    a: int
    b: str = "b"


try:
    F(1).a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del F(1).a
except AttributeError as e:
    print(e)
print(hash(F(1)) == hash(F(1)), F(1) == F(1, "b"), {F(1), F(1)}, P.__hash__, P.__match_args__)
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)


@dataclass
class Base:
    id: int
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0


@dataclass(order=True)
class Item(Base):
    name: str = "?"
    price: float = field(default=0.0, repr=False)
    secret: str = field(default="s", compare=False)

    def __post_init__(self):
        Base.count += 1


a = Item(2, ["x"], "apple", 1.5)
b = Item(1, name="pear")
print(a, b, a > b, sorted([a, b])[0].name, Base.count, [f.name for f in fields(Item)])
print(asdict(a), astuple(b), replace(a, name="plum"), is_dataclass(a), is_dataclass(Item), is_dataclass(1))


@dataclass
class WithInit:
    total: int = 0
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.total *= scale


print(WithInit(3, 4), WithInit(5))


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3


print(KW(1, c=9), KW(1, b=0))
try:
    KW(1, 2)
except TypeError as e:
    print(e)


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), NoEq(1).__eq__ is not None)


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(tree))
print(tree)
Pt = make_dataclass("Pt", [("x", int), ("y", int, field(default=5))])
print(Pt(1), Pt(1, 2) == Pt(1, 2))


@dataclass(repr=False)
class Custom:
    a: int

    def __repr__(self):
        return "Custom!"


print(Custom(1), fields(Custom)[0].name, fields(Custom)[0].type)
