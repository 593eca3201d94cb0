# heapq and bisect.
import heapq
import bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], sorted(h))
data = [7, 2, 9, 4, 1]
heapq.heapify(data)
print(data[0], heapq.nsmallest(2, [5, 1, 4, 2]), heapq.nlargest(2, [5, 1, 4, 2]), heapq.nlargest(1, ["a", "bbb"], key=len))
print(heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3), list(heapq.merge([1, 4, 7], [2, 5], [3])))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "ship"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect(a, 99))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90]])
print(bisect.bisect_left([(1, "a"), (3, "c")], (2, "")), bisect.bisect([10, 20, 30], 25, key=None))
