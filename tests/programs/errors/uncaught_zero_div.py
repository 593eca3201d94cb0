# Output before an uncaught ZeroDivisionError still appears; exit status 1.
print("before")
def divide(a, b):
    return a / b
print(divide(1, 2))
divide(1, 0)
print("never")
