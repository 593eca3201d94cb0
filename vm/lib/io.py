"""io: open, StringIO, BytesIO, UnsupportedOperation (CPython 3.11 behaviour).

Files come from the native `_io` module; StringIO and BytesIO are in-memory streams
written here: a StringIO keeps its text as a list of characters, a BytesIO a bytearray.
"""

from _io import open, UnsupportedOperation, TextIOWrapper, BufferedReader, BufferedWriter

__all__ = ['open', 'open_code', 'text_encoding', 'StringIO', 'BytesIO', 'UnsupportedOperation', 'IOBase', 'TextIOBase',
           'BufferedIOBase', 'RawIOBase', 'TextIOWrapper', 'BufferedReader',
           'BufferedWriter', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE']

def open_code(path):
    """Opens `path` for reading as bytes (what the import system reads)."""
    return open(path, 'rb')


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


def text_encoding(encoding, stacklevel=2):
    """The encoding a text file opened with `encoding` uses: "locale" (here UTF-8) when
    None is given."""
    if encoding is None:
        return "locale"
    return encoding


class IOBase:
    """The common stream protocol: context manager, iteration, closed state."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class StringIO(TextIOBase):
    """An in-memory text stream."""

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._newline = newline
        self._chars = list(self._translate(initial_value))
        self._pos = 0

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def getvalue(self):
        self._check_open()
        return ''.join(self._chars)

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        s = self._translate(s)
        n = len(s)
        end = self._pos + n
        chars = self._chars
        if self._pos > len(chars):
            chars.extend('\0' * (self._pos - len(chars)))
        chars[self._pos:end] = list(s)
        self._pos = end
        return n

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._chars)
        else:
            end = min(self._pos + size, len(self._chars))
        s = ''.join(self._chars[self._pos:end])
        self._pos = max(self._pos, end)
        return s

    def readline(self, size=-1):
        self._check_open()
        chars = self._chars
        i = self._pos
        n = len(chars)
        limit = n if size is None or size < 0 else min(n, self._pos + size)
        while i < limit:
            c = chars[i]
            i += 1
            if c == '\n':
                break
            if c == '\r' and self._newline == '':
                if i < limit and chars[i] == '\n':
                    i += 1
                break
        s = ''.join(chars[self._pos:i])
        self._pos = i
        return s

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._chars)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        del self._chars[size:]
        return size

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)


class BytesIO(BufferedIOBase):
    """An in-memory bytes stream."""

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._buf = bytearray(initial_bytes)
        self._pos = 0

    def getvalue(self):
        self._check_open()
        return bytes(self._buf)

    def getbuffer(self):
        self._check_open()
        return self._buf

    def write(self, b):
        self._check_open()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        end = self._pos + len(data)
        if self._pos > len(self._buf):
            self._buf.extend(b'\0' * (self._pos - len(self._buf)))
        self._buf[self._pos:end] = data
        self._pos = end
        return len(data)

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(self._pos + size, len(self._buf))
        data = bytes(self._buf[self._pos:end])
        self._pos = max(self._pos, end)
        return data

    read1 = read

    def readinto(self, b):
        """Reads up to len(b) bytes into the writable buffer b; returns the count."""
        self._check_open()
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    readinto1 = readinto

    def readline(self, size=-1):
        self._check_open()
        buf = self._buf
        n = len(buf)
        limit = n if size is None or size < 0 else min(n, self._pos + size)
        i = self._pos
        while i < limit:
            i += 1
            if buf[i - 1] == 10:
                break
        data = bytes(buf[self._pos:i])
        self._pos = i
        return data

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        del self._buf[size:]
        return size

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)
