# list methods.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); print(a)
a.extend([7, 8]); print(a)
a.insert(0, 0); a.insert(-1, 99); a.insert(100, 100); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(5), a.index(5, 5), a.count(1), a.count(42))
a.reverse(); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
b = a.copy(); b.clear(); print(a, b)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=str.lower); print(words)
words.sort(key=len); print(words)
words.sort(key=lambda w: (-len(w), w)); print(words)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError:", e)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [[]] * 2)
c = [1, 2]
c += (3, 4); print(c)
c *= 2; print(c)
print(len(c), sum(c), min(c), max(c), sorted(c), list(reversed(c)))
print(list(range(5)), list("ab"), list({1: 2}), list((1, 2)))
