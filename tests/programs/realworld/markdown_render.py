# A tiny markdown-to-HTML converter: headings, lists, emphasis, code, links, paragraphs.
DOC = """# Title

Some *emphasis* and **strong** text with `code`.
A [link](http://example.com) here.

## List

- first item
- second *item*
- third

1. one
2. two

Final paragraph."""
def inline(s):
    out, i = [], 0
    while i < len(s):
        if s.startswith("**", i):
            j = s.index("**", i + 2)
            out.append("<strong>" + s[i + 2:j] + "</strong>")
            i = j + 2
        elif s[i] == "*":
            j = s.index("*", i + 1)
            out.append("<em>" + s[i + 1:j] + "</em>")
            i = j + 1
        elif s[i] == "`":
            j = s.index("`", i + 1)
            out.append("<code>" + s[i + 1:j] + "</code>")
            i = j + 1
        elif s[i] == "[":
            j = s.index("](", i)
            k = s.index(")", j)
            out.append(f'<a href="{s[j + 2:k]}">{s[i + 1:j]}</a>')
            i = k + 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)
def render(doc):
    html, para, lst = [], [], None
    def flush():
        nonlocal lst
        if para:
            html.append("<p>" + inline(" ".join(para)) + "</p>")
            para.clear()
        if lst:
            html.append(f"</{lst}>")
            lst = None
    for line in doc.splitlines():
        if not line.strip():
            flush()
        elif line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            html.append(f"<h{level}>{inline(line[level:].strip())}</h{level}>")
        elif line.startswith("- ") or line[:1].isdigit() and ". " in line:
            kind = "ul" if line.startswith("- ") else "ol"
            if lst != kind:
                flush()
                html.append(f"<{kind}>")
                lst = kind
            html.append("  <li>" + inline(line.split(" ", 1)[1]) + "</li>")
        else:
            para.append(line)
    flush()
    return "\n".join(html)
print(render(DOC))
