# complex: arithmetic with ints/floats, parsing, formatting, hashing and CPython's errors.
z = complex(2, 3)
print(z * 2, 2 * z, z / 2, 1 / z, z ** 0.5, z ** -2, 2 ** z, z + 1.5, z - True, -z, +z, abs(-3j), z == 2 + 3j, z != 1, bool(0j), bool(1j))
print(complex("  (1.5e3-2J) "), complex("-j"), complex("inf+nanj"), complex(imag=2), complex(1j, 1j), complex(real=1.5))
print((1+2j).real, (1+2j).imag, (1+2j).conjugate(), pow(1j, 2), pow(2j, 3), (0.1+0.2j) * (0.3-0.4j))
print({1+0j: "a"}[1], hash(1.5+0j) == hash(1.5), [1j, 2j].index(2j), 3j in [3j], format(1+1j, "^12.2f"), f"{1e10j:e}", "%s" % (1+2j), str(-1j))
for bad in ["1+", "j2", "", "1 + 2j", "(1"]:
    try: complex(bad)
    except ValueError as e: print(e)
try: 1j / 0
except ZeroDivisionError as e: print(e)
try: 0j ** -1
except ZeroDivisionError as e: print(e)
try: int(1j)
except TypeError as e: print(e)
try: 1j % 2
except TypeError as e: print(e)
try: complex("1", 2)
except TypeError as e: print(e)
import math
try: math.sqrt(1j)
except TypeError as e: print(e)
print((-8) ** (1/3), (-1) ** 0.5, sum([1j, 2, 3.5]), round(abs(3+4j)))
