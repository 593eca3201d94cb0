# 2-D lists: rotation, spiral order, transposition, flood fill.
grid = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
def rotate(m):
    return [list(r) for r in zip(*m[::-1])]
print(rotate(grid))
print(rotate(rotate(rotate(rotate(grid)))) == grid)
def spiral(m):
    m = [row[:] for row in m]
    out = []
    while m:
        out += m.pop(0)
        m = [list(r) for r in zip(*m)][::-1]
    return out
print(spiral(grid))
img = ["..##.", ".#..#", "##..#", "....."]
cells = [list(r) for r in img]
def fill(r, c, ch):
    stack = [(r, c)]
    target = cells[r][c]
    while stack:
        r, c = stack.pop()
        if 0 <= r < len(cells) and 0 <= c < len(cells[0]) and cells[r][c] == target:
            cells[r][c] = ch
            stack.extend([(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)])
fill(0, 0, "o")
print("\n".join("".join(r) for r in cells))
print([sum(col) for col in zip(*grid)], [max(r) - min(r) for r in grid])
