# A queue pipeline: one producer feeds T workers through queue.Queue; results come back
# through a second queue and are summed (order-independent, so the result is fixed).
import queue
import sys
import threading


def worker(inbox, outbox):
    while True:
        item = inbox.get()
        if item is None:
            break
        acc = 0
        for j in range(item % 50 + 50):
            acc += (item * j) % 97
        outbox.put(acc)


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = 55000
    inbox = queue.Queue(maxsize=256)
    outbox = queue.Queue()
    threads = [threading.Thread(target=worker, args=(inbox, outbox)) for _ in range(t)]
    for th in threads:
        th.start()
    for i in range(n):
        inbox.put(i)
    for _ in range(t):
        inbox.put(None)
    total = 0
    for _ in range(n):
        total += outbox.get()
    for th in threads:
        th.join()
    print(total, outbox.empty())


main()
