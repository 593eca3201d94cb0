# textwrap: wrap, fill, dedent, indent, shorten.
import textwrap
s = "The quick brown fox jumps over the lazy dog and keeps running far away."
print(textwrap.wrap(s, 20))
print(textwrap.fill(s, 30))
print(textwrap.dedent("""\
    indented
      more
    back"""))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.shorten(s, width=30), textwrap.shorten("short", 10))
print(textwrap.fill(s, 25, initial_indent="* ", subsequent_indent="  "))
