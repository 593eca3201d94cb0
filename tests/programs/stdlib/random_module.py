# random: the module-level functions share one generator; seed() resets it.
import random

random.seed(12345)
a = [random.random() for _ in range(5)]
print(a)
print(random.randint(0, 1000), random.randrange(7), random.choice(["x", "y", "z"]))
random.seed(12345)
b = [random.random() for _ in range(5)]
print(a == b)
random.seed("text seed")
print(random.random(), random.getrandbits(64))
random.seed(b"bytes seed")
print(random.random())
random.seed(2024, version=1)
print(random.random())
random.seed("abc", version=1)
print(random.random())
deck = [rank + suit for suit in "SHDC" for rank in "A23456789TJQK"]
random.seed(7)
random.shuffle(deck)
print(deck[:13])
print(random.sample(deck, 5))
print(random.randbytes(6))
r = random.Random()
r.seed(99)
print(r.random(), random.Random(99).random())
print(type(r).__name__, isinstance(r, random.Random))
# seed(None) and Random() draw from the OS: only check the shape of the results.
random.seed()
x = random.random()
print(0.0 <= x < 1.0)
