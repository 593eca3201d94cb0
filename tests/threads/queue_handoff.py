# Producers put distinct items, consumers take them: every item is handed over
# exactly once; sentinels stop the consumers. Also LifoQueue/PriorityQueue order,
# task_done/join and timeouts.
import queue
import threading

PRODUCERS, CONSUMERS, PER = 3, 2, 500
q = queue.Queue(maxsize=10)
got = [[] for _ in range(CONSUMERS)]


def produce(p):
    for i in range(PER):
        q.put(p * PER + i)


def consume(c):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        got[c].append(item)
        q.task_done()


cs = [threading.Thread(target=consume, args=(c,)) for c in range(CONSUMERS)]
ps = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    q.put(None)
q.join()
for t in cs:
    t.join()
allgot = sorted(got[0] + got[1])
print(len(allgot), allgot == list(range(PRODUCERS * PER)))
# Each producer's items reach each consumer in the order they were put.
for g in got:
    for p in range(PRODUCERS):
        mine = [x for x in g if x // PER == p]
        assert mine == sorted(mine), p
print("fifo per producer ok")

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3]:
    lq.put(x)
    pq.put(x)
print([lq.get() for _ in range(5)], [pq.get() for _ in range(5)])
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
fq = queue.Queue(1)
fq.put(1)
try:
    fq.put(2, timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    fq.put_nowait(3)
except queue.Full:
    print("Full nowait")
sq = queue.SimpleQueue()
sq.put("a")
print(sq.get(), sq.empty(), q.qsize(), q.empty())
