# dataclasses: fields, defaults, ordering, frozen, asdict.
from dataclasses import dataclass, field, asdict, astuple, replace
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: list = field(default_factory=list, compare=False)
@dataclass(frozen=True)
class Frozen:
    name: str
p = Point(1)
print(p, Point(1, 2) == Point(1, 2), Point(1) != Point(2), asdict(Point(3, 4)), astuple(p))
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0, ["rc"])]), Version(1) < Version(1, 1))
f = Frozen("a")
try:
    f.name = "b"
except Exception as e:
    print(type(e).__name__, e)
print(hash(f) == hash(Frozen("a")), replace(p, y=7), p)
v = Version(2)
v.tags.append("x")
print(v, Version(2).tags)
