# Exception-heavy control flow: raise/except across frames, custom classes, finally.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def lookup(d, k):
    if k % 3 == 0:
        raise NotFound(k)
    try:
        return d[k]
    except KeyError:
        raise AppError("missing %d" % k)


def run(n):
    d = {i: i * 2 for i in range(0, n, 2)}
    found = notfound = missing = cleanups = 0
    for k in range(n):
        try:
            try:
                found += lookup(d, k)
            finally:
                cleanups += 1
        except NotFound as e:
            notfound += e.key % 7
        except AppError as e:
            missing += len(str(e))
    total = 0
    for i in range(n):
        try:
            total += 10 // (i % 5)
        except ZeroDivisionError:
            total -= 1
    return found, notfound, missing, cleanups, total


print(run(650000))
