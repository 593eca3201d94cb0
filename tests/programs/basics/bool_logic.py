# and/or/not short-circuit and truthiness.
vals = [0, 1, -1, 0.0, "", "a", [], [0], {}, {0: 0}, (), None, set(), 2 ** 100]
for v in vals:
    print(repr(v), bool(v), not v)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [] or "x", "" and 1/0)
print(0 or 0.0 or "", [] and {}, not not 3)
def side(tag, val):
    print("eval", tag)
    return val
print(side("a", 0) and side("b", 1))
print(side("c", 1) or side("d", 1))
print(side("e", 1) and side("f", 0) or side("g", 5))
x = 7
print("big" if x > 5 else "small", "yes" if [] else "no")
print(True & False, True | False, True ^ True, ~True)
print(type(True & True).__name__, type(True + 0).__name__)
print(str(True), repr(False), int(True), float(False))
print(bool(), bool(None), bool("False"))
