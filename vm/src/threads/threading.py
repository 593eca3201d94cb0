# threading for stmpy: the classes of CPython's threading module over STM primitives.
#
# How waiting works: a primitive that is not ready calls _block(deadline), which rolls
# the transaction back and parks the thread until a cell it read changes (or the
# deadline passes, then _block returns False). Because a retry re-runs the whole
# transaction, state that must survive the wait (a computed deadline, a registered
# waiter, a released lock) is committed first with _boundary(). A straight-line check
# and update with no call between them is atomic (transaction boundaries happen only at
# loop back-edges, calls and returns), and `with _atomic:` makes longer sections atomic.

from _thread import get_ident, get_native_id, _start, _boundary, _block, _monotonic, _hold
from _thread import _exiting
from _thread import _atomic_enter, _atomic_exit, _format_exc, _write_stderr
import _thread

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'local', 'get_native_id', 'excepthook', 'ExceptHookArgs']

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError


class _AtomicSection:
    __enter__ = _atomic_enter
    __exit__ = _atomic_exit


_atomic = _AtomicSection()


def _deadline(timeout):
    # A deadline for _block; the caller commits it with _boundary() before waiting.
    if timeout is None:
        return None
    return _monotonic() + timeout


class Lock:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            _hold()
            return True
        if not blocking:
            if timeout != -1:
                raise ValueError("can't specify a timeout for a non-blocking call")
            return False
        if timeout == -1:
            _boundary()
            while self._locked:
                _block(None)
            self._locked = True
            _hold()
            return True
        if timeout < 0:
            raise ValueError("timeout value must be a non-negative number")
        deadline = _monotonic() + timeout
        _boundary()
        while self._locked:
            if not _block(deadline):
                return False
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, t, v, tb):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return '<%s %s object>' % (state, type(self).__module__ + '.lock')


_thread.allocate_lock = Lock
_thread.LockType = Lock
_allocate_lock = Lock


class RLock:
    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner is None:
            self._owner = me
            self._count = 1
            _hold()
            return True
        if self._owner == me:
            self._count += 1
            return 1
        if not blocking:
            if timeout != -1:
                raise ValueError("can't specify a timeout for a non-blocking call")
            return False
        if timeout == -1:
            _boundary()
            while self._owner is not None:
                _block(None)
            self._owner = me
            self._count = 1
            _hold()
            return True
        if timeout < 0:
            raise ValueError("timeout value must be a non-negative number")
        deadline = _monotonic() + timeout
        _boundary()
        while self._owner is not None:
            if not _block(deadline):
                return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None

    def __exit__(self, t, v, tb):
        self.release()

    def _is_owned(self):
        return self._owner == get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        return state

    def _acquire_restore(self, state):
        _boundary()
        while self._owner is not None:
            _block(None)
        self._count, self._owner = state

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d>" % (
            "locked" if owner is not None else "unlocked",
            type(self).__module__, type(self).__qualname__, owner, self._count)


