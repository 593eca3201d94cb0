# The built-in exception hierarchy.
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
         (IndexError, LookupError), (LookupError, Exception), (Exception, BaseException),
         (KeyboardInterrupt, Exception), (SystemExit, BaseException), (StopIteration, Exception),
         (UnboundLocalError, NameError), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
         (FileNotFoundError, OSError), (IsADirectoryError, OSError), (UnicodeDecodeError, ValueError),
         (ModuleNotFoundError, ImportError), (TypeError, ValueError), (AssertionError, Exception),
         (GeneratorExit, Exception), (AttributeError, Exception), (IOError, OSError), (EnvironmentError, OSError)]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
def catch(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError"
    except ArithmeticError:
        return "ArithmeticError"
    except Exception as e:
        return "Exception " + type(e).__name__
print(catch(KeyError("k")), catch(IndexError), catch(ZeroDivisionError()), catch(TypeError("t")))
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException catches", type(e).__name__)
print(IOError is OSError, EnvironmentError is OSError)
