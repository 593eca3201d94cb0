# A dataclass-based inventory: items with defaults and factories, ordering, totals, JSON export.
from dataclasses import dataclass, field, asdict, replace
from typing import List, Dict, Optional
from collections import defaultdict
import json


@dataclass(order=True)
class Item:
    sort_key: float = field(init=False, repr=False)
    sku: str
    name: str
    price: float
    quantity: int = 0
    tags: List[str] = field(default_factory=list, compare=False)

    def __post_init__(self):
        if self.price < 0:
            raise ValueError(f"negative price for {self.sku}")
        self.sort_key = self.price * self.quantity

    @property
    def value(self) -> float:
        return round(self.price * self.quantity, 2)


@dataclass
class Inventory:
    items: Dict[str, Item] = field(default_factory=dict)
    log: List[str] = field(default_factory=list, repr=False)

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            old = self.items[item.sku]
            self.items[item.sku] = replace(old, quantity=old.quantity + item.quantity)
            self.log.append(f"restock {item.sku} +{item.quantity}")
        else:
            self.items[item.sku] = item
            self.log.append(f"new {item.sku}")

    def remove(self, sku: str, qty: int) -> Optional[Item]:
        item = self.items.get(sku)
        if item is None:
            self.log.append(f"missing {sku}")
            return None
        if qty > item.quantity:
            raise ValueError(f"only {item.quantity} of {sku} left")
        self.items[sku] = replace(item, quantity=item.quantity - qty)
        self.log.append(f"sold {sku} -{qty}")
        return self.items[sku]

    def total(self) -> float:
        return round(sum(i.value for i in self.items.values()), 2)

    def by_tag(self) -> Dict[str, List[str]]:
        groups = defaultdict(list)
        for item in self.items.values():
            for tag in item.tags:
                groups[tag].append(item.sku)
        return dict(sorted(groups.items()))


inv = Inventory()
inv.add(Item("A1", "widget", 2.5, 10, ["tools", "small"]))
inv.add(Item("B2", "gadget", 12.0, 3, ["tools"]))
inv.add(Item("C3", "gizmo", 7.25, 0, ["toys"]))
inv.add(Item("A1", "widget", 2.5, 5))
inv.remove("B2", 1)
inv.remove("ZZ", 1)
try:
    inv.remove("C3", 1)
except ValueError as e:
    print("error:", e)
try:
    Item("X", "bad", -1.0)
except ValueError as e:
    print("error:", e)

for item in sorted(inv.items.values(), reverse=True):
    print(f"{item.sku:<4} {item.name:<8} {item.quantity:>3} x {item.price:>6.2f} = {item.value:>7.2f}")
print("total:", inv.total())
print("by tag:", inv.by_tag())
print("log:", inv.log)
print(inv.items["A1"])
print(json.dumps([asdict(i) for i in inv.items.values()], indent=2, sort_keys=True))
low = [i.name for i in inv.items.values() if i.quantity < 5]
print("low stock:", low, min(inv.items.values()).sku, max(inv.items.values()).sku)
