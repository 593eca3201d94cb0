# PEP 585 generic aliases (list[int]) and PEP 604 unions (int | None), in annotations and at run time.
def f(x: int | None = None) -> list[int] | None:
    return x
print(f(1), f.__annotations__)
class A:
    y: str | None = None
print(A.__annotations__)
print(isinstance(3, int | str), int | None, list[int], dict[str, int])
print(repr(list[int]), repr(dict[str, list[int]]), repr(tuple[()]), repr(tuple[int, ...]), list[int] == list[int], list[int]((1,2)), list[int].__origin__, list[int].__args__)
print(int | str, int | None, (int | str) == (str | int), int | int, type(int | str), (int | str).__args__, int | list[int], list[int] | None)
try: isinstance([], list[int])
except TypeError as e: print(e)
try: int | 3
except TypeError as e: print(e)
print(isinstance(None, int | None), issubclass(bool, int | str))
print(type(list[int]).__name__, type(int | str).__name__)
class B(list[int]): pass
print(B.__mro__, B([1]))
