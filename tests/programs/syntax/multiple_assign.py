# Augmented and chained assignment semantics on containers and attributes.
x = [1]
y = x
x += [2]
print(x, y, x is y)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = "a"
s *= 3
print(s)
d = {"k": [1]}
d["k"] += [2]
d["n"] = d.get("n", 0) + 1
print(d)
class O:
    v = 0
o = O()
o.v += 5
print(o.v, O.v)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [10]
arr[idx()] += 1
print(arr, calls)
a = b = []
a.append(1)
print(a, b)
a, b = b, a = 1, 2
print(a, b)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
