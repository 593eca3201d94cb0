# traceback module over traceback objects: chains, limits, extract/walk/format, repeated frames.
import traceback, sys
def a(x): return b(x)
def b(x): return 1 / x
def rec(n): return rec(n + 1) if n < 30 else 1 / 0
def wrap():
    try:
        a(0)
    except ZeroDivisionError as e:
        raise ValueError("outer") from e
for f in (wrap, lambda: rec(0)):
    try:
        f()
    except Exception as e:
        print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
        tb = e.__traceback__
        print([fs.name for fs in traceback.extract_tb(tb)][:5], [ln for _, ln in traceback.walk_tb(tb)][:4])
        print("".join(traceback.format_tb(tb, limit=2)).replace(__file__, "FILE"))
        print("".join(traceback.format_exception(type(e), e, tb.tb_next, limit=-1)).replace(__file__, "FILE"))
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during")
except RuntimeError:
    print(traceback.format_exc().replace(__file__, "FILE"))
e = ValueError("no tb")
print(traceback.format_exception(e), e.with_traceback(None).__traceback__)
try:
    raise TypeError("t")
except TypeError as err:
    t = err.__traceback__
    t2 = err.__traceback__
    print(t is t2, t.tb_next)
