"""Recursive Fibonacci and a few lines of everyday Python."""


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


squares = [i * i for i in range(10)]
print("fib(25) =", fib(25))
print("squares:", squares)
print("sum of squares:", sum(squares))
