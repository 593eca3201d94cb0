# An exception in a thread does not kill the program; join returns; results from other threads survive.
import threading
import sys
done = []
def ok():
    done.append("ok")
def bad():
    raise ValueError("thread failure")
old = threading.excepthook
caught = []
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value)))
ts = [threading.Thread(target=ok), threading.Thread(target=bad), threading.Thread(target=ok)]
for t in ts: t.start()
for t in ts: t.join()
threading.excepthook = old
print(done, caught)
t = threading.Thread(target=lambda: None, name="worker-1")
print(t.name, t.is_alive())
t.start(); t.join()
print(t.is_alive())
print("main continues")
