# itertools recipes composed into small utilities.
from itertools import islice, chain, groupby, count, zip_longest, tee
def take(n, iterable):
    return list(islice(iterable, n))
def chunked(iterable, n):
    it = iter(iterable)
    while chunk := list(islice(it, n)):
        yield chunk
def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)
def unique_everseen(iterable):
    seen = set()
    for x in iterable:
        if x not in seen:
            seen.add(x)
            yield x
def run_length(s):
    return [(k, sum(1 for _ in g)) for k, g in groupby(s)]
def grouper(iterable, n, fill=None):
    return list(zip_longest(*[iter(iterable)] * n, fillvalue=fill))
def sliding(iterable, n):
    its = tee(iterable, n)
    for i, it in enumerate(its):
        for _ in range(i):
            next(it, None)
    return list(zip(*its))
print(take(4, count(1)), list(chunked(range(10), 4)), list(flatten([[1, 2], [3], []])))
print(list(unique_everseen("AAAABBBCCDAABBB")), run_length("aaabccddd"), grouper("ABCDEFG", 3, "x"))
print(sliding(range(6), 3))
