# Sorting with key functions, lambdas, tuples and reverse.
class Record:
    def __init__(self, i, x):
        self.id = i
        self.score = x % 1000
        self.name = "n%d" % (x % 5000)


def make(n):
    x = 12345
    out = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(Record(i, x))
    return out


recs = make(70000)
for _ in range(3):
    by_score = sorted(recs, key=lambda r: (r.score, r.id))
    by_name = sorted(recs, key=lambda r: r.name, reverse=True)
    ids = [r.id for r in by_score[:5]]
    names = [r.name for r in by_name[:3]]
    nums = [r.score * 7 % 101 for r in recs]
    nums.sort()
    print(ids, names, nums[:5], nums[-5:], sorted(set(nums))[::20])
