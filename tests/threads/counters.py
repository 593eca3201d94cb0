# 2 threads x 200,000 unlocked increments on a global, an attribute and a dict item:
# each `+=` statement is atomic (no transaction boundary inside a statement), so no
# increment is lost.
import threading

N = 200_000
counter = 0


class Box:
    def __init__(self):
        self.n = 0


box = Box()
d = {"k": 0}


def on_global():
    global counter
    for _ in range(N):
        counter += 1


def on_attr():
    for _ in range(N):
        box.n += 1


def on_item():
    for _ in range(N):
        d["k"] += 1


for target in (on_global, on_attr, on_item):
    ts = [threading.Thread(target=target) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(counter, box.n, d["k"])
