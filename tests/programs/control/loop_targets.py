# Loop targets of every shape.
pairs = [(1, "a"), (2, "b")]
for n, ch in pairs:
    print(n, ch)
for i, (n, ch) in enumerate(pairs, start=10):
    print(i, n, ch)
for first, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(first, rest)
d = {}
for d["key"] in range(3):
    pass
print(d)
obj = type("O", (), {})()
for obj.attr in "xy":
    pass
print(obj.attr)
lst = [0, 0, 0]
for i, lst[i] in enumerate("abc"):
    pass
print(lst)
for [a, b] in ["pq", "rs"]:
    print(a + b)
x = "outer"
for x in range(2):
    pass
print(x)
