# Literal forms.
print(0x_ff, 0o777, 0b1010_1010, 1_000_000, 0xDEADBEEF)
print(1e3, 1E-3, 1.5e+2, .5, 5., 0e0, 1_0.0_1)
print(00, 0_0, 123_456_789_012_345_678_901)
print(3.0e10, 12e-10, 1.0e-7, 1.0e-6)
print(type(1e3).__name__, type(10).__name__, type(0x10).__name__)
print(-0x10, -0b1, +0o10)
print(2j * 2j == -4, (1 + 2j).real, (3 - 4j).imag, abs(3 + 4j))
print(1_2.3_4e1_0)
