# split/rsplit/splitlines/join edge cases.
cases = ["", " ", "a", " a ", "a  b", "a,b,,c,", ",a", "\ta\nb\x0bc\x0cd\re"]
for s in cases:
    print(repr(s), s.split(), s.split(","), s.split(" "), s.rsplit(None, 1), s.splitlines())
print("a1b2c3".split("2"), "aaa".split("a"), "abc".split("abc"), "x--y--z".split("--", 1), "x--y--z".rsplit("--", 1))
print("1\n2\r\n3\r4\n".splitlines(), "1\n2\n".splitlines(keepends=True), "\n".splitlines(), "".splitlines())
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print("".join([]), "-".join("abc"), "-".join(["x"]), ", ".join(str(n) for n in range(3)))
try:
    "".join(["a", 2])
except TypeError as e:
    print("TypeError:", e)
print(" x ".strip(" x"), "xyxzyx".strip("xy"), "  \t\n spaced \n".strip(), "abc".strip(""))
