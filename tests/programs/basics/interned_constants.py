# Identifier-like str constants are one object across code objects (CPython interns
# them; stmpy interns them and makes them immortal). Classes and functions defined by
# module and class bodies behave as usual (they are immortal in stmpy).
def f():
    return "spam_1"


def g():
    return "spam_1"


print(f() is g(), f() == g())
s = "".join(["spam", "_1"])
print(s == f(), s is f())


class C:
    def m(self):
        return "m"


c = C()
print(C.m(c), c.m(), type(c) is C, C.__name__)
w = ""
for part in ["ab", "cd", "ef"]:
    w += part
print(w, "" == "", len(""))
