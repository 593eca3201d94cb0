# Graph algorithms: BFS shortest path, DFS topological sort, Dijkstra with a list-based queue.
edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, [])
def bfs(start, goal):
    frontier, parents = [start], {start: None}
    while frontier:
        nxt = []
        for node in frontier:
            for v, _ in graph[node]:
                if v not in parents:
                    parents[v] = node
                    nxt.append(v)
        frontier = nxt
    path, node = [], goal
    while node is not None:
        path.append(node)
        node = parents.get(node)
    return path[::-1]
def topo():
    seen, order = set(), []
    def visit(n):
        if n in seen:
            return
        seen.add(n)
        for v, _ in sorted(graph[n]):
            visit(v)
        order.append(n)
    for n in sorted(graph):
        visit(n)
    return order[::-1]
def dijkstra(src):
    dist = {n: float("inf") for n in graph}
    dist[src] = 0
    todo = set(graph)
    while todo:
        u = min(todo, key=lambda n: (dist[n], n))
        todo.remove(u)
        for v, w in graph[u]:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
    return dist
print(bfs("a", "f"), topo(), dijkstra("a"))
maze = ["#########", "#S..#...#", "#.#.#.#.#", "#.#...#E#", "#########"]
start = next((r, c) for r, row in enumerate(maze) for c, ch in enumerate(row) if ch == "S")
q, dist = [start], {start: 0}
while q:
    r, c = q.pop(0)
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if maze[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            q.append((nr, nc))
end = next((r, c) for r, row in enumerate(maze) for c, ch in enumerate(row) if ch == "E")
print("maze distance", dist[end])
