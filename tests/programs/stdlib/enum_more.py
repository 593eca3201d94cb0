# enum: members, aliases, auto, IntEnum/StrEnum/Flag/IntFlag, functional API, _missing_, errors.
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
class C(Enum):
    A=1
    B=2
    ALIAS=1
    def describe(self): return self.name.lower()
    @classmethod
    def first(cls): return cls.A
try:
    class D(C): B=2
except TypeError as e: print(e)
print(list(C), C.ALIAS, C.A.describe(), C.first(), C['B'], C(2), C.__members__)
class P(Flag):
    R=4; W=2; X=1
    RW = 6
print(repr(P.R|P.W), str(P.R|P.W), repr(P(0)), list(P.R|P.W), repr(~P.R), P.__members__, list(P), P.RW)
class I(IntFlag):
    R=4; W=2
print(repr(I.R|I.W), str(I.R|I.W), I.R|8, repr(I.R|8), format(I.R))
print('A' in C.__members__, repr(C), C.A.__class__)
try: C.A = 3
except AttributeError as e: print(e)
class S(IntEnum):
    a = 1
    b = auto()
print(f'{S.a}', str(S.a), format(S.a, '>4'), f'{C.A}', format(C.A, '>10'), S.b + 1, S(2), S.a == 1, isinstance(S.a, int))
class Col(StrEnum):
    RED = auto()
    GREEN = 'g'
print(Col.RED, repr(Col.RED), Col('g'), Col.RED.upper(), Col.RED == 'red')
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH   = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3), repr(Planet.MERCURY))
try: C(9)
except ValueError as e: print(e)
try: C['Z']
except KeyError as e: print(repr(e))
try: unique(C)
except ValueError as e: print(e)
A = Enum('A', 'x y z')
print(list(A), A.x.value, repr(A))
B = IntEnum('B', [('p', 5), ('q', 7)])
print(list(B), B.q + 0)
print(C.A is C(1), hash(C.A) == hash(C.A), {C.A: 1}[C.A], sorted(S, reverse=True), len(C), list(reversed(C)))
print(C.A.name, C.A.value, C.A._name_, type(C.A).__name__, isinstance(C.A, C), isinstance(C, type), type(C))
class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3
    @classmethod
    def _missing_(cls, value):
        return cls.SQUARE
print(Shape(99))
print(P.R in (P.R|P.X), P.W in (P.R|P.X), bool(P(0)), bool(P.R & P.W))
class Mood(Enum):
    HAPPY = auto()
    SAD = auto()
print(Mood.SAD.value, [m.value for m in Mood])
