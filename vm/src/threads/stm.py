# stm for stmpy: atomic blocks, retry and statistics.
#
# `with atomic:` runs the block inside one transaction: no transaction boundary happens
# in it, so no other thread's effects interleave with it (it is serializable as a
# whole). Blocks nest; only the outermost one matters. An exception leaving the block
# ends it like a normal exit: its writes stay (they are not rolled back), exactly as
# with a lock held by `with`. Calls that must block (time.sleep, a lock or queue wait
# with a timeout) make the transaction inevitable inside an atomic block.
# `retry()` blocks until something the transaction has read changes, then re-runs it
# from its start.


class _Atomic:
    __enter__ = _atomic_enter
    __exit__ = _atomic_exit

    def __repr__(self):
        return '<stm.atomic>'


atomic = _Atomic()
del _Atomic
