# list[int] / tuple[int] reads and list[int] stores take a fast path in the eval loop;
# everything else (negative, out of range, bool, big int, slices, subclasses) must
# behave exactly as the general path.
l = [10, 20, 30]
t = (1, 2, 3)
print(l[0], l[2], l[-1], l[-3], t[1], t[-1])
l[1] = 21
l[-1] = 31
print(l)
for bad in (3, -4, 2**70):
    for f in (lambda: l[bad], lambda: t[bad]):
        try:
            f()
        except IndexError as e:
            print("IndexError:", e)
    try:
        l[bad] = 0
    except IndexError as e:
        print("IndexError:", e)
print(l[True], t[False])
l[True] = 99
print(l, l[1:], t[::-1])
try:
    l["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    l[1.0] = 5
except TypeError as e:
    print("TypeError:", e)
class L(list):
    def __getitem__(self, i):
        return ("sub", list.__getitem__(self, i))
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v * 2)
s = L([1, 2, 3])
s[0] = 5
print(s[0], list(s))
# In a loop, so that the same instructions run many times with each kind of operand.
acc = []
for i in range(-3, 3):
    acc.append(l[i])
    l[i] = l[i] + 1
print(acc, l)
# The TypeError of a non-integer index names the sequence as CPython does.
fk, sk, nk = 1.0, "k", None
for f in (lambda: "abc"[fk], lambda: range(3)[fk], lambda: b"ab"[fk],
          lambda: bytearray(b"ab")[fk], lambda: (1, 2)[sk], lambda: [1][nk]):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
