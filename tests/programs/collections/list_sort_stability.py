# sort is stable, key functions are called once per item, sorting errors leave the list intact.
people = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
print(sorted(by_age, key=lambda p: p[1], reverse=True))
calls = []
def key(x):
    calls.append(x)
    return -x
nums = [3, 1, 2]
nums.sort(key=key)
print(nums, calls)
mixed = [3, "a", 1]
try:
    mixed.sort()
except TypeError as e:
    print("TypeError:", e)
print(sorted(mixed, key=str))
data = [[2, "b"], [1, "z"], [2, "a"], [1, "a"]]
data.sort()
print(data)
print(sorted([0.5, -1, 2 ** 70, 3, -2.5]), sorted([True, False, 2, -1]))
print(sorted(range(10), key=lambda v: (v % 3, -v)))
