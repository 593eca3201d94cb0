# traceback: format_exc, format_exception, format_exception_only, print_exc to a stream, extract_stack.
import sys
import traceback


def inner(x):
    return 10 // x


def outer():
    return inner(0)


try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
    lines = text.splitlines()
    print(lines[0])
    print(lines[-1])
    print(sum(1 for l in lines if l.startswith('  File ')), [l.split(', in ')[-1] for l in lines if l.startswith('  File ')])

class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def getvalue(self):
        return "".join(self.parts)


try:
    raise KeyError("key")
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(e)[-1], end="")
    buf = Capture()
    traceback.print_exc(file=buf)
    print(buf.getvalue().splitlines()[-1])


class AppError(Exception):
    pass


try:
    try:
        [][0]
    except IndexError as e:
        raise AppError("wrapped") from e
except AppError as e:
    out = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    print("direct cause" in out, out.strip().splitlines()[-1])

print(traceback.format_exception_only(ValueError, ValueError()))
print(traceback.format_exc() if sys.exc_info()[0] else "no exception")


def where():
    return traceback.extract_stack()[-1]


fs = where()
print(fs.name, fs.lineno, fs.line)
