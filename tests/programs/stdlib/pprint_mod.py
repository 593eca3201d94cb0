# pprint: layout of nested containers, width/indent/depth/compact/sort_dicts, dataclasses.
import pprint
from collections import OrderedDict, defaultdict, Counter, deque
from dataclasses import dataclass, field
data = {'name': 'stmpy', 'versions': list(range(30)), 'nested': {'a': [1, 2, {'b': 'c' * 30}], 'z': (1,), 'y': set(range(12))}, 'text': 'lorem ipsum dolor sit amet ' * 5, 1: None}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, sort_dicts=False, compact=True, width=60)
print(pprint.pformat(list(range(40)), width=30, compact=True))
pprint.pprint(data, depth=2)
@dataclass
class Inv:
    items: list = field(default_factory=list)
    name: str = 'warehouse'
pprint.pprint(Inv([('widget', i, i * 2.5) for i in range(6)]))
pprint.pprint([OrderedDict(a=1, b=[1]*30), defaultdict(list, {'k': list(range(25))}), Counter('abracadabra' * 5), deque(range(30), maxlen=40)])
pprint.pprint((b'x' * 100, frozenset(range(25)), [[1, 2], [3, 4]] * 10))
pprint.pp({'b': 1, 'a': 2})
