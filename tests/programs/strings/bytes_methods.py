# bytes and bytearray methods.
b = b"Hello, World"
print(b.lower(), b.upper(), b.split(b", "), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"), b[::-1])
print(b.startswith(b"He"), b.endswith(b"ld"), b.strip(b"Hd"), b.decode("ascii"), list(b[:3]), b[0], b[-1:])
print(bytes([104, 105]), bytes(range(5)), bytes.fromhex("ff00"), b"\xff\x00".hex(), b"ab".hex("-"))
print(b"a" < b"b", b"abc" == bytes("abc", "ascii"), len(b"\x00\x01"), b"x" * 3, b"%d-%s" % (5, b"x"))
ba = bytearray(b"abc")
ba.extend(b"def")
ba[0] = 65
ba[1:3] = b"XYZ"
del ba[-1]
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
ba.reverse()
print(ba, ba.index(b"Z"), b"".join([b"a", b"b"]), bytearray(3))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"), b"\t\n\r\x7f\x80'")
print(b"a b  c".split(), b"  x ".strip(), b"ABC".isupper(), b"123".isdigit(), b"Abc".istitle())
