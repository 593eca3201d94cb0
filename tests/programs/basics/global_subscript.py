# G[index] in a function where G is a global and the index is built of locals and
# constants compiles to GlobalSubscrStart/End, which subscripts G without taking a
# reference when the locals hold ints, strs or floats. Same results and errors as
# BinarySubscr, and G is still taken before an index that runs Python code.
G = [10, 20, 30]
D = {"a": 1, "b": 2}
T = (5, 6)
class K:
    def __index__(self):
        global G
        G = [7, 8, 9]
        return 0
def f(i, k, x):
    out = [G[i], G[i - 1], G[-1], D[k], T[i % 2], G[i * 2 - 2]]
    try:
        out.append(G[i + 10])
    except IndexError as e:
        out.append(str(e))
    try:
        out.append(D[k + "z"])
    except KeyError as e:
        out.append(repr(e))
    out.append(G[x])      # x is a user object: G is taken before __index__ rebinds it
    out.append(G[0])
    try:
        out.append(MISSING[undefined_local_never])
    except NameError as e:
        out.append(str(e))
    return out
print(f(1, "a", K()))
def g(n):
    try:
        return G[n // 0]
    except ZeroDivisionError as e:
        return str(e)
print(g(3))
def h(j):
    return [G[j], G[j:2] if False else 0, D["b"], G[True]]
print(h(2))


# Builtins, a dict subclass, a float index, a global rebound between calls.
class Counting(dict):
    def __getitem__(self, k):
        return "sub:" + k


C = Counting(a=1)


def m(k, f):
    out = [C[k], len[0] if False else 0]
    try:
        out.append(G[f])
    except TypeError as e:
        out.append(str(e))
    return out


print(m("a", 1.5))
G = "xyz"


def s(i):
    return G[i] + G[-i]


print(s(1))
del G


def missing(i):
    try:
        return G[i]
    except NameError as e:
        return str(e)


print(missing(0))
