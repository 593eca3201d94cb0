# list identity, nesting, comparison, aliasing.
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4], a is not [1, 2, 3, 4])
c = a.copy()
c.append(5)
print(a, c)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
bad = [[0] * 3] * 3
bad[0][0] = 1
print(bad)
print([1, [2, [3, [4]]]], [1, 2] == [1, 2], [1, 2] != [2, 1], [3] > [2, 9])
x = []
x.append(x)
print(x, len(x))
print(3 in [1, 2, 3], [2] in [[1], [2]], [] in [[]])
nums = [5, 3, 8, 1]
print(sorted(nums), nums, nums.sort(), nums)
print(list(enumerate(["a", "b"])), list(zip([1, 2], "xy")))
print([i * i for i in range(5)], [*range(3), *"ab"])
big = list(range(1000))
print(sum(big), big[500], len(big[::7]), big[-1])
print(hash(tuple(big)) == hash(tuple(range(1000))))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
