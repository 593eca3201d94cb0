# Recursive calls: the classic call-overhead benchmark.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# fib(30) alone takes ~0.35 s under python3; twice lands in the 0.5-2 s band.
print(fib(30), fib(30))
