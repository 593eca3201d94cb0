# Indexing and slicing strings.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-3])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(s[100:], s[-100:3], s[5:2], repr(s[5:2]), s[3:3])
print(s[slice(1, 8, 3)], s[slice(None, None, -1)])
for i in range(-12, 12, 5):
    for j in range(-12, 12, 7):
        print(i, j, repr(s[i:j]), repr(s[i:j:-1]))
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print(len(s), len(""), "" == s[5:5])
print("héllo"[1], "日本語"[1:], "日本語"[::-1])
