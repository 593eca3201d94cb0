# A comprehension's outermost iterable: a list, tuple or range is iterated privately by
# the comprehension; everything else is turned into an iterator by the caller, once.
lst = [1, 2, 3]
print([x * 2 for x in lst], {x for x in (3, 1, 3)}, {x: x * x for x in range(4)})
print(list(x + 1 for x in range(3)), sum(x for x in [4, 5]), [c for c in "ab"])
# The list is read by index as the comprehension runs (as CPython's list iterator does).
grow = [1, 2]
print([grow.append(x) or x for x in grow if len(grow) < 6])
# A generator expression sees appends made before its first step.
src = [1]
g = (x for x in src)
src.append(2)
print(list(g))
# An iterator passed in is consumed where it stands: an exception midway leaves the rest.
it = iter([1, 2, 0, 4, 5])
try:
    [10 // x for x in it]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, list(it))
# __iter__ runs once, in the caller, before the comprehension starts.
class Counted:
    calls = 0
    def __iter__(self):
        Counted.calls += 1
        return iter([7, 8])
print([x for x in Counted()], Counted.calls)
class Itr:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        print("Itr.__iter__")
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
print([x for x in Itr()])
# Not iterable: raised by the caller's line.
try:
    [x for x in 5]
except TypeError as e:
    print("TypeError:", e)
# Subclasses of list and tuple keep their own __iter__.
class L(list):
    def __iter__(self):
        return iter([0, 0])
print([x for x in L([1, 2, 3])], [x for x in (y for y in L([9]))])
# Nested and with conditions; the inner iterables are ordinary loops.
print([(a, b) for a in range(3) for b in (10, 20) if a != b // 10])
