# Matrix arithmetic with lists: multiply, transpose, determinant, inverse via fractions of ints.
def mat_mul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(m):
    return [list(r) for r in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def mat_pow(m, k):
    result = identity(len(m))
    while k:
        if k & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        k >>= 1
    return result
def show(m):
    w = max(len(str(v)) for row in m for v in row)
    for row in m:
        print(" ".join(str(v).rjust(w) for v in row))
A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
B = [[2, 0, 1], [1, 3, 2], [0, 1, 1]]
show(mat_mul(A, B))
show(transpose(A))
print(det(A), det(B), det(mat_mul(A, B)) == det(A) * det(B))
fib = mat_pow([[1, 1], [1, 0]], 90)
print(fib[0][1])
show(mat_pow(B, 5))
def solve(m, v):
    n = len(m)
    aug = [[float(x) for x in row] + [float(b)] for row, b in zip(m, v)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(aug[r][c]))
        aug[c], aug[p] = aug[p], aug[c]
        for r in range(n):
            if r != c:
                f = aug[r][c] / aug[c][c]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
    return [round(aug[i][n] / aug[i][i], 6) for i in range(n)]
print(solve(A, [14, 32, 53]))
