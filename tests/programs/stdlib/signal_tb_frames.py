# signal numbers and the handler registry, sys.warnoptions, ModuleNotFoundError.name, traceback frames.
import signal, sys
print(signal.SIGINT, repr(signal.SIGTERM), signal.getsignal(signal.SIGINT).__name__, signal.strsignal(15), signal.NSIG)
old = signal.signal(signal.SIGUSR1, lambda s, f: print("handler", s))
print(old, signal.getsignal(signal.SIGUSR1) is not None)
signal.raise_signal(signal.SIGUSR1)
print(sys.warnoptions)
try:
    import nosuch_pkg_mod
except ModuleNotFoundError as e:
    print(e.name)
def f(): raise ValueError("x")
try: f()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_lineno, "__name__" in tb.tb_frame.f_globals)
