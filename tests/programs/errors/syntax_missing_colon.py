print("not printed: syntax errors stop the whole file")
def f()
    return 1
