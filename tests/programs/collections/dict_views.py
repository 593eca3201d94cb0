# dict views are live, set-like where appropriate, and ordered.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(list(k), list(v), list(it), len(k))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), k ^ {"a", "q"} == {"b", "c", "d", "q"})
print(("a", 1) in it, ("a", 2) in it, "b" in k, 3 in v)
print(list(reversed(d)), list(reversed(d.values())))
try:
    for key in d:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(k == {"a", "b", "c", "d", "new"}, repr(d.keys()))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda p: (-p[1], p[0])))
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv)
print(dict(sorted(counts.items())))
