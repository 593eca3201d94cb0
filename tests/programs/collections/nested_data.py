# Nested structures, deep comparisons, copy by hand.
data = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}], "count": 2}
print(data["users"][0]["tags"][1], len(data["users"]), data)
data["users"].append({"name": "cy", "tags": ["c"]})
data["count"] += 1
print([u["name"] for u in data["users"]], data["count"])
def deep_copy(x):
    if isinstance(x, dict):
        return {k: deep_copy(v) for k, v in x.items()}
    if isinstance(x, list):
        return [deep_copy(v) for v in x]
    return x
copy = deep_copy(data)
copy["users"][0]["tags"].append("z")
print(data["users"][0]["tags"], copy["users"][0]["tags"], copy == data)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [list(col) for col in zip(*grid)], [row[::-1] for row in grid[::-1]])
print(sum(sum(row) for row in grid), max(max(r) for r in grid))
tree = (1, (2, (4, None, None), None), (3, None, (5, None, None)))
def walk(t):
    if t is None:
        return []
    return walk(t[1]) + [t[0]] + walk(t[2])
print(walk(tree))
