# format() over a matrix of values and specs; errors reported by type.
values = [0, 7, -42, 123456789, 2 ** 64, 0.0, -0.0, 3.14159, -2.5e-5, 1e21, float("inf"), "txt", True]
specs = ["", "d", "x", "o", "b", "c", "e", "f", "g", "%", "n", "10", "<8", "^9", ">+7", "=10",
         "08.3f", ",", "_", ".2", ".0f", "#x", "#o", "#b", " d", "+.1e", "s", "*^12", ".3g", "#.0f"]
for v in values:
    out = []
    for spec in specs:
        try:
            out.append(format(v, spec))
        except (ValueError, TypeError, OverflowError) as e:
            out.append(type(e).__name__)
    print(repr(v), out)
