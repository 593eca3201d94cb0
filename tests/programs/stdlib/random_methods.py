# random: subclasses, every sequence type, int arguments, big ranges, state round trips.
import random
class Dice(random.Random):
    def __init__(self, sides, seed=None):
        super().__init__(seed)
        self.sides = sides
    def roll(self):
        return self.randint(1, self.sides)
d = Dice(6, seed=3)
print([d.roll() for _ in range(10)], isinstance(d, random.Random), type(d).__name__)
class Lazy(random.Random):
    def __init__(self):
        pass
l = Lazy()
x = l.random()
print(0 <= x < 1)
l.seed(5)
print(l.random() == random.Random(5).random())
print(random.Random, type(random.Random(1)))
r = random.Random(10)
print(r.choice(range(0, 100, 7)), r.choice("hello"), r.choice(b"bytes"))
print(r.sample("abcdefgh", 3), r.sample((1, 2, 3), 3), r.sample(range(5), 0))
print(r.choices(range(3), [1, 2, 3]), r.choices("ab", cum_weights=[1, 2], k=3))
print(r.uniform(1, 10), r.uniform(2, 2), r.triangular(2, 2, 2), r.triangular(1, 3))
print(r.randrange(10, 0, -1), r.randint(-5, -5), r.randrange(2**70), r.randrange(-2**65, 2**65, 2**60))
print(r.getrandbits(64), r.getrandbits(0), r.randbytes(0), len(r.randbytes(17)))
s = r.getstate()
print(s[0], len(s[1]), s[2])
r.setstate(s)
print(r.random() == (r.setstate(s) or r.random()))
print(r.gauss(), r.getstate()[2] is not None)
