"""The pickling protocol of `object` and the built-in types (`__reduce_ex__`,
`__reduce__`, `__getstate__`), written in Python; the interpreter's `object` methods call
these (CPython implements them in Objects/typeobject.c)."""

import copyreg


def getstate(obj):
    """`object.__getstate__()`: the instance dict (None when empty), paired with the
    values of set slots when the class has slots."""
    try:
        d = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        d = None
    state = dict(d) if d else None
    slots = {}
    for name in copyreg._slotnames(type(obj)):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _builtin_reduce(obj, protocol):
    """The built-in types whose reduction is their own (None for the rest)."""
    if isinstance(obj, (set, frozenset)) and type(obj) in (set, frozenset):
        return (type(obj), (list(obj),), None)
    if type(obj) is bytearray:
        if protocol < 3:
            return (bytearray, (bytes(obj).decode('latin-1'), 'latin-1'), None)
        return (bytearray, (bytes(obj),), None)
    if type(obj) is range:
        return (range, (obj.start, obj.stop, obj.step))
    if type(obj) is slice:
        return (slice, (obj.start, obj.stop, obj.step))
    return None


def _newargs(obj):
    cls = type(obj)
    if isinstance(obj, complex):
        return (obj.real, obj.imag), None
    for base, conv in ((bool, bool), (int, int), (float, float), (str, str),
                       (bytes, bytes), (tuple, tuple), (frozenset, list)):
        if isinstance(obj, base) and cls is not base:
            getnew = getattr(cls, '__getnewargs__', None)
            if getnew is not None:
                return tuple(getnew(obj)), None
            return (conv(obj),), None
    getnew_ex = getattr(cls, '__getnewargs_ex__', None)
    if getnew_ex is not None:
        args, kwargs = getnew_ex(obj)
        return tuple(args), kwargs
    getnew = getattr(cls, '__getnewargs__', None)
    if getnew is not None:
        return tuple(getnew(obj)), None
    if isinstance(obj, (int, float, str, bytes, tuple)):
        return (obj,), None
    return (), None


def reduce_ex(obj, protocol):
    """`object.__reduce_ex__(protocol)`."""
    cls = type(obj)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None and reduce is not object.__reduce__:
        return reduce(obj)
    r = _builtin_reduce(obj, protocol)
    if r is not None:
        return r
    if protocol < 2:
        return copyreg._reduce_ex(obj, protocol)
    args, kwargs = _newargs(obj)
    getstate = getattr(obj, '__getstate__', None)
    state = getstate() if getstate is not None else None
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (copyreg.__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)
    return (copyreg.__newobj__, (cls,) + args, state, listitems, dictitems)


def reduce(obj):
    """`object.__reduce__()`: protocol 0's reduction."""
    r = _builtin_reduce(obj, 0)
    if r is not None:
        return r
    return copyreg._reduce_ex(obj, 0)
