# struct: layouts, byte orders, alignment, round trips and error messages.
import struct

for fmt in ["i", "@bi", "@ib", "<bi", "=bi", ">bi", "!bi", "@b0i", "@bq", "@ci", "3s", "5p",
            "@hhl", "<hhl", "?xx?", "@e", "qQdf", "@nNP", "10x", "", "<4H 2b"]:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack("<i", 1), struct.pack(">i", 1), struct.pack("!H", 513), struct.pack("=h", -2))
print(struct.pack("@bi", 1, 2), struct.pack("<bi", 1, 2), struct.pack(">q", -1))
print(struct.pack("<Q", 2**64 - 1), struct.pack("<q", -2**63), struct.pack("<?", []), struct.pack("<?", "x"))
print(struct.pack("3s", b"abcdef"), struct.pack("6s", b"ab"), struct.pack("5p", b"ab"), struct.pack("3p", b"abcdef"))
print(struct.pack("<fde", 1.5, -0.1, 65504.0), struct.pack(">e", 0.1), struct.pack("<e", 1e-7))
print(struct.pack("c3x2c", b"a", b"b", b"c"), struct.pack("<2h", 1, 2))

for fmt, vals in [("<i", (-5,)), (">I", (4000000000,)), ("<hHbB", (-1, 65535, -128, 255)),
                  ("<qQ", (-2**63, 2**64 - 1)), ("@bi?", (3, -9, True)), (">fd", (0.5, 1e300)),
                  ("<e", (0.333,)), ("<e", (float("inf"),)), ("<3s", (b"xyz",)), ("<4p", (b"hi",)),
                  ("<lL", (-2**31, 2**32 - 1)), ("<c", (b"\xff",))]:
    data = struct.pack(fmt, *vals)
    print(fmt, data, struct.unpack(fmt, data))

class Idx:
    def __index__(self):
        return 7
print(struct.pack("<i", Idx()), struct.pack("<d", 3), struct.pack("<f", Idx()))

buf = struct.pack("<3i", 1, 2, 3) + struct.pack("<3i", 4, 5, 6)
print(list(struct.iter_unpack("<3i", buf)))
print(struct.unpack_from("<i", buf, 4), struct.unpack_from("<i", buf, offset=-4), struct.unpack_from(">H", buf))

s = struct.Struct("<hd")
print(s.size, s.format, s.pack(-3, 2.5), s.unpack(s.pack(-3, 2.5)), s.unpack_from(b"\0\0" + s.pack(1, 1.0), 2))
print([t for t in s.iter_unpack(s.pack(1, 1.0) * 2)])

cases = [
    ("struct.pack('b', 200)", lambda: struct.pack('b', 200)),
    ("struct.pack('B', 300)", lambda: struct.pack('B', 300)),
    ("struct.pack('h', 70000)", lambda: struct.pack('h', 70000)),
    ("struct.pack('<H', -1)", lambda: struct.pack('<H', -1)),
    ("struct.pack('>h', 2**15)", lambda: struct.pack('>h', 2**15)),
    ("struct.pack('>H', 2**16)", lambda: struct.pack('>H', 2**16)),
    ("struct.pack('<q', 2**64)", lambda: struct.pack('<q', 2**64)),
    ("struct.pack('>q', 2**64)", lambda: struct.pack('>q', 2**64)),
    ("struct.pack('Q', -1)", lambda: struct.pack('Q', -1)),
    ("struct.pack('>Q', -1)", lambda: struct.pack('>Q', -1)),
    ("struct.pack('@I', -1)", lambda: struct.pack('@I', -1)),
    ("struct.pack('@I', 2**32)", lambda: struct.pack('@I', 2**32)),
    ("struct.pack('<l', 2**40)", lambda: struct.pack('<l', 2**40)),
    ("struct.pack('<L', 2**32)", lambda: struct.pack('<L', 2**32)),
    ("struct.pack('@l', 2**70)", lambda: struct.pack('@l', 2**70)),
    ("struct.pack('P', 2**64)", lambda: struct.pack('P', 2**64)),
    ("struct.pack('i', 'x')", lambda: struct.pack('i', 'x')),
    ("struct.pack('i', 1.0)", lambda: struct.pack('i', 1.0)),
    ("struct.pack('f', 'x')", lambda: struct.pack('f', 'x')),
    ("struct.pack('<f', 1e300)", lambda: struct.pack('<f', 1e300)),
    ("struct.pack('<e', 1e300)", lambda: struct.pack('<e', 1e300)),
    ("struct.pack('<e', 2**80)", lambda: struct.pack('<e', 2**80)),
    ("struct.pack('i')", lambda: struct.pack('i')),
    ("struct.pack('i', 1, 2)", lambda: struct.pack('i', 1, 2)),
    ("struct.unpack('i', b'ab')", lambda: struct.unpack('i', b'ab')),
    ("struct.pack('c', b'ab')", lambda: struct.pack('c', b'ab')),
    ("struct.pack('c', 1)", lambda: struct.pack('c', 1)),
    ("struct.pack('s', 'x')", lambda: struct.pack('s', 'x')),
    ("struct.pack('p', 1)", lambda: struct.pack('p', 1)),
    ("struct.calcsize('z')", lambda: struct.calcsize('z')),
    ("struct.calcsize('3')", lambda: struct.calcsize('3')),
    ("struct.calcsize('<n')", lambda: struct.calcsize('<n')),
    ("struct.calcsize('i 3 h')", lambda: struct.calcsize('i 3 h')),
    ("struct.unpack_from('i', b'ab')", lambda: struct.unpack_from('i', b'ab')),
    ("struct.unpack_from('i', b'abcd', -9)", lambda: struct.unpack_from('i', b'abcd', -9)),
    ("struct.unpack_from('i', b'abcd', 2)", lambda: struct.unpack_from('i', b'abcd', 2)),
    ("struct.iter_unpack('i', b'abc')", lambda: struct.iter_unpack('i', b'abc')),
    ("struct.iter_unpack('', b'abc')", lambda: struct.iter_unpack('', b'abc')),
    ('struct.pack(1)', lambda: struct.pack(1)),
    ("struct.unpack('i', 'abcd')", lambda: struct.unpack('i', 'abcd')),
    ("struct.Struct('<z')", lambda: struct.Struct('<z')),
]
for c, f in cases:
    try:
        print(c, "=>", f())
    except Exception as e:
        print(c, "->", type(e).__name__, e)
try:
    struct.pack("b", 999)
except struct.error as e:
    print("caught struct.error:", e, isinstance(e, Exception), type(e).__module__, type(e).__name__)
