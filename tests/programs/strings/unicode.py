# Unicode text: lengths, ord/chr, case, iteration.
s = "Grüße, 世界! 😀"
print(len(s), s.upper(), s.lower(), s[::-1])
print([ord(c) for c in "aé世😀"], chr(233), chr(0x4e16), chr(128512))
print(s.encode("utf-8"), len(s.encode("utf-8")), s.encode("utf-8").decode("utf-8") == s)
print("é".isalpha(), "٣".isdigit(), "Ⅳ".isnumeric(), "世".isalpha())
print(sorted("bäac"), "ä" > "z", max("héllo"))
for ch in "aé😀":
    print(ch, hex(ord(ch)), repr(ch))
print("straße".upper(), "ǅ".lower(), "ﬁ".upper())
print("x".join("日本語"), "日本語".find("語"), "日本語".replace("本", "-"))
print("é".encode("latin-1"), b"\xe9".decode("latin-1"), "abc".encode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(f"{'日本':>6}|{'é':^5}|")
