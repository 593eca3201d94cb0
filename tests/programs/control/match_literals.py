# match with literal patterns: None/True/False, negative and float numbers, strings, and mappings with non-str keys.
def lit(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case -1:
            return "minus one"
        case 0.5:
            return "half"
        case "":
            return "empty string"
        case b"raw":
            return "bytes"
        case {0: "zero", **rest}:
            return f"zero-map {rest}"
        case (0, 0) | [0, 0]:
            return "origin"
        case _:
            return "other " + repr(v)
for v in [None, True, False, 1, 0, -1, 0.5, "", b"raw", {0: "zero", 1: "one"}, (0, 0), [0, 0], 1.0]:
    print(repr(v), "->", lit(v))
def status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302 as redirect:
            return f"redirect {redirect}"
        case n if 400 <= n < 500:
            return "client error"
        case n if n >= 500:
            return "server error"
    return "unknown"
print([status(c) for c in (200, 204, 302, 404, 418, 503, 100)])
