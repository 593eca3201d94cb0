# if/elif/else chains and conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        if n > 100:
            return "big even"
        return "even"
    else:
        return "odd"
for n in [-5, 0, 4, 7, 200, 201]:
    print(n, classify(n))
x = 0
if x:
    print("never")
elif not x:
    print("not x")
if []:
    pass
else:
    print("empty list is falsy")
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in [95, 85, 75, 10, 90, 80]])
if (y := 10) > 5:
    print("walrus", y)
