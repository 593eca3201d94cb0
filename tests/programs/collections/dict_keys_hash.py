# Keys: equal numbers collide, mutable keys rejected, custom hashing.
d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
d[2 ** 64] = "big"
print(d[2 ** 64], d.get(float(2 ** 64)))
try:
    d[[1]] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 10)
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __repr__(self):
        return f"K({self.v})"
m = {K(1): "one", K(11): "eleven"}
print(m[K(11)], len(m), K(1) in m, K(21) in m)
print(m)
n = {frozenset({1, 2}): "fs", (1, (2, 3)): "t"}
print(n[frozenset({2, 1})], n[(1, (2, 3))])
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), sum(big), list(big)[:5], big[999])
print({-1: "m1", -2: "m2"}[-1], hash(-1), hash(-2))
