import json
print(json.dumps({"a": [1, {"b": None}], "c": "é\U0001F600"}, indent=4))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=2))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(",", ":")))
class P:
    def __init__(self): self.x = 1
print(json.dumps(P(), default=lambda o: {"x": o.x}))
for bad in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '[1 2]', '"abc', '{1: 2}', 'nul', '1 2', '"\\x"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), e, e.pos, e.lineno, e.colno)
print(json.loads('{"a": [1, 2.5e3, -0, true, false, null, "\\ud83d\\ude00"]}'))
from collections import OrderedDict, Counter
print(json.dumps(Counter("aab")), json.dumps(OrderedDict(b=1, a=2)))
print(json.loads('{"x": 1}', object_pairs_hook=OrderedDict))
json.loads("[1,\n 2,\n x]")
