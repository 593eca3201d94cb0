# warnings: filters (error/ignore/always/once/default), catch_warnings(record=True), categories, formatwarning.
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", RuntimeWarning)
    old_api()
    warnings.warn(UserWarning("instance"))
    print(len(w))
    for m in w:
        print(m.category.__name__, str(m.message), m.lineno, m.filename.endswith("warnings_mod.py"))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    try:
        old_api()
    except DeprecationWarning as e:
        print("raised", type(e).__name__, e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    print("ignored count", len(w))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("repeated")
    print("once count", len(w))

with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.simplefilter("always", append=True)
    warnings.warn("skip me")
    warnings.warn("keep me")
    print([str(m.message) for m in w])

print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "x = 1\n"), end="")
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Exception))
try:
    warnings.warn("bad", category=int)
except TypeError as e:
    print("TypeError:", e)
