# Grouping, inverting, merging, nested defaults with plain dict methods.
records = [("fruit", "apple"), ("veg", "kale"), ("fruit", "fig"), ("grain", "oat"), ("veg", "leek")]
groups = {}
for kind, name in records:
    groups.setdefault(kind, []).append(name)
print(groups)
inverted = {name: kind for kind, names in groups.items() for name in names}
print(inverted)
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
merged = a | b
a_then = dict(a)
a_then.update(b)
print(merged, merged == a_then, b | a)
print(dict.fromkeys(["a", "b"]), dict.fromkeys("ab", []), {k: v for k, v in merged.items() if v > 1})
print(sorted(merged, key=merged.get, reverse=True), max(merged.values()), sum(merged.values()))
nested = {}
for path, v in [("a.b.c", 1), ("a.b.d", 2), ("a.e", 3), ("f", 4)]:
    cur = nested
    *dirs, leaf = path.split(".")
    for p in dirs:
        cur = cur.setdefault(p, {})
    cur[leaf] = v
print(nested)
print(len({}), {} == dict(), {"a": [1]} == {"a": [1]}, {"a": 1} != {"a": 1.0})
class Key:
    pass
k1 = Key()
print({k1: "obj"}[k1], len({Key(): 1, Key(): 2}))
