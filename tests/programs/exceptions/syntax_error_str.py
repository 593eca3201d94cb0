# str() and attributes of SyntaxError: raised by exec/eval, and built by hand.
for src in ("x x", "def f(:\n pass", "a = (1,\n"):
    try:
        exec(src)
    except SyntaxError as e:
        print(str(e), "|", e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    eval("1 +")
except SyntaxError as e:
    print(str(e), e.args[0], e.lineno)
e = SyntaxError("m", ("g.py", 3, 1, "t"))
print(str(e), e.filename, e.lineno)
print(str(SyntaxError("only")), str(SyntaxError("x", (None, 5, 1, None))))
e = SyntaxError("m", ("/a/b/g.py", 3, 1, "t", 3, 2))
print(str(e), e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.args)
e = SyntaxError()
print(repr(str(e)), e.msg, e.filename, e.lineno)
class MyErr(SyntaxError):
    pass
print(str(MyErr("bad", ("x.py", 2, 1, "y"))))
try:
    SyntaxError("m", (1, 2))
except TypeError as e:
    print("TypeError")
