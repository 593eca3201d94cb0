# Disjoint writes into a shared dict of lists: thread k appends only to the keys it owns.
import sys
import threading

KEYS = 64


def work(owner, step, shared, rounds):
    for key in range(owner, KEYS, step):
        lst = shared[key]
        for i in range(rounds):
            lst.append((key * 31 + i * 17) % 1009)


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    shared = {k: [] for k in range(KEYS)}
    rounds = 35000
    threads = [threading.Thread(target=work, args=(k, t, shared, rounds)) for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(sum(len(v) for v in shared.values()), sum(sum(v) for v in shared.values()),
          shared[5][:4], shared[63][-3:])


main()
