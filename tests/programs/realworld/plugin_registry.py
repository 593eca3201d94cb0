# A plugin system: abc base classes, typing annotations, a decorator registry, contextlib and warnings.
from abc import ABC, abstractmethod
from contextlib import contextmanager, ExitStack, suppress
from typing import Callable, Dict, List, Optional, Type, TypeVar, Generic, Iterator
import warnings

T = TypeVar("T")
REGISTRY: Dict[str, Type["Plugin"]] = {}


def register(name: str) -> Callable[[Type["Plugin"]], Type["Plugin"]]:
    def deco(cls):
        if name in REGISTRY:
            warnings.warn(f"plugin {name!r} replaced", RuntimeWarning)
        REGISTRY[name] = cls
        cls.plugin_name = name
        return cls
    return deco


class Plugin(ABC):
    plugin_name = "?"

    @abstractmethod
    def process(self, data: List[int]) -> List[int]:
        ...

    def describe(self) -> str:
        return f"{self.plugin_name}:{type(self).__name__}"


@register("double")
class Doubler(Plugin):
    def process(self, data):
        return [x * 2 for x in data]


@register("evens")
class EvenFilter(Plugin):
    def process(self, data):
        return [x for x in data if x % 2 == 0]


@register("broken")
class Broken(Plugin):
    pass


class Pipeline(Generic[T]):
    def __init__(self) -> None:
        self.stages: List[Plugin] = []
        self.events: List[str] = []

    def add(self, name: str) -> "Pipeline[T]":
        try:
            self.stages.append(REGISTRY[name]())
        except KeyError:
            self.events.append(f"unknown plugin {name}")
        except TypeError as e:
            self.events.append(f"cannot use {name}: {e}")
        return self

    @contextmanager
    def stage(self, plugin: Plugin) -> Iterator[Plugin]:
        self.events.append("enter " + plugin.describe())
        try:
            yield plugin
        finally:
            self.events.append("leave " + plugin.describe())

    def run(self, data: List[int]) -> List[int]:
        with ExitStack() as stack:
            for plugin in self.stages:
                stack.enter_context(self.stage(plugin))
                data = plugin.process(data)
        return data


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")

    @register("double")
    class FastDoubler(Doubler):
        def process(self, data):
            return [x + x for x in data]

print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
p: Pipeline[int] = Pipeline().add("evens").add("double").add("broken").add("nope")
print(p.run(list(range(10))))
for e in p.events:
    print(" ", e)
print(sorted(REGISTRY), REGISTRY["double"].__name__, issubclass(FastDoubler, Plugin))
with suppress(ZeroDivisionError):
    print("before")
    1 / 0
    print("not reached")
print("done", Optional[int], Dict[str, List[int]])
