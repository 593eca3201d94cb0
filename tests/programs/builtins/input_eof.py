# input() with stdin closed raises EOFError.
try:
    line = input("prompt> ")
    print("got", repr(line))
except EOFError as e:
    print()
    print("EOFError", repr(e))
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
