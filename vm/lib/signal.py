# Signal numbers and descriptions generated from CPython 3.11 on Linux.
"""signal: the signal numbers and handler registry (Linux values, from CPython 3.11).

stmpy does not deliver operating-system signals to Python code: handlers set with
signal() are recorded (getsignal returns them) but not called; Ctrl-C ends the program
as the default handler would.
"""

from enum import IntEnum as _IntEnum


class Signals(_IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPWR = 30
    SIGSYS = 31
    SIGRTMIN = 34
    SIGRTMAX = 64


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


class Sigmasks(_IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2


SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
SIG_BLOCK = Sigmasks.SIG_BLOCK
SIG_UNBLOCK = Sigmasks.SIG_UNBLOCK
SIG_SETMASK = Sigmasks.SIG_SETMASK
NSIG = 65

SIGHUP = Signals.SIGHUP
SIGINT = Signals.SIGINT
SIGQUIT = Signals.SIGQUIT
SIGILL = Signals.SIGILL
SIGTRAP = Signals.SIGTRAP
SIGABRT = Signals.SIGABRT
SIGBUS = Signals.SIGBUS
SIGFPE = Signals.SIGFPE
SIGKILL = Signals.SIGKILL
SIGUSR1 = Signals.SIGUSR1
SIGSEGV = Signals.SIGSEGV
SIGUSR2 = Signals.SIGUSR2
SIGPIPE = Signals.SIGPIPE
SIGALRM = Signals.SIGALRM
SIGTERM = Signals.SIGTERM
SIGSTKFLT = Signals.SIGSTKFLT
SIGCHLD = Signals.SIGCHLD
SIGCONT = Signals.SIGCONT
SIGSTOP = Signals.SIGSTOP
SIGTSTP = Signals.SIGTSTP
SIGTTIN = Signals.SIGTTIN
SIGTTOU = Signals.SIGTTOU
SIGURG = Signals.SIGURG
SIGXCPU = Signals.SIGXCPU
SIGXFSZ = Signals.SIGXFSZ
SIGVTALRM = Signals.SIGVTALRM
SIGPROF = Signals.SIGPROF
SIGWINCH = Signals.SIGWINCH
SIGIO = Signals.SIGIO
SIGPWR = Signals.SIGPWR
SIGSYS = Signals.SIGSYS
SIGRTMIN = Signals.SIGRTMIN
SIGRTMAX = Signals.SIGRTMAX
SIGIOT = Signals.SIGABRT
SIGPOLL = Signals.SIGIO
SIGCLD = Signals.SIGCHLD

_STRSIGNAL = {
    1: 'Hangup',
    2: 'Interrupt',
    3: 'Quit',
    4: 'Illegal instruction',
    5: 'Trace/breakpoint trap',
    6: 'Aborted',
    7: 'Bus error',
    8: 'Floating point exception',
    9: 'Killed',
    10: 'User defined signal 1',
    11: 'Segmentation fault',
    12: 'User defined signal 2',
    13: 'Broken pipe',
    14: 'Alarm clock',
    15: 'Terminated',
    16: 'Stack fault',
    17: 'Child exited',
    18: 'Continued',
    19: 'Stopped (signal)',
    20: 'Stopped',
    21: 'Stopped (tty input)',
    22: 'Stopped (tty output)',
    23: 'Urgent I/O condition',
    24: 'CPU time limit exceeded',
    25: 'File size limit exceeded',
    26: 'Virtual timer expired',
    27: 'Profiling timer expired',
    28: 'Window changed',
    29: 'I/O possible',
    30: 'Power failure',
    31: 'Bad system call',
    34: 'Real-time signal 0',
    64: 'Real-time signal 30',
}


def default_int_handler(signalnum, frame, /):
    """The default handler for SIGINT installed by Python."""
    raise KeyboardInterrupt


_handlers = {}


def _check(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError(f"'{type(signalnum).__name__}' object cannot be interpreted as an integer")
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def _default(signalnum):
    if signalnum == SIGINT:
        return default_int_handler
    return SIG_DFL


def signal(signalnum, handler, /):
    """Set the action for the given signal; returns the previous one."""
    _check(signalnum)
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, 'Invalid argument')
    if not callable(handler) and handler not in (SIG_DFL, SIG_IGN):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    old = _handlers.get(signalnum, _default(signalnum))
    if isinstance(handler, int) and not isinstance(handler, Handlers):
        handler = Handlers(handler)
    _handlers[signalnum] = handler
    return old


def getsignal(signalnum, /):
    """Return the current action for the given signal."""
    _check(signalnum)
    return _handlers.get(signalnum, _default(signalnum))


def strsignal(signalnum, /):
    """Return the system description of the given signal."""
    _check(signalnum)
    return _STRSIGNAL.get(signalnum)


def valid_signals():
    """Return a set of valid signal numbers on this platform."""
    return set(range(1, NSIG)) - {32, 33}


def raise_signal(signalnum, /):
    """Send a signal to the executing process: its recorded handler runs."""
    _check(signalnum)
    h = getsignal(signalnum)
    if callable(h):
        h(signalnum, None)


def alarm(seconds, /):
    """Arrange for SIGALRM to arrive after the given number of seconds (not delivered
    in stmpy); returns the previous alarm's remaining seconds (0)."""
    return 0


def pause():
    raise OSError("signal.pause() is not supported by stmpy")


def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
    return -1


def siginterrupt(signalnum, flag, /):
    _check(signalnum)


def pthread_sigmask(how, mask, /):
    return set()
