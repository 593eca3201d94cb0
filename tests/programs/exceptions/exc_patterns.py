# Common exception-handling patterns: EAFP lookups, retry with cleanup, error accumulation, re-raise with context.
data = {"a": 1, "b": None}
def eafp(key):
    try:
        return data[key] + 1
    except KeyError:
        return "missing"
    except TypeError as e:
        return f"bad value: {e}"
print([eafp(k) for k in "abc"])
def parse_all(items):
    ok, errors = [], []
    for it in items:
        try:
            ok.append(int(it))
        except ValueError as e:
            errors.append(str(e))
    return ok, errors
print(parse_all(["1", "x", "3", "4.5", "-2"]))
class ParseError(Exception):
    pass
def parse_config(line):
    try:
        key, value = line.split("=")
        return key.strip(), int(value)
    except ValueError as e:
        raise ParseError(f"bad line {line!r}") from e
for line in ["a = 1", "b = x", "c"]:
    try:
        print(parse_config(line))
    except ParseError as e:
        print(e, "<-", type(e.__cause__).__name__, e.__cause__)
def first_error(*fns):
    for fn in fns:
        try:
            fn()
        except Exception as e:
            return type(e).__name__
    return None
print(first_error(lambda: 1, lambda: [][0], lambda: {}["k"]), first_error())
errors = {}
for exc in (ValueError("v"), KeyError("k"), ValueError("w")):
    errors.setdefault(type(exc), []).append(exc.args[0])
print({k.__name__: v for k, v in errors.items()})
