# del of slices, small and big (persistent) lists: contiguous ranges at the front, the
# back and the middle, negative and extended steps, empty ranges.
def check(n, key_desc, op):
    a = list(range(n))
    op(a)
    print(n, key_desc, len(a), a[:5], a[-5:], sum(a))


def delete(a, s):
    del a[s]


for n in (10, 300, 5000):
    check(n, "[:3]", lambda a: delete(a, slice(None, 3)))
    check(n, "[:h] h=n//2+1", lambda a: delete(a, slice(None, n // 2 + 1)))
    check(n, "[-4:]", lambda a: delete(a, slice(-4, None)))
    check(n, "[2:7]", lambda a: delete(a, slice(2, 7)))
    check(n, "[7:2]", lambda a: delete(a, slice(7, 2)))
    check(n, "[::-1]", lambda a: delete(a, slice(None, None, -1)))
    check(n, "[8:2:-1]", lambda a: delete(a, slice(8, 2, -1)))
    check(n, "[::3]", lambda a: delete(a, slice(None, None, 3)))
    check(n, "[1:-1]", lambda a: delete(a, slice(1, -1)))

# A queue that drops its consumed head now and then, as queue.Queue does.
q = list(range(1000))
h = 0
total = 0
for i in range(3000):
    if h < len(q):
        total += q[h]
        h += 1
    if h > 32 and h * 2 > len(q):
        del q[:h]
        h = 0
    if i % 2 == 0:
        q.append(i)
print(total, len(q), h, q[:3], q[-3:])
b = list(range(400))
del b[100:300]
del b[:]
print(b)
c = list(range(10))
list.__delitem__(c, slice(2, 8, 2))
c.__delitem__(-1)
print(c)
