# Robustness: every method of these built-in types, called with no argument and with an
# int, raises or returns; none may crash the interpreter (a Rust panic is a bug).
types_ = [list, tuple, dict, set, frozenset, str, bytes, bytearray, int, float, complex,
          range, bool, object, type, slice, memoryview, BaseException, ValueError]
skip = {"__new__", "__init_subclass__", "__subclasshook__", "__class_getitem__", "mro",
        "__prepare__"}
calls = 0
for t in types_:
    for name in sorted(dir(t)):
        if name in skip:
            continue
        try:
            m = getattr(t, name)
        except Exception:
            continue
        if not callable(m) or isinstance(m, type):
            continue
        for args in ((), (12345,)):
            try:
                m(*args)
            except BaseException:
                pass
            calls += 1
print("done", calls > 400)
