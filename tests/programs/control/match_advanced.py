# match: guards with side effects, nested class and sequence patterns, builtin class patterns.
class Node:
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
def ev(n):
    match n:
        case int() | float():
            return n
        case Node("+", l, r):
            return ev(l) + ev(r)
        case Node("*", l, Node("+", a, b)):
            return ev(l) * ev(a) + ev(l) * ev(b)
        case Node("*", l, r):
            return ev(l) * ev(r)
        case Node(op, _, _):
            raise ValueError(f"unknown op {op}")
print(ev(Node("+", 1, Node("*", 2, 3))), ev(Node("*", 2, Node("+", 3, 4))), ev(2.5))
try:
    ev(Node("/", 1, 2))
except ValueError as e:
    print("ValueError:", e)
def kind(v):
    match v:
        case str(s) if len(s) > 3:
            return "long str"
        case str():
            return "short str"
        case (1, *_) | [1, *_]:
            return "starts with 1"
        case {"a": 1, **rest} if rest:
            return f"a=1 plus {sorted(rest)}"
        case {"a": _}:
            return "has a"
        case dict():
            return "dict"
        case list() | tuple():
            return "sequence"
    return "other"
for v in ["hi", "hello", (1, 2), [1], {"a": 1, "b": 2}, {"a": 2}, {}, [2, 3], 5, "x" * 10]:
    print(repr(v), kind(v))
match "abc":
    case [*chars]:
        print("strings are not sequences for match", chars)
    case _:
        print("str did not match sequence pattern")
