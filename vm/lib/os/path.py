"""os.path for POSIX: CPython's posixpath algorithms over str and bytes paths."""

from _os import stat as _stat, lstat as _lstat, getcwd as _getcwd, fspath as _fspath

__all__ = ['join', 'split', 'splitext', 'basename', 'dirname', 'exists', 'isfile',
           'isdir', 'islink', 'isabs', 'abspath', 'normpath', 'expanduser', 'getsize',
           'getmtime', 'getatime', 'getctime', 'realpath', 'relpath', 'commonprefix',
           'commonpath', 'samefile', 'splitdrive', 'normcase', 'lexists', 'sep',
           'curdir', 'pardir', 'extsep', 'altsep', 'pathsep', 'defpath', 'devnull',
           'supports_unicode_filenames', 'expandvars']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _sep(p):
    return b'/' if isinstance(p, bytes) else '/'


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    a = _fspath(a)
    sep = _sep(a)
    path = a
    if not p:
        path[:0] + sep
    for b in map(_fspath, p):
        if isinstance(b, bytes) != isinstance(a, bytes):
            raise TypeError("Can't mix strings and bytes in path components") from None
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    p = _fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        sep, extsep = b'/', b'.'
    else:
        sep, extsep = '/', '.'
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != extsep:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    i = p.rfind(_sep(p)) + 1
    return p[i:]


def dirname(p):
    p = _fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def exists(path):
    try:
        _stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        _lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    try:
        st = _stat(path)
    except (OSError, ValueError):
        return False
    return st[0] & 0o170000 == 0o100000


def isdir(s):
    try:
        st = _stat(s)
    except (OSError, ValueError):
        return False
    return st[0] & 0o170000 == 0o040000


def islink(path):
    try:
        st = _lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return st[0] & 0o170000 == 0o120000


def getsize(filename):
    return _stat(filename)[6]


def getatime(filename):
    return _stat(filename)[7]


def getmtime(filename):
    return _stat(filename)[8]


def getctime(filename):
    return _stat(filename)[9]


def samefile(f1, f2):
    s1 = _stat(f1)
    s2 = _stat(f2)
    return s1[1] == s2[1] and s1[2] == s2[2]


def expanduser(path):
    path = _fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        # ~user: only the current user's home is known without a password database.
        return path
    from _os import environ
    if 'HOME' not in environ:
        return path
    userhome = environ['HOME']
    if isinstance(path, bytes):
        userhome = userhome.encode()
    userhome = userhome.rstrip(sep)
    return (userhome + path[i:]) or sep


def expandvars(path):
    path = _fspath(path)
    if '$' not in path:
        return path
    from _os import environ
    import re
    def repl(m):
        name = m.group(1) or m.group(2)
        if name in environ:
            return environ[name]
        return m.group(0)
    return re.sub(r'\$(\w+)|\$\{([^}]*)\}', repl, path)


def normpath(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    initial_slashes = path.startswith(sep)
    if (initial_slashes and path.startswith(sep * 2)
            and not path.startswith(sep * 3)):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = sep.join(comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        if isinstance(path, bytes):
            cwd = _getcwd().encode()
        else:
            cwd = _getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    # Symbolic links are not resolved component by component: abspath is what a
    # program without links sees.
    return abspath(filename)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if start is None:
        start = '.'
    start = _fspath(start)
    sep = _sep(path)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = ['..'] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return '.'
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    sep = '/'
    split_paths = [path.split(sep) for path in paths]
    try:
        isabs, = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != '.'] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs else sep[:0]
    return prefix + sep.join(common)
