# isinstance, issubclass, type, callable.
vals = [1, 1.0, "s", b"b", [], (), {}, set(), frozenset(), None, True, range(1), len, int, 2 ** 80]
for v in vals:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), callable(v))
print(isinstance(True, bool), isinstance(True, int), type(True) is int, type(True) is bool)
print(issubclass(int, (str, object)), issubclass(list, list), issubclass(type, object), issubclass(object, type))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type), isinstance(3, object))
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError:", e)
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, (int, A)), type(B()) is A, type(B()) == B)
print(type(len).__name__, type(A.__init__).__name__, type(lambda: 0).__name__, type(A).__name__)
print(type(print).__name__, type([].append).__name__, type(A().__init__).__name__)
