# Handlers: matching tuples, order, exception variables, sys.exc_info.
import sys
def handle(exc):
    try:
        raise exc
    except (TypeError, ValueError) as e:
        return "type/value: " + type(e).__name__
    except ArithmeticError:
        return "arithmetic"
    except:
        return "bare except: " + type(sys.exc_info()[1]).__name__
for exc in [TypeError(), ValueError(), OverflowError(), KeyError(), SystemExit(0)]:
    print(handle(exc))
try:
    raise IndexError("i")
except IndexError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, ev, tb is not None)
print(sys.exc_info())
errors = (KeyError, IndexError)
try:
    [][0]
except errors as e:
    print("dynamic tuple caught", type(e).__name__)
def nested_info():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            print(sys.exc_info()[0].__name__)
        print(sys.exc_info()[0].__name__)
nested_info()
