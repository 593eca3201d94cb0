# typing: reprs, equality, Generic, NamedTuple, Protocol, TypedDict, get_type_hints.
from typing import *
import typing
T = TypeVar('T')
K = TypeVar('K', bound=int)
print(List[int], Dict[str, List[int]], Optional[str], Union[int, str], Union[int, None, str], Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Tuple[int, str], Type[int], Any, T, K, Literal[1, 'a'], ClassVar[int], Final[int])
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int], List, Dict, hash(List[int]) == hash(List[int]))
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Callable[[int], str]), get_origin(Union[int, str]))
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int](); s.push(3); print(s.items, Stack.__parameters__, Stack[int])
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
p = Point(1); print(p, p.norm(), p._replace(y=5), Point._fields, Point.__annotations__, p[0], len(p))
P2 = NamedTuple('P2', [('a', int), ('b', str)]); print(P2(1, 'x'))
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1); print(m, type(m))
print(cast(int, 'x'), TYPE_CHECKING, isinstance([], List), isinstance({}, Mapping), isinstance([], Iterable), issubclass(list, Sequence))
@overload
def f(x: int) -> int: ...
def f(x): return x
print(f(2))
UserId = NewType('UserId', int); print(UserId(5), UserId)
def g(a: 'int', b: List[int]) -> Optional[str]: pass
print(get_type_hints(g))
try: isinstance(1, List[int])
except TypeError as e: print(e)
try: Union[()]
except TypeError as e: print(e)
print(Annotated[int, 'meta'], SupportsInt, isinstance(3, SupportsInt))
