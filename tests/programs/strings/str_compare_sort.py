# Ordering of strings by code point; sort keys for natural order and case folding.
words = ["banana", "Banana", "apple", "Äpfel", "zebra", "éclair", "10", "9", "a10", "a9", ""]
print(sorted(words))
print(sorted(words, key=str.casefold))
def natural(s):
    out, num = [], ""
    for c in s:
        if c.isdigit():
            num += c
        else:
            if num:
                out.append((0, int(num), ""))
                num = ""
            out.append((1, 0, c))
    if num:
        out.append((0, int(num), ""))
    return out
print(sorted(["file10.txt", "file2.txt", "file1.txt", "file20.txt"], key=natural))
print("a" < "b" < "ba" < "bb", "Z" < "a", "" < "a", "abc" <= "abc", "é" > "z")
print(max(words), min(w for w in words if w), sorted("The Quick Brown".split(), key=len))
