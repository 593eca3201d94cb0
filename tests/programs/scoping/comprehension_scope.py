# Comprehension iteration variables do not leak; the first iterable is evaluated outside.
i = "outer"
lst = [i for i in range(3)]
print(i, lst)
def f():
    n = 3
    return [[n * a + b for b in range(n)] for a in range(n)]
print(f())
class A:
    n = 2
    data = [x * 2 for x in range(n)]
print(A.data)
try:
    class B:
        n = 2
        data = [n * x for x in range(3)]
except NameError as e:
    print("NameError:", e)
x = 10
gen = (x + y for y in range(3))
x = 20
print(list(gen))
print({k: v for k, v in [(1, 2)]}, [y for y in range(2)])
try:
    y
except NameError as e:
    print("NameError:", e)
