# A method of a built-in type called on no self or on a self of the wrong type raises
# CPython's TypeError; so does zip() of a non-iterable (3.11 wording).
cases = [
    lambda: list.append(), lambda: list.append(5, 1), lambda: str.upper(5),
    lambda: str.upper(), lambda: dict.keys(1), lambda: dict.keys(), lambda: bytes.hex(1),
    lambda: bytearray.append(1, 2), lambda: set.add(1, 2), lambda: complex.conjugate(1),
    lambda: str.join(1, []), lambda: list.pop(()), lambda: dict.get("k", "k"),
]
for f in cases:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
# Subclass instances are fine selves.
class S(str):
    pass
class L(list):
    pass
print(str.upper(S("ab")), list.__len__(L([1, 2])), L([3]).copy())
for a in ([1], 5), (5,), ([1], [2], None):
    try:
        zip(*a)
    except TypeError as e:
        print("TypeError:", e)
