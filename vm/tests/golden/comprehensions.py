squares = [x * x for x in range(10) if x % 2]
pairs = {(a, b) for a in range(3) for b in range(a)}
index = {k: v for k, v in items.items()}
total = sum(n for n in data)

def f(values):
    if any((hit := v) > 3 for v in values):
        return hit
    return [[y for y in row] for row in values]
