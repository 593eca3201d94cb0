# str.format and format().
print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{0}{0}".format("xy"))
print("{name}={val}".format(name="k", val=3), "{0[1]}".format([5, 6]), "{0[k]}".format({"k": 9}))
class P:
    x = 1
    y = 2
print("{0.x},{0.y}".format(P()), "{:>6}".format("r"), "{:<6}|".format("l"), "{:^6}|".format("c"))
print("{:.3f}".format(2 / 3), "{:,}".format(1234567), "{:+}".format(5), "{:b}".format(10))
print("{!r}".format("s"), "{!s:>5}".format(1), "{{}}".format(), "{:{}}".format(7, 4))
print(format(3.5), format(3.5, ".3f"), format("x", ">3"), format(10, "o"), format(True))
print(format(-1.5, "08.2f"), format(1e100, ".3g"), format(123, ""), format(1.0, "n"))
print("{:%}".format(0.5), "{:.2e}".format(12345), "{:c}".format(97))
print(format(float("nan"), "f"), format(float("inf"), ">6"), format(-0.0, "g"))
print("{:s}".format("abc"), "{:10.2s}|".format("abcdef"))
try:
    "{:d}".format("x")
except ValueError as e:
    print("ValueError:", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
print("{0:*<{1}}".format("pad", 8), "{:#b}".format(5), "{:_x}".format(2 ** 40))
