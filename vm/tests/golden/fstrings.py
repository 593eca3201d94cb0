name = "x"
width = 10
print(f"{name!r:>{width}} {name=} {name!s} {name!a} {3.14159:.2f} {{literal}}")
print(f"plain" "concat {name}")
print(f"{width:{'<' if width else '>'}{width}}")
