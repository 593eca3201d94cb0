# Nested integer loops: dispatch, small-int arithmetic, local variable access.
def run(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += (i * j) % 7 - (i ^ j) & 15
    return total


print(run(2600))
