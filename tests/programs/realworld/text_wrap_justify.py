# Text layout: greedy wrapping, full justification, centered titles, a boxed table.
TEXT = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. "
        "How vexingly quick daft zebras jump! Sphinx of black quartz, judge my vow.")
def wrap(text, width):
    lines, cur = [], []
    for w in text.split():
        if cur and len(" ".join(cur + [w])) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines
def justify(words, width):
    if len(words) == 1:
        return words[0]
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for width in (30, 42):
    print(f"[{'width ' + str(width):^{width}}]")
    ls = wrap(TEXT, width)
    for i, words in enumerate(ls):
        line = " ".join(words) if i == len(ls) - 1 else justify(words, width)
        print(f"|{line:<{width}}|")
rows = [("name", "qty", "price"), ("apple", 3, 0.5), ("watermelon", 1, 3.25), ("fig", 12, 0.2)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(sep)
for n, r in enumerate(rows):
    print("| " + " | ".join(str(v).ljust(w) if isinstance(v, str) else str(v).rjust(w) for v, w in zip(r, widths)) + " |")
    if n == 0:
        print(sep)
print(sep)
