# A thread that takes a lock on every turn of a loop still ends transactions: another
# thread waits (polling, without the lock) until it sees 1000 increments committed, then
# stops the loop. If taking a lock kept the holder's transaction going for ever, the
# poller would never see them and the program would hang.
import threading
import time

lock = threading.Lock()
state = {"n": 0, "stop": False}


def spinner():
    while not state["stop"]:
        with lock:
            state["n"] += 1


def poller():
    while state["n"] < 1000:
        time.sleep(0.001)
    state["stop"] = True


ts = [threading.Thread(target=spinner), threading.Thread(target=poller)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("stopped after at least 1000:", state["n"] >= 1000)
