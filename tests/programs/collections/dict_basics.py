# dicts: insertion order, methods, views.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), len(d))
del d["a"]
d["a"] = 0
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", -1), "a" in d, "z" not in d)
print(d.pop("a"), d.pop("z", "dflt"), d)
print(d.setdefault("x", []), d.setdefault("b", 99), d)
d.update({"y": 1}, z=2)
d.update([("w", 3)])
print(d)
print(d.popitem(), d)
e = dict(a=1, b=2)
print(e, dict([(1, 2), (3, 4)]), dict(zip("ab", range(2))), dict.fromkeys("xyz", 0))
print(e == {"b": 2, "a": 1}, e != {"a": 1}, {**e, "c": 3}, e | {"a": 9})
e |= {"q": 7}
print(e)
try:
    e["missing"]
except KeyError as ex:
    print("KeyError:", ex)
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError:", ex)
f = e.copy()
f.clear()
print(e, f)
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "t", None: "n", "s": "s", 3.5: "f"})
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