class _Waiter:
    # One thread waiting on a Condition: notify() sets the flag.
    def __init__(self):
        self.notified = False


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        if hasattr(self._lock, '_release_save'):
            return self._lock._release_save()
        self._lock.release()

    def _acquire_restore(self, state):
        if hasattr(self._lock, '_acquire_restore'):
            self._lock._acquire_restore(state)
        else:
            _boundary()
            while self._lock._locked:
                _block(None)
            self._lock._locked = True

    def _is_owned(self):
        if hasattr(self._lock, '_is_owned'):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _Waiter()
        self._waiters.append(waiter)
        saved = self._release_save()
        deadline = _deadline(timeout)
        # Commit the registration and the release: others may now notify us.
        _boundary()
        with _atomic:
            while not waiter.notified:
                if not _block(deadline):
                    break
            got = waiter.notified
            if not got:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass
            self._acquire_restore(saved)
        return got

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _monotonic() + waittime
                else:
                    waittime = endtime - _monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        with _atomic:
            waiters = self._waiters
            k = min(n, len(waiters))
            for w in waiters[:k]:
                w.notified = True
            del waiters[:k]

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def __repr__(self):
        return "<%s.%s at %#x: value=%d>" % (
            type(self).__module__, type(self).__qualname__, id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        if timeout is None:
            _boundary()
            while self._value == 0:
                _block(None)
            self._value -= 1
            return True
        deadline = _monotonic() + timeout
        _boundary()
        while self._value == 0:
            if not _block(deadline):
                return False
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with _atomic:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n


class Event:
    def __init__(self):
        self._flag = False

    def __repr__(self):
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at %#x: %s>" % (
            type(self).__module__, type(self).__qualname__, id(self), status)

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        if timeout is None:
            _boundary()
            while not self._flag:
                _block(None)
            return True
        deadline = _monotonic() + timeout
        _boundary()
        while not self._flag:
            if not _block(deadline):
                return False
        return True


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._generation = 0
        self._broken = False

    def __repr__(self):
        if self._broken:
            return "<%s.%s at %#x: broken>" % (
                type(self).__module__, type(self).__qualname__, id(self))
        return "<%s.%s at %#x: waiters=%d/%d>" % (
            type(self).__module__, type(self).__qualname__, id(self),
            self._count, self._parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with _atomic:
            if self._broken:
                raise BrokenBarrierError
            index = self._count
            generation = self._generation
            self._count += 1
            last = self._count == self._parties
        if last:
            if self._action is not None:
                try:
                    self._action()
                except BaseException:
                    self._break()
                    raise
            with _atomic:
                self._count = 0
                self._generation += 1
            return index
        deadline = _deadline(timeout)
        _boundary()
        with _atomic:
            while self._generation == generation and not self._broken:
                if not _block(deadline):
                    self._broken = True
                    break
            if self._generation == generation:
                raise BrokenBarrierError
        return index

    def _break(self):
        self._broken = True

    def reset(self):
        with _atomic:
            if self._count > 0:
                # Waiting threads see the break; the barrier is usable again after.
                self._broken = True
                self._generation += 1
            self._count = 0
            self._broken = False

    def abort(self):
        self._broken = True

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken


_counter = 0


def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter


_active = {}


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += " (%s)" % target_name
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._started = False
        self._alive = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started:
            status = "started"
        if self._started and not self._alive:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        with _atomic:
            if self._started:
                raise RuntimeError("threads can only be started once")
            self._started = True
            self._alive = True
            # The OS thread starts when the transaction that puts it in _active
            # commits, so it cannot finish (and leave _active) before it is there.
            self._ident = _start(self._bootstrap, (), {}, self._daemonic)
            _active[self._ident] = self
        _boundary()  # commit now: the thread starts running

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as exc:
            # The module's current hook: a program may replace threading.excepthook.
            excepthook(ExceptHookArgs((type(exc), exc, exc.__traceback__, self)))
        finally:
            with _atomic:
                _exiting()
                self._alive = False
                _active.pop(self._ident, None)

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if not self._alive:
            return
        if timeout is None:
            _boundary()
            while self._alive:
                _block(None)
            return
        deadline = _monotonic() + max(timeout, 0)
        _boundary()
        while self._alive:
            if not _block(deadline):
                return

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._alive

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._alive = True
        self._ident = get_ident()
        _active[self._ident] = self


class _DummyThread(Thread):
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started = True
        self._alive = True
        self._ident = get_ident()
        _active[self._ident] = self

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


currentThread = current_thread


def active_count():
    return len(_active)


activeCount = active_count


def enumerate():
    return list(_active.values())


_main_thread = _MainThread()


def main_thread():
    return _main_thread


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return 0


class ExceptHookArgs(tuple):
    """The argument of threading.excepthook: (exc_type, exc_value, exc_traceback, thread)."""

    __slots__ = ()

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])


def excepthook(args):
    """Prints an exception raised by Thread.run() to stderr (SystemExit is ignored)."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    _write_stderr("Exception in thread %s:\n%s" % (name, _format_exc(args.exc_value)))


__excepthook__ = excepthook


class local:
    # Attributes live in one dict per thread, keyed by get_ident(); a subclass's
    # __init__ runs again, with the original arguments, in each thread that uses it.
    def __new__(cls, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__args', (args, kw))
        object.__setattr__(self, '_local__dicts', {get_ident(): {}})
        return self

    def _local__dict(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        me = get_ident()
        d = dicts.get(me)
        if d is None:
            d = {}
            dicts[me] = d
            args, kw = object.__getattribute__(self, '_local__args')
            if type(self).__init__ is not object.__init__:
                type(self).__init__(self, *args, **kw)
        return d

    def __getattr__(self, name):
        d = local._local__dict(self)
        try:
            return d[name]
        except KeyError:
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (type(self).__name__, name)) from None

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("'%s' object attribute '__dict__' is read-only"
                                 % type(self).__name__)
        local._local__dict(self)[name] = value

    def __delattr__(self, name):
        d = local._local__dict(self)
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name) from None
