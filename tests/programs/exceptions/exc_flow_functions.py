# Exceptions unwinding through several frames, with finally blocks at each level.
log = []
def level3(x):
    try:
        if x < 0:
            raise ValueError(f"negative: {x}")
        return 10 / x
    finally:
        log.append(f"l3 {x}")
def level2(x):
    try:
        return level3(x) * 2
    finally:
        log.append(f"l2 {x}")
def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        log.append("l1 handled")
        return f"error: {e}"
for x in [5, -1, 2]:
    print(level1(x))
try:
    level1(0)
except ZeroDivisionError as e:
    print("escaped level1:", e)
print(log)
def validate_all(items):
    errors = []
    for it in items:
        try:
            if not isinstance(it, int):
                raise TypeError(f"{it!r} is not an int")
            if it < 0:
                raise ValueError(f"{it} is negative")
        except (TypeError, ValueError) as e:
            errors.append(f"{type(e).__name__}: {e}")
    return errors
print(validate_all([1, -2, "3", 4.0, 5]))
