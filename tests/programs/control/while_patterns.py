# while loops: convergence, digit manipulation, two pointers, binary search.
x = 2.0
steps = 0
while abs(x * x - 2) > 1e-12:
    x = (x + 2 / x) / 2
    steps += 1
print(x, steps)
n, rev = 12345, 0
while n:
    n, d = divmod(n, 10)
    rev = rev * 10 + d
print(rev)
s = "racecar level noon abc"
for w in s.split():
    i, j = 0, len(w) - 1
    while i < j and w[i] == w[j]:
        i += 1
        j -= 1
    print(w, i >= j)
def bsearch(a, t):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < t:
            lo = mid + 1
        else:
            hi = mid
    return lo
a = list(range(0, 100, 5))
print([bsearch(a, t) for t in (0, 3, 5, 97, 200)])
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(2 ** 40, 6 ** 20), gcd(17, 5))
