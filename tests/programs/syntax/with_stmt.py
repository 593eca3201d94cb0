# with statement: enter/exit order, exception suppression, multiple managers.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Ctx("a") as v:
    print("body", v)
with Ctx("outer"), Ctx("inner") as w:
    print("nested body", w)
with Ctx("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Ctx("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
def early_return():
    with Ctx("ret"):
        return "returned"
print(early_return())
for i in range(3):
    with Ctx(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
with (Ctx("p1") as x1,
      Ctx("p2") as x2):
    print(x1, x2)
class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("not called")
try:
    with Bad():
        print("not run")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
