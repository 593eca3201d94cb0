# global declared in nested functions; globals() dict manipulation.
total = 0
def add(n):
    def inner():
        global total
        total += n
    inner()
add(5); add(7)
print(total)
g = globals()
g["dynamic"] = "created via globals()"
print(dynamic)
def reads_global_after_del():
    return "exists" if "dynamic" in globals() else "gone"
del dynamic
print(reads_global_after_del())
def f():
    global late
    late = "defined by f"
try:
    print(late)
except NameError as e:
    print("NameError:", e)
f()
print(late)
def comp_scope():
    return [total + i for i in range(3)]
print(comp_scope())
