# A vending machine as a state machine with a transition table and events.
class Machine:
    TRANSITIONS = {
        ("idle", "coin"): "paid",
        ("paid", "coin"): "paid",
        ("paid", "select"): "vending",
        ("paid", "refund"): "idle",
        ("vending", "done"): "idle",
    }
    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.history = []
    def fire(self, event, amount=0):
        key = (self.state, event)
        if key not in self.TRANSITIONS:
            self.history.append(f"ignored {event} in {self.state}")
            return False
        new = self.TRANSITIONS[key]
        if event == "coin":
            self.credit += amount
        elif event == "refund":
            self.history.append(f"refunded {self.credit}")
            self.credit = 0
        elif event == "select":
            if self.credit < 150:
                self.history.append(f"need {150 - self.credit} more")
                return False
            self.credit -= 150
        self.history.append(f"{self.state} --{event}--> {new}")
        self.state = new
        return True
m = Machine()
events = [("select", 0), ("coin", 100), ("select", 0), ("coin", 100), ("select", 0), ("coin", 5),
          ("done", 0), ("coin", 25), ("refund", 0), ("done", 0)]
results = [m.fire(e, a) for e, a in events]
print(results)
print("\n".join(m.history))
print(m.state, m.credit)
