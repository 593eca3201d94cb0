# Set algebra on larger sets, printed sorted; frozenset as dict keys and set members.
evens = set(range(0, 50, 2))
threes = set(range(0, 50, 3))
print(sorted(evens & threes), len(evens | threes), sorted(threes - evens)[:5], len(evens ^ threes))
primes = {n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))}
print(sorted(primes), len(primes), sorted(primes & evens))
groups = {frozenset({"a", "b"}): 1, frozenset({"b", "a"}): 2, frozenset(): 0}
print(len(groups), groups[frozenset("ab")])
sets = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(sets), sorted(sorted(s) for s in sets))
s = set(range(10))
for x in list(s):
    if x % 3:
        s.discard(x)
print(sorted(s))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
print(set() == frozenset(), {1, 2}.union(), {1} | frozenset({2}), type(frozenset({1}) | {2}).__name__)
print(sorted({(1, 2), (2, 1), (1, 2)}), {None, None}, {1, True, 1.0})
