# A backtracking sudoku solver on an easy puzzle (36 blanks).
PUZZLE = "034078002072090048098042067009061020026053091013004056060037084087019005045080079"
def solve(grid):
    try:
        i = grid.index("0")
    except ValueError:
        return grid
    r, c = divmod(i, 9)
    used = {grid[r * 9 + k] for k in range(9)} | {grid[k * 9 + c] for k in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[(br + a) * 9 + bc + b] for a in range(3) for b in range(3)}
    for d in "123456789":
        if d not in used:
            res = solve(grid[:i] + d + grid[i + 1:])
            if res:
                return res
    return None
sol = solve(PUZZLE)
for r in range(9):
    row = sol[r * 9:(r + 1) * 9]
    print(" ".join(row[0:3]), "|", " ".join(row[3:6]), "|", " ".join(row[6:9]))
    if r in (2, 5):
        print("------+-------+------")
ok = all(len(set(sol[r * 9:(r + 1) * 9])) == 9 for r in range(9)) and all(len(set(sol[c::9])) == 9 for c in range(9))
print("valid:", ok)
