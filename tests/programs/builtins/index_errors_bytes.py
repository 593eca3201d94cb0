# Index errors of bytes, bytearray and memoryview, as CPython words them.
m = memoryview(b'ab')
w = memoryview(bytearray(b'ab'))
for k in (1.0, 'x', None, 5, -3, True, 2**70):
    for f in (lambda: m[k], lambda: w.__setitem__(k, 1), lambda: b'ab'[k], lambda: bytearray(b'ab')[k]):
        try:
            print(f())
        except (TypeError, IndexError) as e:
            print(type(e).__name__, e)
print(m[-1], w[0], bytes(m[::-1]))
