# global statement and name resolution order (LEGB).
x = "global x"
def read():
    return x
def write():
    global x
    x = "rebound"
def shadow():
    x = "local"
    return x
print(read(), shadow(), x)
write()
print(read(), x)
def make_global():
    global new_name
    new_name = 123
make_global()
print(new_name)
def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
len = lambda s: "shadowed builtin"
print(len([1, 2]))
del len
print(len([1, 2]))
def counter():
    global COUNT
    COUNT = COUNT + 1 if "COUNT" in globals() else 1
    return COUNT
print(counter(), counter(), counter())
y = 1
def nested():
    y = 2
    def inner():
        return y
    return inner()
print(nested(), y)
