# random.SystemRandom: OS entropy with Random's methods; no state.
import random

s = random.SystemRandom()
print(isinstance(s, random.Random), type(s).__name__, random.SystemRandom.__mro__[1].__name__)
xs = [s.random() for _ in range(200)]
print(all(0.0 <= x < 1.0 for x in xs), len(set(xs)) > 190)
print(all(0 <= s.getrandbits(40) < 2**40 for _ in range(50)), s.getrandbits(0))
print(1 <= s.randint(1, 6) <= 6, s.choice("abc") in "abc", sorted(s.sample(range(5), 5)))
deck = list(range(20))
s.shuffle(deck)
print(sorted(deck) == list(range(20)), len(s.randbytes(9)))
print(s.seed(123), s.seed("ignored"))
for f in (s.getstate, lambda: s.setstate(None)):
    try:
        f()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
g = s.gauss(10, 0)
print(g)
