# Conway's game of life on a small torus.
W, H = 10, 8
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (6, 5), (7, 5), (8, 5)}
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    p = ((x + dx) % W, (y + dy) % H)
                    counts[p] = counts.get(p, 0) + 1
    return {p for p, n in counts.items() if n == 3 or (n == 2 and p in live)}
def show(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))
for gen in range(4):
    print(f"generation {gen} ({len(cells)} alive)")
    print(show(cells))
    cells = step(cells)
for _ in range(36):
    cells = step(cells)
print("after 40:", sorted(cells))
