# List, dict, set comprehensions: nesting, conditions, scoping.
print([x * 2 for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print({k: v for k, v in zip("abc", range(3))}, {x % 4 for x in range(10)} == {0, 1, 2, 3})
print({w: len(w) for w in "the quick brown the fox".split()})
print(["even" if x % 2 == 0 else "odd" for x in range(4)])
x = "global"
print([x for x in range(3)], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix], [v for row in matrix for v in row])
print([y for y in [len(s) for s in ["a", "bb", "ccc"]] if y > 1])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
def f():
    n = 10
    return [n + i for i in range(3)]
print(f())
print([(lambda: i)() for i in range(3)], [fn() for fn in [lambda: i for i in range(3)]])
print(sorted({c for c in "mississippi"}), {i: {j for j in range(i)} for i in range(3)})
try:
    [1 / (x - 2) for x in range(4)]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print([*range(2), *[9]], [c for c in "abc"][::-1])
