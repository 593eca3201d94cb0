# Methods of built-in types called with no self at all raise TypeError (they used to
# crash the interpreter when their code indexed the missing argument).
for f in (set.union, set.intersection, set.difference, frozenset.union, object.__dir__,
          list.__len__, dict.__contains__, str.__mod__, list.sort, dict.update, int.__add__):
    try:
        f()
    except TypeError as e:
        print("TypeError")
print(set.union({1}, [2], (3,)), frozenset.union(frozenset({1}), {2}))
