# A contended counter: T threads increment one shared counter under a threading.Lock.
import sys
import threading


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.value = 0


def work(c, count):
    for _ in range(count):
        with c.lock:
            c.value += 1


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    total = 1700000
    c = Counter()
    per = [total // t + (1 if k < total % t else 0) for k in range(t)]
    threads = [threading.Thread(target=work, args=(c, per[k])) for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(c.value)


main()
