# find/index/count/replace with start/end arguments and overlapping patterns.
s = "abcabcabc"
print(s.find("c"), s.find("c", 3), s.find("c", 3, 5), s.find("c", -3), s.rfind("abc"), s.rfind("abc", 0, 5))
print(s.count("abc"), s.count("abc", 1), s.count("a", 0, 4), s.count(""), "".count(""), s.count("x"))
print(s.replace("abc", "X"), s.replace("abc", "X", 2), s.replace("b", ""), s.replace("", "|"), s.replace("x", "y"))
print(s.startswith("abc", 3), s.startswith(("x", "ab")), s.endswith("ab", 0, 5), s.endswith(""), "".startswith(""))
print(s.index("b", 2), s.rindex("b", 0, 6))
try:
    s.rindex("z")
except ValueError as e:
    print("ValueError:", e)
print("aaaa".find("aa", 1), "aaaa".count("aa"), "aaaa".replace("aa", "b"), "banana".rfind("ana"), "banana".find("ana", 2))
print("hello"[::-1].find("l"), "x".find(""), "x".find("", 5), "x".rfind(""))
