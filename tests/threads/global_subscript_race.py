# Readers subscript globals that a writer keeps rebinding (G[i] borrows G in place in
# stmpy): two subscripts of one global in one statement always see the same object,
# and every value read belongs to some binding the writer made.
import threading

N = 8
G = [0] * N
D = {"a": 0, "b": 0}


def writer(n):
    global G, D
    for k in range(1, n + 1):
        G = [k] * N
        D = {"a": k, "b": k}


def reader(n, out, slot):
    bad = 0
    last = 0
    for i in range(n):
        j = i % N
        d = G[j] - G[N - 1 - j]
        e = D["a"] - D["b"]
        v = G[j]
        if d != 0 or e != 0 or v < last:
            bad += 1
        last = v
    out[slot] = (bad, last >= 0)


out = [None] * 3
threads = [threading.Thread(target=writer, args=(20000,))]
threads += [threading.Thread(target=reader, args=(30000, out, k)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out)
print(G[0], D["a"], G[N - 1])
