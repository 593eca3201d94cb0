# Context manager classes: resource tracking, transactions that roll back on error.
class Account:
    def __init__(self, balance):
        self.balance = balance
class Transaction:
    def __init__(self, account):
        self.account = account
    def __enter__(self):
        self.saved = self.account.balance
        return self.account
    def __exit__(self, et, ev, tb):
        if et is not None:
            print(f"rolling back after {et.__name__}: {ev}")
            self.account.balance = self.saved
            return True
        print("committed")
        return False
acc = Account(100)
with Transaction(acc) as a:
    a.balance -= 30
print(acc.balance)
with Transaction(acc) as a:
    a.balance -= 500
    if a.balance < 0:
        raise ValueError("overdrawn")
print(acc.balance)
class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *exc):
        self.level -= 1
    def print(self, text):
        print("    " * self.level + text)
with Indenter() as ind:
    ind.print("one")
    with ind:
        ind.print("two")
        with ind:
            ind.print("three")
    ind.print("one again")
class Timer:
    log = []
    def __enter__(self):
        Timer.log.append("start")
    def __exit__(self, *a):
        Timer.log.append("stop")
with Timer() as t:
    pass
print(t, Timer.log)
