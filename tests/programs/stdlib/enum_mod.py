# enum: Enum, IntEnum, auto, iteration, lookup.
from enum import Enum, IntEnum, auto, Flag
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1), Color.RED == 1)
class Pri(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Pri.LOW, Pri.HIGH + 1, Pri.HIGH > Pri.LOW, sorted([Pri.HIGH, Pri.LOW]), int(Pri.HIGH))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, bool(Perm.R & Perm.W), Perm.R in (Perm.R | Perm.X))
print({c.name: c.value for c in Color})
