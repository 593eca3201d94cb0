it = iter([])
print("about to call next")
next(it)
