# memoryview over bytes and bytearray: indexing, slicing, assignment, conversions, release.
m = memoryview(b"hello")
print(len(m), m[0], m[1:3].tobytes(), m.tobytes(), m.tolist()[:2], m.hex(), m.readonly, m.nbytes, m.format, m.itemsize, m.obj, bytes(m[::2]), list(m[3:]))
ba = bytearray(b"abcdef")
v = memoryview(ba)
v[0] = 65; v[1:3] = b"XY"
print(ba, v[2], v == b"AXYdef", b"AXYdef" == v, bytes(v), b"-".join([v[:2], b"z"]), v.readonly)
with memoryview(b"x") as mm:
    print(mm.tobytes())
try: mm.tobytes()
except ValueError as e: print(e)
try: memoryview("s")
except TypeError as e: print(e)
try: memoryview(b"ab")[0] = 1
except TypeError as e: print(e)

print(bytes(memoryview(b"data")), bytearray(memoryview(b"xy")))
