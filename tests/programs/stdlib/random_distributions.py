# random: every distribution, bit for bit.
import random

r = random.Random(31337)
print("triangular", r.triangular(), r.triangular(1.0, 5.0, 2.0), r.triangular(0, 10, 10),
      r.triangular(3.0, 3.0, 3.0))
print("normal", [r.normalvariate(1.0, 3.0) for _ in range(3)])
print("lognorm", [r.lognormvariate(0.0, 0.5) for _ in range(3)])
print("expo", [r.expovariate(1.5) for _ in range(3)], r.expovariate(-2.0))
print("vonmises", [r.vonmisesvariate(1.0, 4.0) for _ in range(3)], r.vonmisesvariate(0.5, 0))
print("gamma", r.gammavariate(0.5, 2.0), r.gammavariate(1.0, 2.0), r.gammavariate(2.5, 1.0),
      r.gammavariate(0.1, 3.0), r.gammavariate(50.0, 0.5))
print("beta", [r.betavariate(2.0, 3.0) for _ in range(3)], r.betavariate(0.5, 0.5))
print("pareto", [r.paretovariate(2.0) for _ in range(3)])
print("weibull", [r.weibullvariate(1.0, 1.5) for _ in range(3)])
print("gauss", [r.gauss(0, 1) for _ in range(5)])
print("uniform", [r.uniform(10, 0) for _ in range(3)])
total = 0.0
for _ in range(1000):
    total += r.random()
print("sum of 1000", total)
print("bits", r.getrandbits(0), r.getrandbits(64), r.getrandbits(65), r.getrandbits(1000) % 10**12)
