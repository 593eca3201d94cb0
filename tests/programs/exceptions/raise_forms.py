# raise: classes vs instances, bare raise outside handler, non-exceptions.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError()
except ValueError as e:
    print(repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
def thrower(kind):
    raise kind("from thrower")
for k in (KeyError, IndexError, ZeroDivisionError):
    try:
        thrower(k)
    except Exception as e:
        print(type(e).__name__, e)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        try:
            raise ValueError("middle")
        except ValueError:
            pass
        raise
except KeyError as e:
    print("bare raise re-raises the one being handled:", repr(e))
