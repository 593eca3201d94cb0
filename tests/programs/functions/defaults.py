# Default arguments: evaluated once, mutable default pitfall, keyword calls.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))
counter = 10
def snapshot(v=counter):
    return v
counter = 20
print(snapshot(), snapshot.__defaults__)
def f(a, b=2, *, c, d=4):
    return (a, b, c, d)
print(f(1, c=3), f(1, 5, c=6, d=7), f.__kwdefaults__)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", "b", "c", "d")
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", name="b")
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", bogus=1)
except TypeError as e:
    print("TypeError:", e)
