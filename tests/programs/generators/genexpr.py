# Generator expressions: scoping, laziness, consumption by builtins.
nums = [1, 2, 3, 4, 5]
print(sum(x * x for x in nums), max(x % 3 for x in nums), min((x for x in nums), default=0))
print(list(x for x in nums if x % 2), tuple(c.upper() for c in "abc"), sorted((-x for x in nums)))
g = (x for x in nums)
nums.append(6)
print(list(g))
print(any(x > 4 for x in nums), all(x > 0 for x in nums), any(()), all(()))
print(dict((k, len(k)) for k in ["aa", "b"]), set(x % 2 for x in range(10)))
print(", ".join(str(x) for x in range(5)))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs), list(pairs))
x = "outer"
g = (x for _ in range(2))
print(list(g))
def first_match(it, pred):
    return next((v for v in it if pred(v)), None)
print(first_match(range(100), lambda v: v * v > 50), first_match([], bool))
try:
    (1 / y for y in [1, 0]).__next__()
    print("first ok")
    list(1 / y for y in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
