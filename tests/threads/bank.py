# Random transfers between accounts from 3 threads: the total is conserved, and a
# reader that sums all accounts inside `with stm.atomic:` always sees the same total.
import random
import stm
import threading

ACCOUNTS = 20
TOTAL = 100 * ACCOUNTS
accounts = [100] * ACCOUNTS
seen = []


def transfer(seed):
    rng = random.Random(seed)
    for _ in range(3000):
        a = rng.randrange(ACCOUNTS)
        b = rng.randrange(ACCOUNTS)
        amount = rng.randrange(1, 20)
        with stm.atomic:
            if accounts[a] >= amount:
                accounts[a] -= amount
                accounts[b] += amount


def audit():
    for _ in range(200):
        with stm.atomic:
            seen.append(sum(accounts))


ts = [threading.Thread(target=transfer, args=(s,)) for s in range(3)]
ts.append(threading.Thread(target=audit))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(accounts), all(x >= 0 for x in accounts))
print(len(seen), set(seen) == {TOTAL})
