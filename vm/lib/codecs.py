"""codecs: lookup of the text encodings and the functional encode/decode interface.

The codecs themselves are the interpreter's (what str.encode and bytes.decode use:
UTF-8, UTF-16, UTF-32, ASCII, Latin-1); this module gives them CPython's `codecs` API.
Stream readers and writers are not provided.
"""

import builtins
import sys

__all__ = ['register', 'lookup', 'open', 'encode', 'decode', 'CodecInfo',
           'BOM', 'BOM_BE', 'BOM_LE', 'BOM32_BE', 'BOM32_LE', 'BOM64_BE', 'BOM64_LE',
           'BOM_UTF8', 'BOM_UTF16', 'BOM_UTF16_LE', 'BOM_UTF16_BE', 'BOM_UTF32',
           'BOM_UTF32_LE', 'BOM_UTF32_BE', 'getencoder', 'getdecoder',
           'register_error', 'lookup_error', 'strict_errors', 'ignore_errors',
           'replace_errors', 'backslashreplace_errors', 'xmlcharrefreplace_errors',
           'utf_8_encode', 'utf_8_decode', 'escape_decode', 'escape_encode',
           'latin_1_encode', 'latin_1_decode', 'ascii_encode', 'ascii_decode']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE if sys.byteorder == 'little' else BOM_UTF16_BE
BOM_UTF32 = BOM_UTF32_LE if sys.byteorder == 'little' else BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

_search_functions = []
_cache = {}
_error_handlers = {}


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


def _normalize(encoding):
    return encoding.strip().lower().replace('_', '-').replace(' ', '-')


# The interpreter's codecs by canonical name, and their aliases.
_BUILTIN = {
    'utf-8': ('utf-8', 'utf8', 'u8', 'utf', 'cp65001', 'locale'),
    'utf-8-sig': ('utf-8-sig', 'utf8-sig'),
    'utf-16': ('utf-16', 'utf16', 'u16'),
    'utf-16-le': ('utf-16-le', 'utf-16le'),
    'utf-16-be': ('utf-16-be', 'utf-16be'),
    'utf-32': ('utf-32', 'utf32', 'u32'),
    'utf-32-le': ('utf-32-le', 'utf-32le'),
    'utf-32-be': ('utf-32-be', 'utf-32be'),
    'ascii': ('ascii', 'us-ascii', '646', 'us'),
    'iso8859-1': ('latin-1', 'latin1', 'latin', 'l1', 'iso-8859-1', 'iso8859-1', '8859',
                  'cp819', 'iso-ir-100'),
}
_ALIASES = {alias: name for name, aliases in _BUILTIN.items() for alias in aliases}


def _builtin_codec(name):
    # str.encode/bytes.decode know the name under all its aliases.
    spelled = 'latin-1' if name == 'iso8859-1' else name

    def encode(input, errors='strict'):
        return input.encode(spelled, errors), len(input)

    def decode(input, errors='strict'):
        data = bytes(input)
        return data.decode(spelled, errors), len(data)

    return CodecInfo(encode, decode, name=name)


def register(search_function):
    """Register a codec search function."""
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def unregister(search_function):
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns a CodecInfo
    object."""
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    info = None
    if key in _ALIASES:
        info = _builtin_codec(_ALIASES[key])
    else:
        for search in _search_functions:
            info = search(key.replace('-', '_'))
            if info is not None:
                break
    if info is None:
        raise LookupError(f'unknown encoding: {encoding}')
    _cache[key] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open an encoded file (a text file when an encoding is given)."""
    if encoding is not None and 'b' not in mode:
        return builtins.open(filename, mode, buffering, encoding, errors)
    if encoding is not None:
        mode = mode.replace('b', '')
        return builtins.open(filename, mode, buffering, encoding, errors)
    return builtins.open(filename, mode, buffering)


def register_error(name, error_handler):
    """Register the specified error handler under the name."""
    if not callable(error_handler):
        raise TypeError('handler must be callable')
    _error_handlers[name] = error_handler


def lookup_error(name):
    """lookup_error(errors) -> handler"""
    if name in _error_handlers:
        return _error_handlers[name]
    builtin = {'strict': strict_errors, 'ignore': ignore_errors,
               'replace': replace_errors, 'backslashreplace': backslashreplace_errors,
               'xmlcharrefreplace': xmlcharrefreplace_errors}
    if name in builtin:
        return builtin[name]
    raise LookupError(f'unknown error handler name {name!r}')


def strict_errors(exc):
    raise exc


def ignore_errors(exc):
    return ('', exc.end)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    return ('\ufffd', exc.end)


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    out = []
    for c in exc.object[exc.start:exc.end]:
        n = ord(c)
        out.append('\\x%02x' % n if n <= 0xff else
                   '\\u%04x' % n if n <= 0xffff else '\\U%08x' % n)
    return (''.join(out), exc.end)


def xmlcharrefreplace_errors(exc):
    return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)


def utf_8_encode(s, errors='strict'):
    return s.encode('utf-8', errors), len(s)


def utf_8_decode(b, errors='strict', final=False):
    return bytes(b).decode('utf-8', errors), len(b)


def latin_1_encode(s, errors='strict'):
    return s.encode('latin-1', errors), len(s)


def latin_1_decode(b, errors='strict'):
    return bytes(b).decode('latin-1', errors), len(b)


def ascii_encode(s, errors='strict'):
    return s.encode('ascii', errors), len(s)


def ascii_decode(b, errors='strict'):
    return bytes(b).decode('ascii', errors), len(b)


_SIMPLE_ESCAPES = {'\\': '\\', "'": "'", '"': '"', 'a': '\a', 'b': '\b', 'f': '\f',
                   'n': '\n', 'r': '\r', 't': '\t', 'v': '\v'}


def escape_decode(data, errors=None):
    """Decodes the backslash escapes of a bytes literal: (bytes, consumed)."""
    if isinstance(data, str):
        data = data.encode('latin-1')
    data = bytes(data)
    s = data.decode('latin-1')
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != '\\' or i + 1 == n:
            if c == '\\':
                raise ValueError('Trailing \\ in string')
            out.append(c)
            i += 1
            continue
        e = s[i + 1]
        i += 2
        if e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
        elif e == '\n':
            pass
        elif e in '01234567':
            digits = e
            while i < n and len(digits) < 3 and s[i] in '01234567':
                digits += s[i]
                i += 1
            out.append(chr(int(digits, 8) & 0xff))
        elif e == 'x':
            h = s[i:i + 2]
            if len(h) < 2 or any(ch not in '0123456789abcdefABCDEF' for ch in h):
                raise ValueError('invalid \\x escape at position %d' % (i - 2))
            out.append(chr(int(h, 16)))
            i += 2
        else:
            out.append('\\' + e)
    return ''.join(out).encode('latin-1'), len(data)


def escape_encode(data, errors=None):
    """Escapes a bytes object as in a bytes literal: (bytes, consumed)."""
    r = repr(bytes(data))[2:-1]
    return r.encode('latin-1'), len(data)
