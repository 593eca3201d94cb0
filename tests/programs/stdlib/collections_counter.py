# collections.Counter
from collections import Counter
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements()), sum(c.values()))
c.update("aaz")
c.subtract({"b": 5})
print(sorted(c.items()), +c == Counter({k: v for k, v in c.items() if v > 0}))
d = Counter(a=3, b=1) + Counter(a=1, b=2, c=1)
print(sorted(d.items()), sorted((Counter(a=3, b=1) - Counter(a=1, b=2)).items()))
print(sorted((Counter(a=3, b=1) & Counter(a=1, b=2)).items()), sorted((Counter(a=3) | Counter(a=1, b=2)).items()))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(), wc.total(), len(wc))
print(Counter({"x": 2}) == Counter(x=2), Counter() == Counter(a=0))
