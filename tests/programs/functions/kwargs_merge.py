# Forwarding *args/**kwargs through wrappers, merging options, keyword-only configuration.
def request(url, *, method="GET", headers=None, timeout=10):
    return f"{method} {url} headers={headers or {}} timeout={timeout}"
def with_defaults(**defaults):
    def wrap(fn):
        def inner(*args, **kwargs):
            return fn(*args, **{**defaults, **kwargs})
        return inner
    return wrap
get_json = with_defaults(headers={"Accept": "json"}, timeout=3)(request)
print(get_json("/a"), get_json("/b", timeout=9), get_json("/c", method="POST"))
def describe(*args, sep=", ", **kwargs):
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return sep.join(parts)
print(describe(1, "x", z=3, a=[1]), describe(sep="|", q=1), describe())
opts = {"sep": "/"}
print(describe(*range(3), **opts))
def order(**kw):
    return list(kw)
print(order(b=1, a=2, c=3), order(**{"z": 1, "y": 2}))
try:
    request("/x", "POST")
except TypeError as e:
    print("TypeError:", e)
