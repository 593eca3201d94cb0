# threading primitives: Event, Condition-based hand-off, Semaphore, RLock, thread-local data.
import threading
import queue
ready = threading.Event()
out = []
def waiter():
    ready.wait()
    out.append("woke")
t = threading.Thread(target=waiter)
t.start()
out.append("setting")
ready.set()
t.join()
print(out, ready.is_set())
q = queue.Queue()
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
received = []
def consumer():
    while (item := q.get()) is not None:
        received.append(item * 10)
p, c = threading.Thread(target=producer), threading.Thread(target=consumer)
c.start(); p.start(); p.join(); c.join()
print(received, q.empty())
rl = threading.RLock()
def reentrant(n):
    with rl:
        return 1 if n == 0 else 1 + reentrant(n - 1)
print(reentrant(5))
sem = threading.Semaphore(2)
active, peak = [0], [0]
guard = threading.Lock()
def limited():
    with sem:
        with guard:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        with guard:
            active[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(peak[0] <= 2, active[0])
local = threading.local()
seen = {}
def use_local(name):
    local.name = name
    seen[name] = local.name
ts = [threading.Thread(target=use_local, args=(n,)) for n in ("x", "y")]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen.items()), hasattr(local, "name"))
cond = threading.Condition()
items = []
def cons():
    with cond:
        cond.wait_for(lambda: len(items) == 3)
        print("condition met", items)
ct = threading.Thread(target=cons)
ct.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
ct.join()
