# re: match, search, findall, sub, groups, flags, split.
import re
print(re.match(r"\d+", "123abc").group(), re.match(r"\d+", "abc"), re.search(r"[a-z]+", "123abc456").group())
m = re.search(r"(?P<user>\w+)@(?P<host>[\w.]+)", "mail: bob@example.com!")
print(m.group(0), m.group(1), m.group("host"), m.groups(), m.groupdict(), m.span(), m.start(2))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), list(m.group() for m in re.finditer(r"o", "foo boo")))
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+)=(\w+)", r"\2=\1", "x=1 y=2"), re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b4"))
print(re.subn("a", "A", "banana"), re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"(-)", "1-2-3"))
print(re.fullmatch(r"[0-9a-f]+", "deadbeef") is not None, re.fullmatch(r"[0-9a-f]+", "xyz"))
p = re.compile(r"^(\w+):\s*(.*)$", re.MULTILINE)
print(p.findall("key: value\nother:  thing\nnot a pair"))
print(re.findall(r"hello", "Hello HELLO hello", re.IGNORECASE), re.escape("a.b*c"))
print(re.match(r"(a)(b)?", "a").groups(), re.search(r"a.c", "a\nc", re.DOTALL).group() == "a\nc")
print(bool(re.match(r"^\d{3}-\d{4}$", "555-1234")), re.findall(r"\b\w{4}\b", "this is some text with four char words"))
