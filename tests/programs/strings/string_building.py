# Building strings: join vs concatenation, list of chars, repeated templates.
parts = []
for i in range(10):
    parts.append(f"{i}:{i * i}")
print(";".join(parts))
s = ""
for ch in "hello world":
    s = ch + s
print(s)
table = "\n".join(" ".join(f"{r * c:3d}" for c in range(1, 8)) for r in range(1, 8))
print(table)
chars = list("mutable")
chars[0] = "M"
chars.insert(3, "-")
print("".join(chars))
def caesar(text, k):
    out = []
    for c in text:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
enc = caesar("Hello, World! xyz", 3)
print(enc, caesar(enc, -3))
print("=" * 20, "-" * 0 + "|", "ab" * 3 + "c")
def rle(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
print(rle("aaabbbccccd"), rle(""), rle("abc"))
