# Cycles made by worker threads are collected once the workers are done, and the
# objects the workers left reachable survive intact.
import gc
import threading
import weakref


class Node:
    def __init__(self, n):
        self.n = n
        self.peer = None


refs = []
kept = []
lock = threading.Lock()


def work(k):
    mine = []
    for i in range(2000):
        a = Node(i)
        b = Node(i)
        a.peer = b
        b.peer = a
        if i % 500 == 0:
            with lock:
                refs.append(weakref.ref(a))
        if i % 1000 == 0:
            mine.append(a)
    with lock:
        kept.extend(mine)


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
alive = sum(1 for r in refs if r() is not None)
print(len(refs), alive, len(kept))
print(sorted(n.n + n.peer.n for n in kept))
print(all(n.peer.peer is n for n in kept))
