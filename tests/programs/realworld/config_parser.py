# An INI-style config parser without imports: sections, types, comments, interpolation.
RAW = """
; global settings
[server]
host = example.org
port = 8080
debug = yes
timeout = 2.5

[paths]
root = /srv/app
logs = ${root}/logs   # inline comment
cache = ${logs}/cache

[users]
names = ann, bob,  cy
max = 10
bad line here
"""
class ConfigError(Exception):
    pass
def parse(text):
    sections, current, errors = {}, None, []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        if "=" not in line or current is None:
            errors.append(f"line {lineno}: cannot parse {line!r}")
            continue
        key, _, value = line.partition("=")
        current[key.strip()] = value.strip()
    return sections, errors
def interpolate(section):
    changed = True
    while changed:
        changed = False
        for k, v in section.items():
            for name, val in section.items():
                token = "${" + name + "}"
                if token in v:
                    v = v.replace(token, val)
                    changed = True
            section[k] = v
    return section
def convert(value):
    low = value.lower()
    if low in ("yes", "true", "on"):
        return True
    if low in ("no", "false", "off"):
        return False
    for conv in (int, float):
        try:
            return conv(value)
        except ValueError:
            pass
    if "," in value:
        return [p.strip() for p in value.split(",")]
    return value
sections, errors = parse(RAW)
for name in sections:
    interpolate(sections[name])
    print(f"[{name}]")
    for k, v in sections[name].items():
        c = convert(v)
        print(f"  {k} = {c!r} ({type(c).__name__})")
print(errors)
