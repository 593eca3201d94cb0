# A pipeline of generators: yield, generator expressions, sum/any over iterators.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(n):
    total = 0
    count = 0
    for chunk in chunks(evens(squares(numbers(n))), 64):
        total += sum(x % 1000 for x in chunk)
        count += 1
    return total, count


print(run(2800000))
