"""atexit: functions to run when the interpreter exits (after the main program and the
non-daemon threads have finished), last registered first."""

import sys

__all__ = ['register', 'unregister']

_exithandlers = []


def register(func, /, *args, **kwargs):
    """Register a function to be executed upon normal program termination."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Unregister an exit function which was previously registered."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    """Runs the handlers; one that raises is reported on stderr, as CPython does."""
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            sys.stderr.write('Exception ignored in atexit callback: %r\n' % (func,))
            sys.stderr.write(sys._format_exception(exc))
