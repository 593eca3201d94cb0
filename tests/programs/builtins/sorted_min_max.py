# sorted/min/max with key, reverse, default; stability.
words = ["banana", "pie", "Apple", "cherry", "fig", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(min(words), max(words), min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(min(3, 1, 2), max(3, 1, 2), min([], default="empty"), max((), default=None), min([5], default=0))
print(max([1, 5, 5, 2], key=lambda x: x), max(["a", "bb", "cc"], key=len), min(["bb", "aa", "c"], key=len))
records = [("bob", 3), ("amy", 3), ("cat", 1), ("dan", 2)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(sorted(records), key=lambda r: -r[1]))
print(sorted({"b": 1, "a": 2}.items()), sorted("hello"), sorted((3, 1, 2)), sorted(range(5), reverse=True))
print(sorted([-3, 1, -2], key=abs), max([-3, 1, -2], key=abs), min(-3, 1, -2, key=abs))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
print(max("abc", "abd"), max([1, 2], [1, 3]), max(1, 2.5), min(True, 0))
