# threading: threads updating shared state under a Lock; results checked exactly.
import threading
counter = 0
lock = threading.Lock()
def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
threads = [threading.Thread(target=work, args=(2000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
results = [None] * 4
def square(i):
    results[i] = i * i
ts = [threading.Thread(target=square, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
shared = []
def appender(tag):
    for i in range(500):
        shared.append((tag, i))
ts = [threading.Thread(target=appender, args=(k,)) for k in "abc"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), sorted(set(t for t, _ in shared)), all(shared.count((k, 499)) == 1 for k in "abc"))
print(threading.current_thread().name, threading.active_count())
