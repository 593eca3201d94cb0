# Context managers and exceptions: __exit__ sees the exception, may replace or suppress it.
class Catch:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et and issubclass(et, self.types):
            self.caught = ev
            return True
        return False
with Catch(ValueError) as c:
    int("x")
print("suppressed:", c.caught)
try:
    with Catch(KeyError):
        [][0]
except IndexError as e:
    print("not suppressed:", e)
class Replace:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et:
            raise RuntimeError("replaced") from ev
try:
    with Replace():
        raise ValueError("original")
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))
class Order:
    def __init__(self, name, log):
        self.name, self.log = name, log
    def __enter__(self):
        self.log.append("enter " + self.name)
    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None}")
log = []
try:
    with Order("a", log), Order("b", log):
        raise KeyError("k")
except KeyError:
    log.append("handled")
print(log)
