# An order-processing state machine with Enum/auto/Flag: transitions, events, permissions, history.
from enum import Enum, IntEnum, Flag, auto, unique


@unique
class State(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    DELIVERED = auto()
    CANCELLED = auto()

    @property
    def final(self):
        return self in (State.DELIVERED, State.CANCELLED)


class Event(Enum):
    PAY = "pay"
    SHIP = "ship"
    DELIVER = "deliver"
    CANCEL = "cancel"


class Priority(IntEnum):
    LOW = 1
    NORMAL = 5
    URGENT = 10


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    ADMIN = auto()
    STAFF = READ | WRITE


TRANSITIONS = {
    (State.NEW, Event.PAY): State.PAID,
    (State.NEW, Event.CANCEL): State.CANCELLED,
    (State.PAID, Event.SHIP): State.SHIPPED,
    (State.PAID, Event.CANCEL): State.CANCELLED,
    (State.SHIPPED, Event.DELIVER): State.DELIVERED,
}

NEEDS = {Event.PAY: Perm.READ, Event.SHIP: Perm.WRITE, Event.DELIVER: Perm.WRITE, Event.CANCEL: Perm.ADMIN}


class InvalidTransition(Exception):
    pass


class Order:
    def __init__(self, oid, priority=Priority.NORMAL):
        self.oid = oid
        self.state = State.NEW
        self.priority = priority
        self.history = [State.NEW]

    def fire(self, event, who=Perm.STAFF):
        if isinstance(event, str):
            event = Event(event)
        if NEEDS[event] not in who:
            raise PermissionError(f"{event.name} needs {NEEDS[event]!s}, have {who!s}")
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise InvalidTransition(f"order {self.oid}: cannot {event.value} when {self.state.name}")
        self.state = TRANSITIONS[key]
        self.history.append(self.state)
        return self.state

    def __repr__(self):
        return f"Order({self.oid}, {self.state}, {self.priority!r})"


orders = [Order(1), Order(2, Priority.URGENT), Order(3, Priority.LOW)]
script = [(1, "pay"), (1, "ship"), (2, "pay"), (3, "cancel"), (1, "deliver"), (2, "deliver"), (3, "pay"), (2, "cancel")]
for oid, ev in script:
    order = orders[oid - 1]
    try:
        who = Perm.STAFF | Perm.ADMIN if ev == "cancel" and oid == 2 else Perm.STAFF
        new = order.fire(ev, who)
        print(f"{oid}: {ev:<8} -> {new.name}")
    except InvalidTransition as e:
        print("invalid:", e)
    except PermissionError as e:
        print("denied:", e)

for o in sorted(orders, key=lambda o: o.priority, reverse=True):
    print(o, "final" if o.state.final else "open", [s.name for s in o.history])
print([s.name for s in State], len(State), State(3), State["PAID"].value)
print(Priority.URGENT > Priority.NORMAL, Priority.LOW + 1, int(Priority.URGENT), sorted(Priority)[0], f"{Priority.NORMAL}")
print(Perm.STAFF, repr(Perm.READ | Perm.ADMIN), Perm.READ in Perm.STAFF, Perm.ADMIN in Perm.STAFF, bool(Perm(0)), list(Perm.STAFF))
counts = {}
for o in orders:
    counts[o.state] = counts.get(o.state, 0) + 1
print({s.name: n for s, n in counts.items()})
try:
    Event("refund")
except ValueError as e:
    print("ValueError:", e)
