# match: value patterns with dotted names, nested, and fall-through.
class Color:
    RED = 1
    GREEN = 2
def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
    return "unknown"
print(name(1), name(2), name(3))
def run(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return f"unknown {cmd!r}"
for c in ["go north", "pick up lamp", "take key", "drop a b c", "drop", "quit", "exit", "dance now"]:
    print(run(c))
def shape(x):
    match x:
        case {"kind": "circle", "r": (int() | float()) as r}:
            return f"circle area {3 * r * r}"
        case {"kind": "rect", "size": [w, h]}:
            return f"rect {w * h}"
        case [int(), *_] as seq:
            return f"ints starting list of {len(seq)}"
        case bool(b):
            return f"bool {b}"
    return "?"
for x in [{"kind": "circle", "r": 2}, {"kind": "circle", "r": 1.5}, {"kind": "rect", "size": (2, 3)},
          [1, "a"], True, "str"]:
    print(shape(x))
match 5:
    case x:
        print("irrefutable", x)
