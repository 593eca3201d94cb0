# Deep recursion raises RecursionError (catchable) instead of crashing.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError caught:", e)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
print(sys.getrecursionlimit())
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(900))
class Node:
    def __repr__(self):
        return repr(self)
try:
    repr(Node())
except RecursionError:
    print("repr recursion caught")
print("still running")
