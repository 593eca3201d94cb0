# Literal syntax of strings and bytes.
print('single', "double", '''triple s''', """triple d""")
print("implicit" " " "concat", ("multi"
      "line"))
print(r"\d+\s*", R"\n", rb"\x00", b"\x41\x42", br"\t")
print("\t|\\|\'|\"|\a|\b|\f|\v|\0|".encode())
print("\u00e9\U0001F600\x7e\N{LATIN SMALL LETTER A WITH GRAVE}")
print(len("\
"), "line\
continued")
print(f"{'a'}" "b" f"{'c'}", rf"\{1+1}")
print(b"abc" + b"def", b"ab" * 2, b"a" in b"cat", bytes(3), bytes("hé", "utf-8"))
print(b"hello".upper(), b"a,b".split(b","), b"-".join([b"x", b"y"]), b"hi".hex())
print(bytes.fromhex("4142 43"), bytearray(b"ab") + b"c", list(bytearray(b"\x01\x02")))
ba = bytearray(b"hello")
ba[0] = ord("J")
ba.append(33)
print(ba, ba.decode(), len(ba))
