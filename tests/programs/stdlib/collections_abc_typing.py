# collections.abc checks and typing annotations (annotations do not change behaviour).
from collections.abc import Iterable, Sequence, Mapping, Callable, Hashable, Sized
from typing import List, Dict, Optional, Union
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance("", Iterable), isinstance(5, Iterable))
print(isinstance(len, Callable), isinstance([], Hashable), isinstance((), Hashable), isinstance({}, Sized))
class MySeq:
    def __len__(self):
        return 2
    def __iter__(self):
        return iter([1, 2])
print(isinstance(MySeq(), Sized), isinstance(MySeq(), Iterable), isinstance(MySeq(), Sequence))
def f(xs: List[int], m: Dict[str, int], o: Optional[str] = None) -> Union[int, str]:
    return sum(xs) + len(m) if o is None else o
print(f([1, 2], {"a": 1}), f([], {}, "given"), f.__annotations__["o"] == Optional[str])
x: int = 5
y: "forward ref"
print(x, __annotations__)
