# Inventory management: classes, dict of objects, sorting and error handling.
class Item:
    def __init__(self, sku, name, qty, price):
        self.sku, self.name, self.qty, self.price = sku, name, qty, price
    @property
    def value(self):
        return self.qty * self.price
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, qty={self.qty}, price={self.price})"
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
    def remove(self, sku, qty):
        item = self.items.get(sku)
        if item is None:
            raise KeyError(sku)
        if qty > item.qty:
            raise ValueError(f"only {item.qty} of {item.name} left")
        item.qty -= qty
        if item.qty == 0:
            del self.items[sku]
    def report(self):
        for item in sorted(self.items.values(), key=lambda i: -i.value):
            print(f"{item.sku:6} {item.name:<10} {item.qty:4d} x {item.price:7.2f} = {item.value:9.2f}")
        print(f"{'total':<30}{sum(i.value for i in self.items.values()):>9.2f}")
inv = Inventory()
for args in [("A1", "bolt", 100, 0.25), ("B2", "nut", 250, 0.1), ("C3", "gear", 5, 12.5), ("A1", "bolt", 50, 0.25)]:
    inv.add(Item(*args))
inv.report()
for sku, q in [("B2", 50), ("C3", 5), ("Z9", 1), ("A1", 1000)]:
    try:
        inv.remove(sku, q)
        print("removed", q, sku)
    except KeyError as e:
        print("unknown sku", e)
    except ValueError as e:
        print("cannot remove:", e)
inv.report()
print(sorted(inv.items))
