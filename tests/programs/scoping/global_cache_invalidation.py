# Global lookups that were cached must see later stores, deletions and builtins
# shadowed or un-shadowed by module globals.
import builtins

G = 1

def read_g():
    return G

def read_len(x):
    return len(x)

for _ in range(3):
    print(read_g(), read_len("abc"))
G = 2
print(read_g())
globals()["G"] = 3
print(read_g())
del G
try:
    read_g()
except NameError as e:
    print("NameError:", e)
G = 4
print(read_g())

def len(x):
    return "shadowed"

print(read_len("abc"))
del len
print(read_len("abc"))
builtins.G = "from builtins"
del G
print(read_g())
G = 5
print(read_g())
del builtins.G

total = 0
for i in range(100):
    G = i
    total += read_g()
print(total)
exec("G = 'exec'")
print(read_g())
