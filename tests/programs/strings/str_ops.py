# String operators, iteration, comparisons, and membership.
a = "spam"
b = "eggs"
print(a + b, a * 2, 0 * a == "", -1 * a == "", a < b, a > b, a == "spam", a is not b)
print("pa" in a, "" in a, "z" in a, [c for c in a], list(a), tuple(b))
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["b", "a"], reverse=True))
print(min("hello"), max("hello"), sum(map(ord, "abc")))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words)), max(words, key=len), [w[::-1] for w in words[:3]])
print(str(123), str(-4.5), str(None), str([1, "x"]), str(b"x"), str())
s = ""
for i in range(5):
    s += str(i)
print(s, s.isnumeric())
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("cd"))
print(hash("abc") == hash("ab" + "c"), "a" * 0, "abc"[1:] * 2)
print(ord("A") + 1, chr(ord("a") + 25), "".join(chr(c) for c in range(65, 70)))
print("Hello"[0].lower() + "Hello"[1:].upper())
t = "mississippi"
print(t.count("ss"), t.find("ss", 3), t.rindex("s"), t.split("s"), t.strip("mi"))
