# lambda expressions.
sq = lambda x: x * x
print(sq(7), (lambda: 42)(), (lambda *a, **k: (a, k))(1, z=2), (lambda a, b=3: a + b)(1))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(7))))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda x: (lambda y: x + y))(10)(5))
fns = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print({k: f(3, 4) for k, f in fns.items()})
print(sq.__name__, type(sq).__name__)
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
print(Y(lambda fact: lambda n: 1 if n == 0 else n * fact(n - 1))(10))
