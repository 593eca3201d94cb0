# match statement: literals, captures, sequences, mappings, classes, guards, or-patterns.
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case float():
            return "float"
        case "hello":
            return "greeting"
        case str() as s:
            return f"string {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"head {x} rest {rest}"
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": t, **others}:
            return f"typed {t} {others}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 2, -7, 2.5, "hello", "bye", [], [1], (1, 2), [1, 2, 3, 4],
          {"type": "point", "x": 1, "y": 2}, {"type": "box", "w": 3}, None, 99, {1, 2}]:
    print(repr(v), "->", describe(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2)]:
    print(where(p))
match (1, (2, 3)):
    case (a, (b, c)):
        print(a + b + c)
color = "red"
match color:
    case "red" | "green" as c:
        print("warm-ish", c)
