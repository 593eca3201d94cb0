# repr and escapes.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nx", "\x00\x07\x7f",
          "back\\slash", "é", "日本", "\u200b", "\U0001F600", "\r", "\x1b[0m", "\xa0", "\ud800" if False else "ok"]:
    print(repr(s), len(s))
print(ascii("héllo日本\U0001F600"), ascii([1, "é"]))
print(str(b"bytes"), repr(b"\x00\xffab'\""), repr(bytes([65, 10, 200])))
print(repr([1, "a", None, 2.5, (1,), {"k": [True]}]))
print(str([1, "a"]), str(("x",)), str({}), str(set()), repr(frozenset()))
print("\N{BULLET}" if False else "\u2022", "\101\102", "\x41")
print(r"raw\n\t", len(r"\n"), "a" "b" "c")
print("""triple
quoted""", '''single
triple''')
print(repr("\\n"), repr('\''), repr("\""))
