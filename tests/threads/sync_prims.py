# Barrier, Condition, Event, Semaphore, BoundedSemaphore, RLock.
import threading

# Barrier: nobody passes phase k before everybody has finished phase k.
PARTIES, PHASES = 3, 20
barrier = threading.Barrier(PARTIES)
log = []
log_lock = threading.Lock()
indices = []


def phased(i):
    for phase in range(PHASES):
        with log_lock:
            log.append(phase)
        idx = barrier.wait()
        indices.append(idx)


ts = [threading.Thread(target=phased, args=(i,)) for i in range(PARTIES)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("barrier", log == sorted(log), len(log), sorted(set(indices)), barrier.broken)

# Barrier action runs once per phase; abort breaks it.
actions = []
b2 = threading.Barrier(2, action=lambda: actions.append(1))
t = threading.Thread(target=b2.wait)
t.start()
b2.wait()
t.join()
print("action", actions)
b3 = threading.Barrier(2, timeout=0.02)
try:
    b3.wait()
except threading.BrokenBarrierError:
    print("broken after timeout", b3.broken)

# Condition: a consumer waits for items with wait_for; notify wakes it.
cond = threading.Condition()
items = []
taken = []


def consumer():
    for _ in range(100):
        with cond:
            cond.wait_for(lambda: items)
            taken.append(items.pop(0))


c = threading.Thread(target=consumer)
c.start()
for i in range(100):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print("condition", taken == list(range(100)))
with cond:
    print("wait timeout", cond.wait(0.01))

# Event: waiters are released by set().
ev = threading.Event()
released = []


def waiter(i):
    ev.wait()
    released.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
print("before set", released, ev.is_set())
ev.set()
for w in ws:
    w.join()
print("after set", sorted(released), ev.is_set(), ev.wait(0.01))
ev.clear()
print("cleared", ev.wait(0.01))

# Semaphore: at most 2 holders at a time.
sem = threading.Semaphore(2)
holders = [0]
max_holders = [0]


def worker():
    for _ in range(200):
        with sem:
            holders[0] += 1
            max_holders[0] = max(max_holders[0], holders[0])
            holders[0] -= 1


ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("semaphore", max_holders[0] <= 2, holders[0])
print("acquire nonblocking", sem.acquire(False), sem.acquire(False), sem.acquire(False))
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("bounded", e)

# RLock: reentrant for its owner, exclusive for others.
rl = threading.RLock()
shared = []


def nested(depth, tag):
    with rl:
        shared.append(tag)
        if depth:
            nested(depth - 1, tag)
        shared.append(tag)


ts = [threading.Thread(target=nested, args=(5, t)) for t in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
# Each thread's 12 entries are contiguous: nobody entered while the other held it.
print("rlock", "".join(shared) in ("a" * 12 + "b" * 12, "b" * 12 + "a" * 12))
try:
    rl.release()
except RuntimeError as e:
    print("rlock release", e)
lk = threading.Lock()
print("lock", lk.acquire(), lk.acquire(blocking=False), lk.acquire(timeout=0.01), lk.locked())
lk.release()
print("unlocked", lk.locked())
