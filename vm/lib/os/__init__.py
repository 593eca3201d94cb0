"""os: operating-system interfaces over the native `_os` (POSIX only)."""

import _os
import abc as _abc
from _os import (getcwd, chdir, listdir, remove, rename, rmdir, getpid, cpu_count,
                 fspath, strerror, urandom)
from . import path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

error = OSError
unlink = remove
replace = rename

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


class _Environ:
    """os.environ: a mapping of str to str, checked on assignment as CPython's."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v

    def clear(self):
        self._data.clear()

    def __repr__(self):
        return 'environ({%s})' % ', '.join(
            '%r: %r' % (k, v) for k, v in self._data.items())


environ = _Environ(_os.environ)


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @_abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


class stat_result:
    """The result of os.stat: fields by name and by index, as CPython's."""

    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
               'st_size', 'st_atime', 'st_mtime', 'st_ctime')

    def __init__(self, t):
        self._t = tuple(t)

    st_mode = property(lambda self: self._t[0])
    st_ino = property(lambda self: self._t[1])
    st_dev = property(lambda self: self._t[2])
    st_nlink = property(lambda self: self._t[3])
    st_uid = property(lambda self: self._t[4])
    st_gid = property(lambda self: self._t[5])
    st_size = property(lambda self: self._t[6])
    st_atime = property(lambda self: self._t[7])
    st_mtime = property(lambda self: self._t[8])
    st_ctime = property(lambda self: self._t[9])
    st_atime_ns = property(lambda self: int(self._t[7] * 1e9))
    st_mtime_ns = property(lambda self: int(self._t[8] * 1e9))
    st_ctime_ns = property(lambda self: int(self._t[9] * 1e9))

    def __getitem__(self, i):
        # CPython's integer fields at indexes 7-9 are whole seconds.
        t = self._t[:7] + tuple(int(x) for x in self._t[7:])
        return t[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self[:])

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._t == other._t
        return NotImplemented

    def __repr__(self):
        t = self[:]
        return 'os.stat_result(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._fields, t)) + ')'


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if follow_symlinks:
        return stat_result(_os.stat(path))
    return stat_result(_os.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_os.lstat(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _os.mkdir(path, mode)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def access(path_, mode):
    # Existence is known; permission bits are checked against the owner's.
    try:
        st = _os.stat(path_)
    except OSError:
        return False
    if mode == F_OK:
        return True
    m = st[0]
    ok = True
    if mode & R_OK:
        ok = ok and bool(m & 0o444)
    if mode & W_OK:
        ok = ok and bool(m & 0o222)
    if mode & X_OK:
        ok = ok and bool(m & 0o111)
    return ok


class DirEntry:
    """One entry of os.scandir: name, path, is_file(), is_dir(), stat()."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None

    def _st(self, follow):
        if follow:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        return lstat(self.path)

    def is_dir(self, *, follow_symlinks=True):
        try:
            return self._st(follow_symlinks).st_mode & 0o170000 == 0o040000
        except OSError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return self._st(follow_symlinks).st_mode & 0o170000 == 0o100000
        except OSError:
            return False

    def is_symlink(self):
        return path.islink(self.path)

    def stat(self, *, follow_symlinks=True):
        return self._st(follow_symlinks)

    def inode(self):
        return lstat(self.path).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)


class _ScandirIterator:
    def __init__(self, p):
        self._path = p
        self._it = iter([DirEntry(p, n) for n in listdir(p)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        self._it = iter(())


def scandir(path='.'):
    if path is None:
        path = '.'
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    walk_dirs = []
    for entry in entries:
        is_dir = entry.is_dir()
        if is_dir:
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
        if not topdown and is_dir:
            if followlinks or not entry.is_symlink():
                walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = path.join(top, dirname)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs
