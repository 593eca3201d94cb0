def describe(subject):
    match subject:
        case None | True:
            return "singleton"
        case 0 | -1 | "zero":
            return "literal"
        case Color.RED:
            return "value"
        case [x, y, *rest] if x > y:
            return rest
        case (first, _):
            return first
        case {"key": value, **others}:
            return value, others
        case Point(x=0, y=py) as pt:
            return pt, py
        case Point(px, 0):
            return px
        case str() | bytes():
            return "text"
        case _:
            return "other"
