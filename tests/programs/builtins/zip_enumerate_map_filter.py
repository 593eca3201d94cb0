# zip, enumerate, map, filter, reversed, range.
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3], (True, False))))
names, ages = zip(*[("a", 1), ("b", 2)])
print(names, ages)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(enumerate("xyz")), list(enumerate("xy", 1)), list(enumerate([], 5)), dict(enumerate("ab")))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(list(range(3, 10, 2)), list(range(10, 3, -2)), range(5) == range(0, 5), range(0) == range(2, 2))
print(len(range(0, 100, 7)), range(0, 100, 7)[3], list(range(-5, 5, 3)))
m = map(int, "123")
print(next(m), list(m), list(m))
print(sum(range(101)), sum([0.1] * 10), sum([[1], [2]], []), sum((1, 2), 10), sum([], 0.5))
print(any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]), any(x > 3 for x in range(5)))
