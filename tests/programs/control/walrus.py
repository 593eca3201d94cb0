# Assignment expressions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 6])
print(y)
vals = iter([1, 2, 3, 0, 5])
while (v := next(vals)) != 0:
    print("got", v)
def f(x):
    return x * 10
print([f(x) for x in range(5) if f(x) > 20], [r for x in range(5) if (r := f(x)) > 20])
print((z := 5), z + 1)
total = 0
print([total := total + i for i in range(5)], total)
