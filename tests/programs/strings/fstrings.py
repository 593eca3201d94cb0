# f-strings with format specs, conversions, nesting, debugging =.
x, y = 3.14159, 42
name = "World"
print(f"Hello, {name}!", f"{x:.2f}", f"{y:5d}|", f"{y:<5}|", f"{y:^7}|", f"{y:>+6}|")
print(f"{y:08b}", f"{y:#x}", f"{y:#o}", f"{y:X}", f"{255:#010x}")
print(f"{x:10.3f}|", f"{x:<10.1e}|", f"{x:g}", f"{1e20:g}", f"{1234.5:,.2f}", f"{0.25:%}", f"{0.256:.1%}")
print(f"{name!r}", f"{name!s}", f"{'é'!a}", f"{name:*^11}", f"{name:.3}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|", f"{'{'}{y}{'}'}", f"{{literal}}", f"{y * 2 + 1}")
print(f"{[1, 2, 3]}", f"{ {'a': 1} }", f"{(lambda v: v * 2)(4)}")
print(f"{y=}", f"{x = :.1f}", f"{name=!s}")
print(f"{-0.0:+.1f}", f"{1e-7}", f"{123456789:_}", f"{-12:05}", f"{12:=+6}")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for n, price, q in items:
    print(f"{n:<8}|{price:>6.2f}|{q:>4}|{price * q:8.3f}")
print(f"{'nested ' + f'{y:03}'}", f"{3 > 2}", f"{None}")
print(f"""multi
{y}""")
print(f"{1_000_000:,}", f"{-1234567.891:,.1f}", f"{12:e}", f"{0:.0e}")
