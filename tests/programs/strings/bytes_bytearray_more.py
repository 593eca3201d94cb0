# bytes and bytearray: searching, splitting, padding, case, hex, translate, mutation, % formatting, codecs and their errors.
b = b"abcabc"
print(b.find(b"c", 3), b.rfind(b"a"), b.count(b"bc"), b.index(99), b.split(b"b", 1), b.rsplit(b"b", 1))
print(b"a,b,,c".split(b","), b"  a  b ".rsplit(None, 1), b.partition(b"ca"), b.rpartition(b"x"))
print(b"abc".center(9, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4))
print(b"hello world".title(), b"HeLLo".swapcase(), b"hello".capitalize(), b"a\tb".expandtabs(4))
print(b"abc".replace(b"", b"-"), b"aaa".replace(b"a", b"b", 2), b"x".join([b"1", bytearray(b"2")]))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"), b"\x01\x02\x03\x04".hex(":", 2), b"abc".hex("-", -2))
print(b"line1\nline2\r\nline3".splitlines(), b"a\nb\n".splitlines(True))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"aabbcc".translate(None, b"b"))
ba = bytearray(b"hello")
ba += b" world"
ba.insert(0, 62)
ba.remove(ord("o"))
ba[::2] = b"XXXXXX"
print(ba, ba * 2, ba == b"X", bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b")
del ba[1:3]
print(ba, len(ba), ba.copy(), ba.upper(), b"ab" in ba, 88 in ba)
ba.clear(); print(ba, bool(ba), bytearray(range(3)), bytes(bytearray(b"q")))
print(b"%s %r %a %c %c %5b|%-4d|%x" % (b"x", b"y", "é", 65, b"z", b"ab", 7, 255))
print(repr(bytearray(b"it's")), str(b"abc", "ascii"), "é".encode("utf-8", "strict"), "aé€".encode("ascii", "replace"), "aé".encode("latin-1"))
print(b"\xff\xfe".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"), b"\xe2\x82".decode("utf-8", "backslashreplace"), "€".encode("ascii", "xmlcharrefreplace"), "é€".encode("latin-1", "backslashreplace"))
for bad in [b"\xe2\x82", b"\xe2\x82x", b"\x80abc", b"ab\xc3"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(e, e.start, e.end, e.reason, e.encoding, e.object)
try:
    "ab€€c".encode("latin-1")
except UnicodeEncodeError as e:
    print(e, e.start, e.end, repr(e.object))
try:
    "x".encode("nope")
except LookupError as e:
    print("LookupError", e)
print(list(b"ab"), list(bytearray(b"ab")), b"abc"[1], b"abc"[-1:], bytearray(b"abc")[0], bytearray(b"abc")[1:])
print(sorted([b"b", b"a"]), max(b"abc"), b"a" * 0, hash(b"a") == hash(b"a"), {b"x": 1}[b"x"])
print(int(b"12"), int(bytearray(b"7")), float(b"1.5") if False else 0, b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc", 0, 3))
print(b"abc".isalpha(), b"ab1".isalnum(), b" \t".isspace(), b"Ab".istitle(), b"".isupper(), b"\x80".isascii())
try:
    bytearray(b"a")[5] = 1
except IndexError as e:
    print("IndexError", e)
try:
    bytearray(b"a")[0] = 300
except ValueError as e:
    print("ValueError", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError", e)
try:
    bytes("abc")
except TypeError as e:
    print("TypeError", e)
x = bytearray(b"ab"); x.extend([99, 100]); x.append(101); print(x, x.pop(0), x.pop(), x)
print(bytes(3), bytearray(2), bytes([1,2]), bytes("ab", encoding="ascii"))
print(b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"a b".split(maxsplit=0))
