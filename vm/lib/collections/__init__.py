"""Container datatypes: deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap.

namedtuple classes are tuple subclasses, as in CPython. defaultdict, OrderedDict and
Counter wrap a dict and implement the mapping protocol (written before stmpy could
subclass dict): everything behaves as in CPython except `isinstance(x, dict)`, which is
False. `deque` is native (`_collections`): one STM cell holding a persistent vector,
safe across threads.
"""

import _collections as _dq

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList",
           "UserString", "defaultdict", "deque", "namedtuple"]

_sentinel = object()


class deque:
    """Double-ended queue; its items live in one STM cell (`_collections`)."""

    __slots__ = ("_s", "_maxlen")

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._s = _dq._new(list(iterable), maxlen)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        _dq._append(self._s, x, self._maxlen)

    def appendleft(self, x):
        _dq._appendleft(self._s, x, self._maxlen)

    def pop(self):
        return _dq._pop(self._s)

    def popleft(self):
        return _dq._popleft(self._s)

    def extend(self, iterable):
        _dq._extend(self._s, list(iterable), self._maxlen)

    def extendleft(self, iterable):
        _dq._extendleft(self._s, list(iterable), self._maxlen)

    def rotate(self, n=1):
        _dq._rotate(self._s, n.__index__())

    def clear(self):
        _dq._clear(self._s)

    def reverse(self):
        _dq._reverse(self._s)

    def insert(self, i, x):
        _dq._insert(self._s, i.__index__(), x, self._maxlen)

    def count(self, x):
        return _dq._items(self._s).count(x)

    def index(self, x, *args):
        try:
            return _dq._items(self._s).index(x, *args)
        except ValueError:
            raise ValueError(f"{x!r} is not in deque") from None

    def remove(self, value):
        items = _dq._items(self._s)
        try:
            items.remove(value)
        except ValueError:
            raise ValueError(f"{value!r} is not in deque") from None
        _dq._replace(self._s, items)

    def copy(self):
        return deque(_dq._items(self._s), self._maxlen)

    __copy__ = copy

    def __len__(self):
        return _dq._len(self._s)

    def __bool__(self):
        return _dq._len(self._s) > 0

    def __iter__(self):
        return iter(_dq._items(self._s))

    def __reversed__(self):
        return reversed(_dq._items(self._s))

    def __contains__(self, x):
        return x in _dq._items(self._s)

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        return _dq._get(self._s, i.__index__())

    def __setitem__(self, i, x):
        _dq._set(self._s, i.__index__(), x)

    def __delitem__(self, i):
        _dq._delete(self._s, i.__index__())

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _dq._items(self._s) == _dq._items(other._s)

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _dq._items(self._s) != _dq._items(other._s)

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _dq._items(self._s) < _dq._items(other._s)

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _dq._items(self._s) <= _dq._items(other._s)

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _dq._items(self._s) > _dq._items(other._s)

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _dq._items(self._s) >= _dq._items(other._s)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return deque(_dq._items(self._s) + _dq._items(other._s), self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(_dq._items(self._s) * n, self._maxlen)

    def __imul__(self, n):
        items = _dq._items(self._s) * n
        _dq._clear(self._s)
        _dq._extend(self._s, items, self._maxlen)
        return self

    def __repr__(self):
        items = _dq._items(self._s)
        if self._maxlen is None:
            return f"deque({items!r})"
        return f"deque({items!r}, maxlen={self._maxlen})"



class _DictWrapper:
    """The mapping protocol over a wrapped dict (`self._d`)."""

    __slots__ = ("_d",)

    def __init__(self, *args, **kwargs):
        self._d = {}
        if len(args) > 1:
            raise TypeError(f"expected at most 1 argument, got {len(args)}")
        if args or kwargs:
            self.update(*args, **kwargs)

    def __getitem__(self, key):
        try:
            return self._d[key]
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __iter__(self):
        return iter(self._d)

    def __reversed__(self):
        return reversed(self._d)

    def __len__(self):
        return len(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def popitem(self):
        return self._d.popitem()

    def clear(self):
        self._d.clear()

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 argument, got {len(args)}")
        if args:
            other = args[0]
            if isinstance(other, _DictWrapper):
                other = other._d
            if hasattr(other, "keys"):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        new = self.__class__.__new__(self.__class__)
        _DictWrapper.__init__(new)
        new._d = self._d.copy()
        return new

    __copy__ = copy

    def __repr__(self):
        return f"{type(self).__name__}({self._d!r})"


class defaultdict(_DictWrapper):
    """dict subclass that calls a factory function to supply missing values."""

    __slots__ = ("default_factory",)

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        _DictWrapper.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def copy(self):
        new = defaultdict(self.default_factory)
        new._d = self._d.copy()
        return new

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __repr__(self):
        f = self.default_factory
        fr = "None" if f is None else (
            f"<class '{f.__name__}'>" if isinstance(f, type) else repr(f))
        return f"defaultdict({fr}, {self._d!r})"


class OrderedDict(_DictWrapper):
    """Dictionary that remembers insertion order, with order-sensitive equality."""

    __slots__ = ()

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        if last:
            return self._d.popitem()
        key = next(iter(self._d))
        return key, self._d.pop(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._d == other._d and list(self._d) == list(other._d)
        return _DictWrapper.__eq__(self, other)

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return f"OrderedDict({list(self._d.items())!r})"

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for k in iterable:
            new[k] = value
        return new


class Counter(_DictWrapper):
    """Dict subclass for counting hashable items."""

    __slots__ = ()

    def __init__(self, iterable=None, /, **kwds):
        _DictWrapper.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for elem, count in self._d.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        d = self._d
        if iterable is not None:
            if isinstance(iterable, _DictWrapper):
                iterable = iterable._d
            if hasattr(iterable, "keys"):
                if d:
                    for elem in iterable.keys():
                        d[elem] = iterable[elem] + d.get(elem, 0)
                else:
                    for elem in iterable.keys():
                        d[elem] = iterable[elem]
            else:
                for elem in iterable:
                    d[elem] = d.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        d = self._d
        if iterable is not None:
            if isinstance(iterable, _DictWrapper):
                iterable = iterable._d
            if hasattr(iterable, "keys"):
                for elem in iterable.keys():
                    d[elem] = d.get(elem, 0) - iterable[elem]
            else:
                for elem in iterable:
                    d[elem] = d.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self._d)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self._d:
            del self._d[elem]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __repr__(self):
        if not self._d:
            return f"{type(self).__name__}()"
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self._d)
        return f"{type(self).__name__}({d!r})"

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self._d.items() if not c > 0]:
            del self._d[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


class ChainMap:
    """A view of several mappings as one; lookups search them in order, writes go to
    the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __eq__(self, other):
        try:
            return dict(self.items()) == dict(other.items())
        except AttributeError:
            return NotImplemented

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs):
        self.maps[0].update(*args, **kwargs)


class _tuplegetter:
    """A namedtuple field: item `index` of the tuple, read-only."""

    __slots__ = ("_index", "__doc__")

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return tuple.__getitem__(obj, self._index)

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def _nt_repr(self):
    fields = ", ".join(f"{n}={v!r}" for n, v in zip(type(self)._fields, self))
    return f"{type(self).__name__}({fields})"


def _nt_getnewargs(self):
    return tuple(self)


def _nt_asdict(self):
    return dict(zip(type(self)._fields, self))


def _nt_replace(self, **kwds):
    values = [kwds.pop(n, v) for n, v in zip(type(self)._fields, self)]
    if kwds:
        raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
    return type(self)._make(values)


def _nt_make(cls, iterable):
    t = tuple.__new__(cls, iterable)
    if len(t) != len(cls._fields):
        raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(t)}")
    return t


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new class with named fields, built on a tuple."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name)
                    or name.startswith("_") or name in seen):
                field_names[index] = f"_{index}"
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid "
                             f"identifiers: {name!r}")
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a "
                             f"keyword: {name!r}")
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: "
                             f"{name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
    fields = tuple(field_names)
    nfields = len(fields)

    def __new__(cls, *args, **kwargs):
        if len(args) > nfields:
            raise TypeError(f"{typename}.__new__() takes {nfields + 1} positional "
                            f"arguments but {len(args) + 1} were given")
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in fields[len(values):]
                           if n not in kwargs and n not in field_defaults]
                names = " and ".join(repr(n) for n in missing) if len(missing) <= 2 \
                    else ", ".join(repr(n) for n in missing[:-1]) + f", and {missing[-1]!r}"
                s = "s" if len(missing) > 1 else ""
                raise TypeError(f"{typename}.__new__() missing {len(missing)} required "
                                f"positional argument{s}: {names}")
        if kwargs:
            name = next(iter(kwargs))
            if name in fields:
                raise TypeError(f"{typename}.__new__() got multiple values for "
                                f"argument '{name}'")
            raise TypeError(f"{typename}.__new__() got an unexpected keyword "
                            f"argument '{name}'")
        return tuple.__new__(cls, values)

    ns = {
        "__slots__": (),
        "__new__": __new__,
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__match_args__": fields,
        "__doc__": f"{typename}({', '.join(fields)})",
        "__repr__": _nt_repr,
        "__getnewargs__": _nt_getnewargs,
        "_asdict": _nt_asdict,
        "_replace": _nt_replace,
        "_make": classmethod(_nt_make),
    }
    for index, name in enumerate(fields):
        ns[name] = _tuplegetter(index, f"Alias for field number {index}")
    cls = type(typename, (tuple,), ns)
    cls.__module__ = module if module is not None else "__main__"
    return cls


_KEYWORDS = frozenset([
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield"])


def _iskeyword(s):
    return s in _KEYWORDS


class UserDict(_DictWrapper):
    """A dict wrapper meant for subclassing; the dict is `self.data`."""

    __slots__ = ()

    @property
    def data(self):
        return self._d


class UserList:
    """A list wrapper meant for subclassing; the list is `self.data`."""

    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserList) else other)

    def __lt__(self, other):
        return self.data < (other.data if isinstance(other, UserList) else other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __iter__(self):
        return iter(self.data)

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        return self.__class__(self.data + list(other))

    def __iadd__(self, other):
        self.data += list(other)
        return self

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(other)


class UserString:
    """A str wrapper meant for subclassing; the string is `self.data`."""

    def __init__(self, seq):
        self.data = seq.data if isinstance(seq, UserString) else str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserString) else other)

    def __hash__(self):
        return hash(self.data)

    def __getattr__(self, name):
        return getattr(self.data, name)
