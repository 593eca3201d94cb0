# A hand-written JSON-ish serializer and parser (no json module).
def dumps(v, indent=0):
    pad = "  " * indent
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + ",\n".join(pad + "  " + dumps(x, indent + 1) for x in v) + "\n" + pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{\n" + ",\n".join(f'{pad}  "{k}": {dumps(x, indent + 1)}' for k, x in v.items()) + "\n" + pad + "}"
    raise TypeError(f"cannot serialize {type(v).__name__}")
def loads(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == "{":
            pos += 1
            out = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return out
            while True:
                ws()
                k = value()
                ws()
                pos += 1
                out[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return out
        if c == "[":
            pos += 1
            out = []
            ws()
            if s[pos] == "]":
                pos += 1
                return out
            while True:
                out.append(value())
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return out
        if c == '"':
            pos += 1
            buf = []
            while s[pos] != '"':
                if s[pos] == "\\":
                    pos += 1
                    buf.append({"n": "\n"}.get(s[pos], s[pos]))
                else:
                    buf.append(s[pos])
                pos += 1
            pos += 1
            return "".join(buf)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if s.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(s) and s[pos] in "-+.eE0123456789":
            pos += 1
        text = s[start:pos]
        return float(text) if any(ch in text for ch in ".eE") else int(text)
    return value()
doc = {"name": "stmpy", "version": [0, 1], "tags": ["fast", "no \"gil\""], "ratio": 0.5,
       "nested": {"ok": True, "none": None, "empty": [], "obj": {}}, "big": 2 ** 70, "neg": -3.25e-5}
text = dumps(doc)
print(text)
back = loads(text)
print(back == doc, back["tags"][1], back["big"])
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
