# Comparisons, chaining, and mixed numeric types.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1.0 == True)
x = 5
print(0 < x <= 5, 0 < x < 5, x != 4 != x)
print(1 < 2 > 0, 5 > 4 >= 4 == 4.0)
calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(2) < f(0) < f(3))
print(calls)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), "abc" < "abd", "Z" < "a")
print([] == [], () == (), {} == {}, [1] == (1,), {1: 2} == {1: 2.0})
y = 1
print(None is None, None == None, y is not None)
print(2 ** 100 > 1.0, 2 ** 100 == 2.0 ** 100, 10 ** 400 > 1e308)
print(float("inf") > 10 ** 400, -float("inf") < -(10 ** 400))
print(0.1 + 0.2 > 0.3, 1 == 1.0000000000000001)
print(True == 1, False == 0, True > False)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1, 2} == frozenset([2, 1]))
print("a" in "cat", "x" not in "cat", 3 in [1, 2, 3], 3 in {3: 4}, 4 in {3: 4})
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None < 1)
except TypeError as e:
    print("TypeError:", e)
n = float("nan")
print(n < 1, n > 1, n == n, n != n, [n] == [n])
print(max(3, 1, 2), min("b", "a", "c"), sorted([3, 1.5, 2, True]))
