# A CSV reader/writer with quoting, embedded commas, quotes and newlines (no csv module).
def parse_csv(text):
    rows, row, field, i, quoted = [], [], [], 0, False
    while i < len(text):
        c = text[i]
        if quoted:
            if c == '"':
                if i + 1 < len(text) and text[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                field.append(c)
        elif c == '"':
            quoted = True
        elif c == ",":
            row.append("".join(field))
            field = []
        elif c == "\n":
            row.append("".join(field))
            rows.append(row)
            row, field = [], []
        else:
            field.append(c)
        i += 1
    if field or row:
        row.append("".join(field))
        rows.append(row)
    return rows
def quote(v):
    s = str(v)
    if any(c in s for c in ',"\n'):
        return '"' + s.replace('"', '""') + '"'
    return s
def write_csv(rows):
    return "\n".join(",".join(quote(v) for v in r) for r in rows)
data = [["id", "name", "note"], [1, "Smith, John", 'says "hi"'], [2, "Ann", "multi\nline"], [3, "", "plain"]]
text = write_csv(data)
print(text)
back = parse_csv(text)
print(back)
print(back[1:] == [[str(c) for c in r] for r in data[1:]])
widths = [max(len(r[i].replace("\n", "\\n")) for r in back) for i in range(3)]
for r in back:
    print(" | ".join(c.replace("\n", "\\n").ljust(w) for c, w in zip(r, widths)))
