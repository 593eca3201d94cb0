def f(path):
    with open(path) as fh, lock:
        return fh.read()

def g(items):
    for item in items:
        with ctx(item) as (a, b):
            if a:
                break
            print(b)
