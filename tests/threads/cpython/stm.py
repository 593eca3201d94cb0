# CPython stand-in for stmpy's `stm` module, used only to record the expected output
# of tests/threads programs (record.sh puts this folder on PYTHONPATH). One global
# re-entrant lock gives `atomic` the same serializability; `retry()` waits for some
# atomic block to end, which is how the programs use it (`while not cond: retry()`).
import threading

_cond = threading.Condition(threading.RLock())
_depth = threading.local()


class _Atomic:
    def __enter__(self):
        _cond.acquire()
        _depth.n = getattr(_depth, "n", 0) + 1

    def __exit__(self, *exc):
        _depth.n -= 1
        _cond.notify_all()
        _cond.release()
        return False

    def __repr__(self):
        return "<stm.atomic>"


atomic = _Atomic()


def atomic_depth():
    return getattr(_depth, "n", 0)


def retry():
    if not atomic_depth():
        raise RuntimeError("retry() outside atomic (stand-in)")
    _cond.wait(0.05)


def stats():
    return {"commits": 0, "aborts": 0, "aborts_by_cause": {}, "conflicts": []}


def running_threads():
    return threading.active_count()
