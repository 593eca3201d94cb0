"""Regular expressions with CPython's API, on the native `_re` engine (fancy-regex).

Differences from CPython's engine are listed in ARCHITECTURE.md (section "re").
"""

import _re

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "escape", "error", "Pattern", "Match",
           "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]

NOFLAG = 0
TEMPLATE = T = 1
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
DEBUG = 128
ASCII = A = 256

_FLAG_NAMES = [(TEMPLATE, "TEMPLATE"), (IGNORECASE, "IGNORECASE"), (LOCALE, "LOCALE"),
               (MULTILINE, "MULTILINE"), (DOTALL, "DOTALL"), (UNICODE, "UNICODE"),
               (VERBOSE, "VERBOSE"), (DEBUG, "DEBUG"), (ASCII, "ASCII")]


class RegexFlag:
    """Namespace of the flag values (plain ints in stmpy; CPython uses an IntFlag)."""
    NOFLAG = 0
    TEMPLATE = T = 1
    IGNORECASE = I = 2
    LOCALE = L = 4
    MULTILINE = M = 8
    DOTALL = S = 16
    UNICODE = U = 32
    VERBOSE = X = 64
    DEBUG = 128
    ASCII = A = 256


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        Exception.__init__(self, msg)


error.__module__ = "re"
PatternError = error


def _flags_repr(flags):
    names = []
    for bit, name in _FLAG_NAMES:
        if flags & bit:
            names.append("re." + name)
            flags &= ~bit
    if flags:
        names.append(hex(flags))
    return "|".join(names)


class Match:
    """The result of a successful match."""

    __slots__ = ("re", "string", "pos", "endpos", "_spans")

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if e >= 0 and e >= best_end:
                # CPython: the group that closed last (outermost on ties).
                if e > best_end or best is None:
                    best, best_end = i, e
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        for name, j in self.re.groupindex.items():
            if j == i:
                return name
        return None

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand_template(self.re, template)(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())


class Pattern:
    """A compiled regular expression."""

    __slots__ = ("pattern", "flags", "groups", "groupindex", "_prog")

    def __init__(self, pattern, flags):
        if isinstance(pattern, bytes):
            raise TypeError("stmpy's re supports str patterns only")
        self.pattern = pattern
        try:
            prog, groups, names = _re.compile(pattern, flags)
        except ValueError as e:
            raise error(str(e), pattern) from None
        self._prog = prog
        self.groups = groups
        self.groupindex = dict(names)
        if not flags & ASCII:
            flags |= UNICODE
        self.flags = flags

    def _check(self, string):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__)

    def _run(self, string, pos, endpos, mode):
        self._check(string)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        spans = _re.search(self._prog, string, pos, endpos, mode, self.groups)
        if spans is None:
            return None
        return Match(self, string, max(0, min(pos, n)), max(0, endpos), spans)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def _all(self, string, pos=0, endpos=None):
        self._check(string)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        return _re.find_all(self._prog, string, pos, endpos, self.groups)

    def finditer(self, string, pos=0, endpos=None):
        n = len(string) if isinstance(string, str) else 0
        e = n if endpos is None or endpos > n else max(0, endpos)
        p = max(0, min(pos, n))
        for spans in self._all(string, pos, endpos):
            yield Match(self, string, p, e, spans)

    def findall(self, string, pos=0, endpos=None):
        out = []
        g = self.groups
        for spans in self._all(string, pos, endpos):
            if g == 0:
                out.append(string[spans[0]:spans[1]])
            elif g == 1:
                out.append(string[spans[2]:spans[3]] if spans[2] >= 0 else "")
            else:
                out.append(tuple(string[spans[2 * i]:spans[2 * i + 1]]
                                 if spans[2 * i] >= 0 else ""
                                 for i in range(1, g + 1)))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        count = 0
        for spans in self._all(string):
            if maxsplit and count >= maxsplit:
                break
            out.append(string[last:spans[0]])
            for i in range(1, self.groups + 1):
                s = spans[2 * i]
                out.append(string[s:spans[2 * i + 1]] if s >= 0 else None)
            last = spans[1]
            count += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fn = repl
        else:
            if not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            fn = _expand_template(self, repl) if "\\" in repl else None
        out = []
        last = 0
        n = 0
        for spans in self._all(string):
            if count and n >= count:
                break
            out.append(string[last:spans[0]])
            if fn is None:
                out.append(repl)
            else:
                r = fn(Match(self, string, 0, len(string), spans))
                if r is not None:
                    if not isinstance(r, str):
                        raise TypeError("expected str instance, %s found"
                                        % type(r).__name__)
                    out.append(r)
            last = spans[1]
            n += 1
        out.append(string[last:])
        return "".join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = self.flags & ~UNICODE
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if flags:
            return "re.compile(%s, %s)" % (p, _flags_repr(flags))
        return "re.compile(%s)" % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}


def _expand_template(pattern, template):
    """Parses a replacement template into literal pieces and group references; returns a
    function of a Match."""
    pieces = []
    lit = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", template, i - 1)
        c = template[i]
        if c == "g":
            if i + 1 >= n or template[i + 1] != "<":
                raise error("missing <", template, i + 1)
            close = template.find(">", i + 2)
            if close < 0:
                raise error("missing >, unterminated name", template, i + 2)
            name = template[i + 2:close]
            if not name:
                raise error("missing group name", template, i + 2)
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, template, i + 2)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, template, i + 2)
            pieces.append("".join(lit))
            lit = []
            pieces.append(index)
            i = close + 1
        elif c == "0":
            j = i + 1
            while j < n and j < i + 3 and template[j] in "01234567":
                j += 1
            lit.append(chr(int(template[i:j], 8)))
            i = j
        elif c.isdigit():
            j = i + 1
            if j < n and template[j].isdigit():
                if (c in "01234567" and template[j] in "01234567" and j + 1 < n
                        and template[j + 1] in "01234567"):
                    lit.append(chr(int(template[i:j + 2], 8)))
                    i = j + 2
                    continue
                j += 1
            index = int(template[i:j])
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, template, i - 1)
            pieces.append("".join(lit))
            lit = []
            pieces.append(index)
            i = j
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
            i += 1
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, template, i - 1)
        else:
            lit.append("\\" + c)
            i += 1
    pieces.append("".join(lit))

    def expand(m):
        out = []
        for p in pieces:
            if isinstance(p, int):
                g = m.group(p)
                if g is not None:
                    out.append(g)
            else:
                out.append(p)
        return "".join(out)
    return expand


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = 0
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        if isinstance(pattern, bytes):
            raise TypeError("stmpy's re supports str patterns only")
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


_special_chars = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _special_chars else c for c in pattern)
    raise TypeError("stmpy's re supports str patterns only")
