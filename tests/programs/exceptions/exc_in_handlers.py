# Exceptions raised inside except/finally blocks and inside loops with try.
def risky(i):
    if i % 3 == 0:
        raise ValueError(f"bad {i}")
    if i % 3 == 1:
        raise KeyError(i)
    return i
results = []
for i in range(7):
    try:
        results.append(risky(i))
    except ValueError as e:
        results.append(str(e))
    except KeyError as e:
        results.append(f"key {e}")
    finally:
        results.append("|")
print(results)
try:
    try:
        raise ValueError("original")
    except ValueError:
        raise TypeError("from handler")
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    try:
        raise ValueError("a")
    except ValueError as first:
        try:
            raise KeyError("b")
        except KeyError as second:
            print("inner context is first:", second.__context__ is first)
        print("still handling", repr(first))
except Exception:
    print("not reached")
def cleanup_fails():
    try:
        return "value"
    finally:
        try:
            raise RuntimeError("in finally")
        except RuntimeError as e:
            print("handled inside finally:", e)
print(cleanup_fails())
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts} failed")
        print("connected after", attempts)
        break
    except ConnectionError as e:
        print("retry:", e)
