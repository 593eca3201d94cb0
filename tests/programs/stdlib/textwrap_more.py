# textwrap: hyphen/em-dash chunking, long words, max_lines placeholder, dedent/indent.
import textwrap
s = "The quick brown fox jumps over the lazy dog and keeps running far away. A well-known hyphen-ated word--with dashes."
for w in (10, 15, 20, 33):
    print(textwrap.wrap(s, w))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.shorten(s, 40), textwrap.shorten(s, 40, placeholder='...'))
print(textwrap.wrap(s, 30, max_lines=2))
print(repr(textwrap.dedent("  a\n    b\n  \n  c\n")), repr(textwrap.dedent("\ta\n  b")))
print(textwrap.fill("Hello.  World.\tTabs here", 12, fix_sentence_endings=True))
print(textwrap.indent("a\n\nb\n", "+ ", lambda l: True))
