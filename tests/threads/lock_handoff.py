# A thread's work before a `with lock:` that must wait is committed before it waits:
# here the lock holder releases only once it sees that work (a wait that rolled the
# work back would deadlock).
import threading
import time

lock = threading.Lock()
holding = threading.Event()
flag = []
order = []


def holder():
    with lock:
        holding.set()
        while not flag:
            time.sleep(0.001)
        order.append("holder saw the flag")


def waiter():
    holding.wait()
    for _ in range(3):
        flag.append(1)  # same transaction as the acquire below
        with lock:
            order.append("waiter got the lock")


ts = [threading.Thread(target=holder), threading.Thread(target=waiter)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order, len(flag))
