# pickle (CPython's pure-Python pickler) at every protocol, codecs helpers, and the object reduction protocol.
import pickle, codecs
from collections import namedtuple, OrderedDict
P = namedtuple("P", "x y")
class C:
    def __init__(self, a): self.a = a
    def __eq__(self, o): return isinstance(o, C) and o.a == self.a
data = [1, 2.5, "s", b"b", None, True, (1, 2), {"k": [1, {2, 3}]}, frozenset([1]), 10**30, -7, 1+2j, P(1, 2), C([1]), bytearray(b"ba")]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    s = pickle.dumps(data, protocol=proto)
    print(proto, pickle.loads(s) == data, type(s).__name__)
print(pickle.dumps([1, "a"], protocol=2), pickle.dumps(P(1, 2), protocol=0)[:20])
print(codecs.encode("é", "utf-8"), codecs.decode(b"\xc3\xa9"), codecs.lookup("latin_1").name, codecs.escape_decode(b"a\\nb\\x41")[0], codecs.BOM_UTF8)
try: pickle.loads(b"")
except EOFError as e: print("EOFError", e)
