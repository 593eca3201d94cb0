# f-string edge cases: nested quotes, expressions, conversions with specs, dict access.
d = {"key": "value", "n": 3}
items = [1, 2, 3]
print(f"{d['key']}", f'{d["n"] * 2}', f"{items[-1]}", f"{len(items)=}", f"{items[1:]!r:>12}")
print(f"{3.14159:{'.'}{2}f}", f"{'abc':{'>'}{6}}", f"{12:{'0'}{5}}")
width = 8
for v in (1, 22, 333):
    print(f"|{v:^{width}}|{v:<{width // 2}}|{v!s:>{width}}|")
print(f"{'a' if items else 'b'}", f"{[x for x in items if x > 1]}", f"{ {1: 2}[1] }")
print(f"{None!r}", f"{True:d}", f"{3 + 4j}", f"{'tab':\t>6}" if False else f"{'x':>3}")
val = 1234.5
print(f"{val:,.1f}", f"{val:_.2f}", f"{val:+012.3f}", f"{val:e}", f"{-val:g}", f"{val:.0f}")
print(f"{ 'spaces' }", f"{'{}'}", f"{{{1}}}", f"{{}}", f"{'%d' % 5}")
name = "x"
print(f"{name!r:*^9}", f"{name=:>5}", f"{ name = }")
