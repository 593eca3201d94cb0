# try/except/else/finally control flow in every combination.
def flow(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append(f"except ValueError {e}")
    except (KeyError, IndexError) as e:
        log.append(f"except tuple {type(e).__name__}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ["none", "value", "key", "return"]:
    print(k, flow(k))
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(finally_swallows())
def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
nested()
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
while True:
    try:
        break
    finally:
        print("finally on break")
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
