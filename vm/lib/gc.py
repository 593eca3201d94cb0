"""gc: the interface of CPython's cycle collector.

stmpy frees an object when its last reference goes (there is no separate cycle
collector yet), so the thresholds are informational. A reference dropped inside a
transaction is released when the transaction commits, so collect() ends the running
transaction: after it, objects no longer referenced are gone (weak references to them
are dead), as after CPython's collection.
"""

from _thread import _boundary

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
_enabled = True
_threshold = (700, 10, 10)
_debug = 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def collect(generation=2):
    if not 0 <= generation <= 2:
        raise ValueError("invalid generation")
    _boundary()
    return 0


def get_count():
    return (0, 0, 0)


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
    return [{'collections': 0, 'collected': 0, 'uncollectable': 0} for _ in range(3)]
