# String building, formatting, joining, splitting and searching.
def build(n):
    parts = []
    for i in range(n):
        parts.append("item%d:%s" % (i, str(i * 7)[::-1]))
    return ",".join(parts)


def process(text):
    fields = text.split(",")
    total = 0
    upper = 0
    for f in fields:
        name, _, value = f.partition(":")
        total += int(value)
        if name.endswith("7"):
            upper += len(name.upper())
    return len(fields), total, upper


def words(n):
    s = ""
    for i in range(n):
        s += "w" + str(i % 97) + " "
    ws = s.split()
    return len(ws), ws.count("w13"), s.find("w96 w0"), s.replace("w1", "x").count("x")


for _ in range(6):
    text = build(100000)
    result = len(text), process(text)
print(result)
print(words(200000))
