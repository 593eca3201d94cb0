# print(): sep, end, file, flush, objects of every kind.
import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep="")
print(1, 2, 3, sep=None, end=None)
print("a", "b", sep="\n")
print("no end", end="|")
print("next", end="\n\n")
print(*"abc", sep=", ")
print([], {}, (), set(), None, True, 1.0, "s", b"b", print.__name__)
print("stderr is separate", file=sys.stderr)
print("explicit stdout", file=sys.stdout, flush=True)
sys.stdout.write("write returns count\n")
print(sys.stdout.write(""), end="\n")
print("x" * 3, "-" * 10, sep="")
try:
    print(sep=5)
except TypeError as e:
    print("TypeError:", e)
print("tab\tsep", "new\nline", sep="||")
