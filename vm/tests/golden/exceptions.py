def f():
    try:
        risky()
    except (ValueError, TypeError) as e:
        log(e)
    except KeyError:
        raise RuntimeError("bad") from None
    except:
        raise
    else:
        ok()
    finally:
        cleanup()

def g():
    for i in range(3):
        try:
            if i:
                break
            continue
        finally:
            print("finally", i)
    try:
        return 1
    finally:
        print("done")

def h():
    try:
        pass
    finally:
        return 2
