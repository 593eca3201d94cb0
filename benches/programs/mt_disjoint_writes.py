# Disjoint writes into a shared dict of lists: thread k writes only to the lists of the
# keys it owns (item stores, plus an append every 16th step, so memory stays small).
import sys
import threading

KEYS = 64


def work(owner, step, shared, rounds):
    for key in range(owner, KEYS, step):
        lst = shared[key]
        for i in range(rounds):
            j = i % 100
            lst[j] = (lst[j] + key * 31 + i * 17) % 1009
            if i % 16 == 0:
                lst.append(lst[j])


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    shared = {k: [0] * 100 for k in range(KEYS)}
    rounds = 45000
    threads = [threading.Thread(target=work, args=(k, t, shared, rounds)) for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(sum(len(v) for v in shared.values()), sum(sum(v) for v in shared.values()),
          shared[5][:4], shared[63][-3:])


main()
