# A three-stage pipeline: numbers -> squares -> sums; the result is exact.
import queue
import threading

N = 2000
q1 = queue.Queue(50)
q2 = queue.Queue(50)
result = []


def source():
    for i in range(N):
        q1.put(i)
    q1.put(None)


def square():
    while True:
        x = q1.get()
        if x is None:
            q2.put(None)
            return
        q2.put(x * x)


def sink():
    total = 0
    count = 0
    while True:
        x = q2.get()
        if x is None:
            break
        total += x
        count += 1
    result.append((count, total))


ts = [threading.Thread(target=f) for f in (sink, square, source)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(result, sum(i * i for i in range(N)))
