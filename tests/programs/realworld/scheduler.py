# A priority scheduler with classes: tasks, dependencies, a binary heap written by hand.
class Heap:
    def __init__(self):
        self.items = []
    def push(self, item):
        self.items.append(item)
        i = len(self.items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.items[i] < self.items[parent]:
                self.items[i], self.items[parent] = self.items[parent], self.items[i]
                i = parent
            else:
                break
    def pop(self):
        items = self.items
        last = items.pop()
        if not items:
            return last
        top, items[0] = items[0], last
        i, n = 0, len(items)
        while True:
            l, r, small = 2 * i + 1, 2 * i + 2, i
            if l < n and items[l] < items[small]:
                small = l
            if r < n and items[r] < items[small]:
                small = r
            if small == i:
                return top
            items[i], items[small] = items[small], items[i]
            i = small
    def __len__(self):
        return len(self.items)
class Task:
    seq = 0
    def __init__(self, name, priority, duration, deps=()):
        self.name, self.priority, self.duration, self.deps = name, priority, duration, set(deps)
        Task.seq += 1
        self.order = Task.seq
    def __lt__(self, other):
        return (self.priority, self.order) < (other.priority, other.order)
    def __repr__(self):
        return f"<{self.name} p{self.priority}>"
class Scheduler:
    def __init__(self, tasks):
        self.tasks = {t.name: t for t in tasks}
        self.done = []
        self.clock = 0
    def run(self):
        ready = Heap()
        waiting = dict(self.tasks)
        def release():
            for name in sorted(waiting):
                t = waiting[name]
                if t.deps <= set(self.done):
                    ready.push(t)
                    del waiting[name]
        release()
        while ready:
            t = ready.pop()
            self.clock += t.duration
            self.done.append(t.name)
            print(f"t={self.clock:3d} finished {t.name:<8} (priority {t.priority})")
            release()
        if waiting:
            print("blocked:", sorted(waiting))
tasks = [Task("compile", 2, 5, ["fetch"]), Task("fetch", 1, 3), Task("test", 2, 7, ["compile"]),
         Task("docs", 5, 2), Task("lint", 1, 1, ["fetch"]), Task("deploy", 0, 4, ["test", "lint"]),
         Task("orphan", 3, 1, ["missing"])]
Scheduler(tasks).run()
h = Heap()
for v in [5, 3, 9, 1, 7, 3, 8]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
