import re
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(a)|b", "ab"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c"), re.split(r",", "a,b,c", maxsplit=1))
print(re.split(r"x*", "axbc"), re.sub(r"x*", "-", "abxd"), re.findall(r"", "ab"))
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "date: 2024-05-17")
print(m, m.group(), m.group(1), m.group("month"), m.groups(), m.groupdict(), m.span(), m.start(2), m.end("year"))
print(m[0], m["year"], m.lastindex, m.lastgroup, m.re.pattern, m.string, m.pos, m.endpos)
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"(?P<a>\d)", r"<\g<a>\g<1>>", "a1b2"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"), re.subn(r"o", "0", "foo boo"))
print(re.match(r"abc", "xabc"), re.match(r"x?abc", "xabc").span(), re.fullmatch(r"a+", "aaa"), re.fullmatch(r"a+", "aab"))
p = re.compile(r"^\s*(\w+)\s*=\s*(.*?)\s*$", re.M)
print(p.findall("a = 1\n  b= two \nc=3"), p)
print(re.compile("a.c", re.S | re.I), re.findall("a.c", "A\nC", re.S | re.I), re.findall("^b", "a\nb", re.M))
v = re.compile(r"""
    (\d+)   # number
    \s*     # space
    ([a-z]+)  # unit [ ]
""", re.VERBOSE)
print(v.findall("10 kg, 5m"))
print(re.escape("a.b*c"), re.findall(r"(a)(?=b)", "ab ac"), re.findall(r"(?<=@)\w+", "x@y z@w"))
print(re.search(r"(\w)\1", "abccd").group(), re.search(r"(?P<c>\w)(?P=c)", "xyzzy").span())
print(re.findall(r"a$", "a\na\n"), re.search(r"a\Z", "a\n"), re.findall(r"é+", "ééaé"), re.search(r"b", "ééb").span())
print(list(re.finditer(r"\w+", "hi there")), re.compile(r"(a)(b)?").match("a").groups(), re.compile(r"(a)(b)?").match("a").groups("-"))
print(re.findall(r"[\w.]+@[\w.]+", "mail a.b@c.org or x@y.z"), re.findall(r"[^\s]+", " a b "), re.findall(r"[]a]", "]a"))
for bad in [r"(", r"a)", r"\q", r"[a", r"(?P<1a>x)", r"a{2,1}", r"*a"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("error:", type(e).__name__, bad)
print(re.findall(r"x{,2}", "xxx"), re.findall(r"a{", "a{"), re.findall(r"\bfoo\b", "foo foobar"))
print(re.sub(r"\s+", " ", "a  b\t\nc"), re.findall(r"(?i)HELLO", "hello HeLLo"), re.sub("a", r"\n", "bab"))
print(re.search(r"\d+", "abc123def", ).group(), re.compile(r"\d").search("a1b2", 2).span(), re.compile(r"\d").match("a1b2", 1))
print(re.findall(r"\d+", "12 34", 0), re.split(r"\b", "a b"), re.findall(r"(?:ab)+", "ababx ab"))
