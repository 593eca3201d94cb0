# int(), float(), str(), bool(), list() etc. conversions with errors caught.
for s in ["42", "-7", " 8 ", "3.5", "1e3", "inf", "nan", "0x10", "abc", "", "1_0", "١٢", "+0"]:
    out = []
    for conv in (int, float):
        try:
            out.append(repr(conv(s)))
        except ValueError as e:
            out.append("ValueError(" + str(e) + ")")
    print(repr(s), out)
print(int(7.9), int(-7.9), int(True), float(3), float(True), float(2 ** 60), str(3.0), str(-0.0))
print(str(1e100), str(12345678901234567890.0), str(0.000001), str(1.5e-7))
print(bool(0), bool(0.0), bool(""), bool("0"), bool([0]), list("ab"), tuple([1]), set("aab") == {"a", "b"})
print(list({"a": 1}.items()), dict([("a", 1)]), dict(a=1), frozenset("ab") == frozenset("ba"))
for bad in [None, [1], {}, object]:
    try:
        int(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    float([])
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(int("10", base=2), int(x="ff", base=16) if False else int("ff", base=16))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 7.5
    def __index__(self):
        return 3
print(int(Num()), float(Num()), [10, 20, 30, 40][Num()], hex(Num()), "ab" * Num())
print(repr(str(b"x")), str(b"caf\xc3\xa9", "utf-8"), repr(str()))
