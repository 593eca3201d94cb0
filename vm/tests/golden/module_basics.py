x = 1
y = x + 2 * 3 - -x
x += 1
obj.attr -= 2
seq[i] *= 3
a = b = [1, 2, 3]
print(x, y, sep=", ")
if x < y <= 10 and not y == 3 or x is None:
    print("yes")
elif x is not None:
    pass
else:
    print(x if x else y)
while True:
    x -= 1
    if x > 5:
        continue
    if x in a:
        break
for i in range(3):
    if i not in a:
        continue
else:
    print(~i, +i, i ** 2, i // 2, i % 2, i / 2, i @ i, i << 1, i >> 1, i & 1, i | 1, i ^ 1)
del x, obj.attr, seq[0]
t = (1, 2, ("a", None, ...), -3.5, 2j, b"\x00", 10**30, 123456789012345678901234567890)
z = a or b and c
