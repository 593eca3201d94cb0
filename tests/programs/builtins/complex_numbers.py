# complex numbers (optional in the brief, common in scripts).
a = 3 + 4j
b = complex(1, -2)
print(a, b, a + b, a - b, a * b, a / b, -a, abs(a), a.conjugate(), a.real, a.imag)
print(a == complex(3, 4), 1j ** 2, (1 + 1j) ** 2, complex("2+3j"), complex(2), complex())
print(repr(1j), repr(-0j), repr(complex(1.5, -0.0)), str(2 + 0j), 0j == 0)
print(hash(complex(5, 0)) == hash(5), type(a).__name__, isinstance(a, complex))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    a // b
except TypeError as e:
    print("TypeError:", e)
print(f"{a}", format(a, ".2f"), f"{b:>12}")
