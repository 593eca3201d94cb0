"""gc: the interface of CPython's cycle collector.

stmpy frees an object when its last reference goes and collects reference cycles with
CPython's algorithm (trial deletion over the containers that can form cycles; see
core/src/gc.rs). Collections run at transaction boundaries while no other thread runs
Python. There are no generations: every collection is a full one, so the thresholds
are informational, and finalizers (__del__) are not called.
"""

import _gc
from _gc import enable, disable, isenabled

__all__ = ['enable', 'disable', 'isenabled', 'collect', 'get_count', 'get_threshold',
           'set_threshold', 'get_objects', 'get_referrers', 'get_referents', 'is_tracked',
           'is_finalized', 'freeze', 'unfreeze', 'get_freeze_count', 'get_stats',
           'garbage', 'callbacks', 'DEBUG_STATS', 'DEBUG_COLLECTABLE',
           'DEBUG_UNCOLLECTABLE', 'DEBUG_SAVEALL', 'DEBUG_LEAK']

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38

garbage = []
callbacks = []
_threshold = (700, 10, 10)
_debug = 0


def collect(generation=2):
    if not 0 <= generation <= 2:
        raise ValueError("invalid generation")
    found = _gc.collect()
    # None: it ran at the transaction boundary that followed the call.
    return _gc._last() if found is None else found


def get_count():
    return (_gc._registered(), 0, 0)


def get_threshold():
    return _threshold


def set_threshold(threshold0, threshold1=None, threshold2=None):
    global _threshold
    t = list(_threshold)
    t[0] = threshold0
    if threshold1 is not None:
        t[1] = threshold1
    if threshold2 is not None:
        t[2] = threshold2
    _threshold = tuple(t)


def set_debug(flags):
    global _debug
    _debug = flags


def get_debug():
    return _debug


def get_objects(generation=None):
    return []


def get_referrers(*objs):
    return []


def get_referents(*objs):
    return []


def is_tracked(obj):
    return not isinstance(obj, (int, float, str, bytes, bool, type(None)))


def is_finalized(obj):
    return False


def freeze():
    pass


def unfreeze():
    pass


def get_freeze_count():
    return 0


def get_stats():
    runs, found = _gc._stats()
    return [{'collections': 0, 'collected': 0, 'uncollectable': 0},
            {'collections': 0, 'collected': 0, 'uncollectable': 0},
            {'collections': runs, 'collected': found, 'uncollectable': 0}]
