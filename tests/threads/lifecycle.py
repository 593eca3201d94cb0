# Thread life: names, args/kwargs, subclassing, join(timeout), is_alive, daemon,
# Timer, local, current_thread/main_thread, active_count, enumerate.
import threading
import time

out = []


def f(a, b, c=0):
    out.append((threading.current_thread().name, a, b, c))


t = threading.Thread(target=f, name="worker", args=(1, 2), kwargs={"c": 3})
print(t.name, t.is_alive(), t.daemon, t.ident is None)
t.start()
t.join()
print(out, t.is_alive(), t.ident is not None)


class MyThread(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = sum(range(self.n))


m = MyThread(1000)
m.start()
m.join()
print(m.result, m.name.startswith("Thread-"))

# join with a timeout on a thread that waits for an event.
go = threading.Event()
slow = threading.Thread(target=go.wait)
slow.start()
slow.join(0.02)
print("alive after join timeout", slow.is_alive())
go.set()
slow.join()
print("alive after join", slow.is_alive())

print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
print(threading.active_count(), [x.name for x in threading.enumerate()])

# Timer fires once; a cancelled Timer never does.
fired = []
tm = threading.Timer(0.01, fired.append, args=("fired",))
tm.start()
tm.join()
tc = threading.Timer(10, fired.append, args=("cancelled",))
tc.start()
tc.cancel()
tc.join()
print(fired)

# local: each thread sees its own attributes.
loc = threading.local()
loc.x = "main"
seen = []


def use_local(v):
    loc.x = v
    time.sleep(0.001)
    seen.append((v, loc.x))
    seen.append(hasattr(loc, "y"))


ws = [threading.Thread(target=use_local, args=(v,)) for v in ("a", "b")]
loc.y = 1
for w in ws:
    w.start()
for w in ws:
    w.join()
print(sorted(seen, key=str), loc.x)

# A daemon thread blocked forever does not keep the process alive.
never = threading.Event()
d = threading.Thread(target=never.wait, daemon=True)
d.start()
print("daemon", d.daemon, d.is_alive())
