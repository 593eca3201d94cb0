try:
    [][0]
except IndexError:
    raise LookupError("nothing there") from None
