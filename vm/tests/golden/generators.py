def count(n):
    i = 0
    while i < n:
        received = yield i
        if received is not None:
            i = received
        i += 1
    return i

def delegate():
    result = yield from count(3)
    try:
        yield result
    finally:
        print("closed")
