# Short-circuit evaluation used for defaults and guards.
def get(d, *keys):
    for k in keys:
        d = d and d.get(k)
    return d
cfg = {"db": {"host": "h", "port": 0}}
print(get(cfg, "db", "host"), get(cfg, "db", "port"), get(cfg, "x", "y"), get({}, "a"))
name = "" or "anonymous"
count = 0 or None or 10
print(name, count)
def safe_div(a, b):
    return b != 0 and a / b
print(safe_div(1, 2), safe_div(1, 0))
items = []
print(items and items[0], (items or [None])[0])
flags = [x > 2 or x == 0 for x in range(5)]
print(flags)
v = 5
print("big" if v > 10 else "mid" if v > 3 else "small", ("odd", "even")[v % 2 == 0])
