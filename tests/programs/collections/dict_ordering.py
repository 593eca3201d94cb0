# Dict order survives deletion and reinsertion; updates keep positions.
d = {}
for k in "qwerty":
    d[k] = ord(k)
print(list(d))
del d["w"], d["r"]
d["w"] = 0
d["q"] = -1
print(list(d.items()))
d.update({"e": 100, "z": 26})
print(list(d))
copy = dict(d)
print(list(copy) == list(d), copy == d)
keys = list(d)
for k in keys[::2]:
    d.pop(k)
print(d)
big = {}
for i in range(200):
    big[i] = i
for i in range(0, 200, 3):
    del big[i]
for i in range(0, 30, 3):
    big[i] = "back"
print(list(big)[:10], list(big)[-12:], len(big))
print({**{"a": 1, "b": 2}, **{"a": 3}}, dict({"a": 1}, a=2, c=3))
