# format() with the format-spec mini-language on ints, floats and strings.
specs_int = ["", "d", "5d", "<5", ">5", "^5", "05", "+", " ", ",", "_", "x", "X", "#x", "o", "#o", "b", "#b", "c", "e", ".2f", "%", "=+8", "*^9"]
for s in specs_int:
    print(repr(s), repr(format(65, s)), repr(format(-1234, s)) if s != "c" else "")
specs_float = ["", "f", ".0f", ".3f", "10.2f", "<10.2f", "+.1f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", ",", ",.2f", "010.2f", "n", ".10g"]
for s in specs_float:
    print(repr(s), repr(format(1234.5678, s)), repr(format(-0.000123, s)), repr(format(1e16, s)))
for s in ["", "10", "<10", ">10", "^10", ".2", "*>6", "s"]:
    print(repr(s), repr(format("text", s)))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"), format(-0.0, ""), format(0.0, "+"))
print(format(2 ** 70, ","), format(2 ** 70, "e"), format(True, "d"), format(1.5, "g"), format(1e-5, "g"), format(123456789.0, "g"))
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError:", e)
