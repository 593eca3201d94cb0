# queue for stmpy: CPython's queue classes over STM. Every operation runs as one atomic
# section; a get on an empty queue (or a put on a full one) waits with _block, i.e. an
# STM retry that wakes when the queue's state changes.

from _thread import _boundary, _block, _monotonic, _atomic_enter, _atomic_exit

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class _AtomicSection:
    __enter__ = _atomic_enter
    __exit__ = _atomic_exit


_atomic = _AtomicSection()


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        with _atomic:
            unfinished = self.unfinished_tasks - 1
            if unfinished < 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks = unfinished

    def join(self):
        with _atomic:
            while self.unfinished_tasks:
                _block(None)

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        with _atomic:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with _atomic:
            if self.maxsize <= 0 or self._qsize() < self.maxsize:
                self._put(item)
                self.unfinished_tasks += 1
                return
            if not block:
                raise Full
            if timeout is None:
                _block(None)
            _check_timeout(timeout)
        deadline = _monotonic() + timeout
        _boundary()
        with _atomic:
            while self._qsize() >= self.maxsize:
                if not _block(deadline):
                    raise Full
            self._put(item)
            self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        with _atomic:
            if self._qsize():
                return self._get()
            if not block:
                raise Empty
            if timeout is None:
                _block(None)
            _check_timeout(timeout)
        deadline = _monotonic() + timeout
        _boundary()
        with _atomic:
            while not self._qsize():
                if not _block(deadline):
                    raise Empty
            return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = []
        self._head = 0

    def _qsize(self):
        return len(self.queue) - self._head

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        # Amortized O(1) pop from the front: advance a head index, compact now and then.
        q = self.queue
        h = self._head
        item = q[h]
        h += 1
        if h > 32 and h * 2 > len(q):
            del q[:h]
            h = 0
        self._head = h
        return item


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        q = self.queue
        q.append(item)
        # Sift up (heapq's algorithm, inline so the queue needs no other module).
        pos = len(q) - 1
        while pos > 0:
            parent = (pos - 1) >> 1
            if q[pos] < q[parent]:
                q[pos], q[parent] = q[parent], q[pos]
                pos = parent
            else:
                break

    def _get(self):
        q = self.queue
        last = q.pop()
        if not q:
            return last
        top = q[0]
        q[0] = last
        n = len(q)
        pos = 0
        while True:
            child = 2 * pos + 1
            if child >= n:
                break
            if child + 1 < n and q[child + 1] < q[child]:
                child += 1
            if q[child] < q[pos]:
                q[pos], q[child] = q[child], q[pos]
                pos = child
            else:
                break
        return top


class LifoQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    def __init__(self):
        self._queue = Queue()

    def put(self, item, block=True, timeout=None):
        self._queue.put(item)

    def put_nowait(self, item):
        self._queue.put(item)

    def get(self, block=True, timeout=None):
        return self._queue.get(block, timeout)

    def get_nowait(self):
        return self._queue.get(False)

    def empty(self):
        return self._queue.empty()

    def qsize(self):
        return self._queue.qsize()
