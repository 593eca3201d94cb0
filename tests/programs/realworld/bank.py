# A simple bank simulation with accounts, transfers, and an audit log.
class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner}, {self.balance})"
class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
    def open(self, owner, initial=0):
        acc = Account(owner, initial)
        self.accounts[acc.id] = acc
        return acc
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        try:
            a.withdraw(amount)
        except InsufficientFunds as e:
            self.log.append(f"FAILED {src}->{dst} {amount}: {e}")
            return False
        b.deposit(amount)
        self.log.append(f"OK {src}->{dst} {amount}")
        return True
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open("alice", 100)
bob = bank.open("bob", 50)
carol = bank.open("carol")
start = bank.total()
ops = [(1, 2, 30), (2, 3, 100), (2, 3, 80), (3, 1, 10), (1, 3, 200), (3, 2, 5)]
for s, d, amt in ops:
    bank.transfer(s, d, amt)
print("\n".join(bank.log))
print(list(bank.accounts.values()), bank.total() == start)
for acc in bank.accounts.values():
    print(acc.owner, acc.history)
try:
    alice.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
