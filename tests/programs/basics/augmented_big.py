# Loops that grow numbers past 64 bits and shrink them back.
x = 1
for i in range(1, 30):
    x *= i
    if i % 7 == 0:
        print(i, x)
while x > 10 ** 6:
    x //= 1000
print(x)
acc = 0
for i in range(100):
    acc += 2 ** i
print(acc == 2 ** 100 - 1, acc % 97, acc.bit_length())
collatz_max = 0
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    collatz_max = max(collatz_max, n)
    steps += 1
print(steps, collatz_max)
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a, len(str(a)))
print(sum(int(d) for d in str(2 ** 1000)))
