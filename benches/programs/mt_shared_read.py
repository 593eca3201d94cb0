# Reads of a shared dict and list, writes only to thread-private structures, over T threads.
import sys
import threading

TABLE = {"k%d" % i: i * 3 for i in range(5000)}
WEIGHTS = [i % 17 for i in range(5000)]
KEYS = list(TABLE)


def work(start, step, n, out, slot):
    private = {}
    acc = 0
    for i in range(start, n, step):
        key = KEYS[i % 5000]
        v = TABLE[key] + WEIGHTS[(i * 7) % 5000]
        private[i % 64] = private.get(i % 64, 0) + v
        acc += v & 255
    out[slot] = (acc, sum(private.values()))


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = 2600000
    out = [None] * t
    threads = [threading.Thread(target=work, args=(k, t, n, out, k)) for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(sum(a for a, _ in out), sum(b for _, b in out))


main()
