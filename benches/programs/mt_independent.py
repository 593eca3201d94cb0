# Independent CPU work split over T threads (T = argv[1], default 1): no shared writes.
# The total work is fixed, so the printed result is the same for every T.
import sys
import threading


def work(start, step, n, out, slot):
    acc = 0
    for i in range(start, n, step):
        x = i
        for _ in range(20):
            x = (x * 1103515245 + 12345) & 0xFFFFFF
        acc += x % 1000
    out[slot] = acc


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = 270000
    out = [0] * t
    threads = [threading.Thread(target=work, args=(k, t, n, out, k)) for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(sum(out))


main()
