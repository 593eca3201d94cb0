# collections.defaultdict and OrderedDict
from collections import defaultdict, OrderedDict
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd), dd["missing"], sorted(dd), dd.default_factory.__name__)
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 5
print({k: dict(v) for k, v in nested.items()})
plain = defaultdict()
try:
    plain["k"]
except KeyError as e:
    print("KeyError:", e)
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(list(od), od.popitem(), od.popitem(last=False), list(od))
od2 = OrderedDict([("x", 1), ("y", 2)])
print(od2 == OrderedDict([("y", 2), ("x", 1)]), dict(od2) == {"y": 2, "x": 1}, repr(od2))
