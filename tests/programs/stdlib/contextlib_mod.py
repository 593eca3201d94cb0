# contextlib: contextmanager (normal exit, exceptions, decorator use), suppress, closing, ExitStack, nullcontext, redirect_stdout.
from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext, redirect_stdout, AbstractContextManager


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("a") as t:
    print("inside", t)
try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    {}["missing"]
print("after swallow")

with suppress(KeyError, IndexError):
    [][1]
print("after suppress")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with closing(Resource("r1")) as r:
    print("using", r.name)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    names = [stack.enter_context(tag("n%d" % i)) for i in range(2)]
    print("names", names)

try:
    with ExitStack() as stack:
        stack.callback(print, "cleanup runs")
        raise RuntimeError("inside stack")
except RuntimeError as e:
    print("propagated", e)

with ExitStack() as outer:
    outer.callback(print, "moved callback")
    saved = outer.pop_all()
print("outer closed")
saved.close()



class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def getvalue(self):
        return "".join(self.parts)


buf = Capture()
with redirect_stdout(buf):
    print("hidden line")
    print("second")
print(repr(buf.getvalue()))

with nullcontext("value") as v:
    print(v)


@tag("deco")
def work(x):
    print("working", x)
    return x * 2


print(work(21))


class Managed(AbstractContextManager):
    def __exit__(self, *exc):
        print("exit", exc[0])
        return True


with Managed() as m:
    print(type(m).__name__)
    raise KeyError("x")
print(isinstance(open.__class__, type), issubclass(Managed, AbstractContextManager))


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
