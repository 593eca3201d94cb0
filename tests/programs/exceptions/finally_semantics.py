# finally runs on return, break, continue and exceptions; return value captured before finally.
def f():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally sees", x)
print(f())
def g():
    lst = []
    try:
        return lst
    finally:
        lst.append("mutated in finally")
print(g())
def h():
    for i in range(5):
        try:
            if i == 3:
                return i
        finally:
            print("finally", i)
print(h())
def k():
    try:
        raise ValueError("lost")
    finally:
        print("finally before propagation")
try:
    k()
except ValueError as e:
    print("propagated", e)
def replace():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    replace()
except KeyError as e:
    print(repr(e), repr(e.__context__))
def loop_break():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke out, exception discarded"
print(loop_break())
