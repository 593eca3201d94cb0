# random: one generator shared by threads hands out every draw exactly once (its state
# lives in an STM cell): together the threads see exactly CPython's sequence.
import random
import threading


def run_threads(target, n=4):
    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


shared = random.Random(42)
results = [[] for _ in range(4)]


def floats(slot):
    for _ in range(2000):
        results[slot].append(shared.random())


run_threads(floats)
ref = random.Random(42)
drawn = sorted(x for r in results for x in r)
print(len(drawn), drawn == sorted(ref.random() for _ in range(8000)))

shared.seed("bits")
results = [[] for _ in range(4)]


def bits(slot):
    for _ in range(1000):
        results[slot].append(shared.getrandbits(40))


run_threads(bits)
ref.seed("bits")
drawn = sorted(x for r in results for x in r)
print(len(drawn), drawn == sorted(ref.getrandbits(40) for _ in range(4000)))

module_level = []


def module_worker(slot):
    for _ in range(500):
        module_level.append(random.random())


random.seed(7)
run_threads(module_worker)
random.seed(7)
print(len(module_level), sorted(module_level) == sorted(random.random() for _ in range(2000)))
