# A discrete-event simulation of a bank queue with a deterministic arrival pattern.
class Event:
    def __init__(self, time, kind, customer):
        self.time, self.kind, self.customer = time, kind, customer
    def __lt__(self, other):
        return (self.time, self.kind, self.customer) < (other.time, other.kind, other.customer)
class Sim:
    def __init__(self, tellers):
        self.free = tellers
        self.queue = []
        self.events = []
        self.waits = {}
        self.log = []
    def schedule(self, e):
        self.events.append(e)
        self.events.sort()
    def run(self, arrivals):
        for cust, (t, service) in enumerate(arrivals):
            self.schedule(Event(t, "arrive", cust))
        self.service = dict(enumerate(s for _, s in arrivals))
        self.arrived = {}
        while self.events:
            e = self.events.pop(0)
            if e.kind == "arrive":
                self.arrived[e.customer] = e.time
                self.queue.append(e.customer)
            else:
                self.free += 1
                self.log.append(f"t={e.time:3d} customer {e.customer} leaves")
            while self.free and self.queue:
                c = self.queue.pop(0)
                self.free -= 1
                self.waits[c] = e.time - self.arrived[c]
                self.schedule(Event(e.time + self.service[c], "depart", c))
arrivals = [(i * 3 + (i % 4), 4 + (i * 7) % 9) for i in range(12)]
sim = Sim(tellers=2)
sim.run(arrivals)
print("\n".join(sim.log))
print("waits:", [sim.waits[c] for c in sorted(sim.waits)])
print(f"mean wait {sum(sim.waits.values()) / len(sim.waits):.3f}, max {max(sim.waits.values())}")
