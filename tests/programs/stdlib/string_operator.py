# string constants and Template; operator module.
import string
import operator
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.punctuation)
print(len(string.printable), repr(string.whitespace), string.octdigits)
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="tim", what="kiwi"), t.safe_substitute(who="x"))
try:
    t.substitute(who="y")
except KeyError as e:
    print("KeyError:", e)
print(string.capwords("hello   big world"))
print(operator.add(2, 3), operator.mul("a", 3), operator.neg(5), operator.not_(0), operator.truth([1]))
print(operator.itemgetter(1)([9, 8]), operator.itemgetter(0, 2)("abc"), operator.attrgetter("real")(5))
print(sorted([("a", 2), ("b", 1)], key=operator.itemgetter(1)), operator.methodcaller("upper")("x"))
print(operator.contains([1, 2], 2), operator.getitem({"k": 1}, "k"), operator.index(7), operator.lt(1, 2))
import functools
print(functools.reduce(operator.xor, [1, 2, 4, 8]), functools.reduce(operator.concat, [[1], [2]]))
