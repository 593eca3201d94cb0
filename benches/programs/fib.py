# Recursive calls: the classic call-overhead benchmark.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# fib(30) alone takes ~0.15 s under python3 -S on a quiet machine; six make ~0.9 s.
print([fib(30) for _ in range(6)])
