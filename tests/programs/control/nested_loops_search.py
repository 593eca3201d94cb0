# Searching with nested loops, for-else, flags, and early returns.
def find_pair(nums, target):
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if a + b == target:
                return a, b
    return None
print(find_pair([2, 7, 11, 15], 9), find_pair([1, 2], 10), find_pair([3, 3], 6))
def first_prime_above(n):
    k = n + 1
    while True:
        for d in range(2, int(k ** 0.5) + 1):
            if k % d == 0:
                break
        else:
            return k
        k += 1
print([first_prime_above(n) for n in (1, 10, 100, 1000)])
board = [[0, 0, 1], [0, 1, 0], [0, 0, 0]]
found = None
for r, row in enumerate(board):
    for c, v in enumerate(row):
        if v:
            found = (r, c)
            break
    if found:
        break
print(found)
total = 0
for i in range(10):
    if i % 2:
        continue
    for j in range(i):
        if j > 3:
            break
        total += j
print(total)
