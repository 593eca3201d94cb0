# random: getstate/setstate, the gauss cache, independent generators.
import random

r = random.Random(5)
r.gauss()
state = r.getstate()
print(state[0], len(state[1]), state[1][-1], type(state[2]).__name__)
first = [r.gauss() for _ in range(5)] + [r.random() for _ in range(700)][-2:]
r.setstate(state)
second = [r.gauss() for _ in range(5)] + [r.random() for _ in range(700)][-2:]
print(first == second, first[:3])
s = random.Random(6)
s.setstate(state)
print(s.gauss() == first[0])
r.seed(5)
print(r.getstate()[2], r.getstate()[1][:3], r.getstate()[1][-1])
a = random.Random(1)
b = random.Random(2)
print(a.random(), b.random(), a.random(), b.random())
try:
    r.setstate((4, state[1], None))
except ValueError as e:
    print("ValueError:", e)
try:
    r.setstate((3, state[1][:-1] + (700,), None))
except ValueError as e:
    print("ValueError:", e)
try:
    r.setstate((3, state[1][:10], None))
except ValueError as e:
    print("ValueError:", e)
