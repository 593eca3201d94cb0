# for/while with break, continue, else.
for i in range(5):
    if i == 3:
        continue
    print("for", i)
else:
    print("for-else ran")
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("while", n)
else:
    print("not printed either")
k = 3
while k:
    k -= 1
else:
    print("while-else", k)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print("pair", i, j)
print(list(range(10, 0, -3)), list(range(0)), list(range(-3)), list(range(2, 12, 4)))
r = range(1, 20, 3)
print(len(r), r[2], r[-1], 7 in r, 8 in r, r.index(13), r[1:3], list(r[::-1]))
total = 0
for x in [1, 2, 3]:
    for y in (10, 20):
        total += x * y
print(total)
for _ in []:
    print("never")
else:
    print("empty for-else")
i = 0
while True:
    i += 1
    if i > 4:
        break
print("after while True", i)
