# compile(): code objects for exec and eval (exec, eval and single modes), CPython's errors.
c = compile("x = 6 * 7\ny = x + 1", "calc.py", "exec")
ns = {}
exec(c, ns)
print(ns["x"], ns["y"], type(c).__name__)
e = compile("a * 2", "<expr>", "eval")
print(eval(e, {"a": 21}), eval(e, {"a": "ab"}))
exec(compile("1 + 1", "<stdin>", "single"))
print(eval(compile("len('abc')", "f", "eval")))
for src in ("x x", "def f(:\n    pass"):
    try:
        compile(src, "bad.py", "exec")
    except SyntaxError as err:
        print(str(err), err.filename, err.lineno, err.offset)
for args in (("1", "f", "run"), ("1", "f"), (1, "f", "exec"), ("1", 2, "exec")):
    try:
        compile(*args)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
print(eval(compile(b"3 + 4", "b", "eval")))
def f():
    return compile("z = 1", "in_f.py", "exec")
g = {}
exec(f(), g)
print(g["z"])
try:
    exec(compile("1/0", "boom.py", "exec"))
except ZeroDivisionError as err:
    print("ZeroDivisionError", err)
