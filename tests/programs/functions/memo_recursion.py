# Memoized recursion on dicts and tuples: partitions, edit distance, LCS, coin change.
cache = {}
def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in cache:
        cache[key] = partitions(n - k, k) + partitions(n, k - 1)
    return cache[key]
print([partitions(n) for n in range(15)], partitions(100))
def edit(a, b, memo=None):
    memo = {} if memo is None else memo
    if (a, b) in memo:
        return memo[a, b]
    if not a or not b:
        r = len(a) + len(b)
    elif a[0] == b[0]:
        r = edit(a[1:], b[1:], memo)
    else:
        r = 1 + min(edit(a[1:], b, memo), edit(a, b[1:], memo), edit(a[1:], b[1:], memo))
    memo[a, b] = r
    return r
print(edit("kitten", "sitting"), edit("flaw", "lawn"), edit("", "abc"), edit("intention", "execution"))
def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i]); i += 1; j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)
print(lcs("ABCBDAB", "BDCABA"), lcs("stmpy", "sympathy"))
def coins(amount, denoms):
    ways = [1] + [0] * amount
    for d in denoms:
        for v in range(d, amount + 1):
            ways[v] += ways[v - d]
    return ways[amount]
print(coins(100, [1, 5, 10, 25, 50]), coins(7, [2, 4]))
