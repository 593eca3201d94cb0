"""CSV parsing and writing.

This module provides classes that assist in the reading and writing
of Comma Separated Value (CSV) files, and implements the interface
described by PEP 305.  Although many CSV files are simple to parse,
the format is not formally defined by a stable specification and
is subtle enough that parsing lines of a CSV file with something
like line.split(",") is bound to fail.  The module supports three
basic APIs: reading, writing, and registration of dialects.
"""
# stmpy: a Python port of CPython 3.11's Modules/_csv.c (the same dialect checks,
# parser state machine, quoting rules and error messages).

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_dialects = {}
_field_limit = 128 * 1024


class Error(Exception):
    pass


Error.__module__ = '_csv'


def _check_char(name, value, allow_none):
    if value is None:
        if allow_none:
            return None
        raise TypeError(f'"{name}" must be a 1-character string')
    if not isinstance(value, str):
        raise TypeError(f'"{name}" must be string, not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return value


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = ('_delimiter', '_doublequote', '_escapechar', '_lineterminator',
                 '_quotechar', '_quoting', '_skipinitialspace', '_strict')

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
                         'quotechar', 'quoting', 'skipinitialspace', 'strict'):
                raise TypeError(f"'{k}' is an invalid keyword argument for Dialect()")
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if (isinstance(dialect, Dialect) and not kwargs
                    and type(dialect) is cls):
                return dialect

        def get(name, default):
            if name in kwargs:
                return kwargs[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default

        self = object.__new__(cls)
        delimiter = get('delimiter', ',')
        doublequote = get('doublequote', True)
        escapechar = get('escapechar', None)
        lineterminator = get('lineterminator', '\r\n')
        quotechar = get('quotechar', '"')
        quoting = get('quoting', QUOTE_MINIMAL)
        skipinitialspace = get('skipinitialspace', False)
        strict = get('strict', False)

        delimiter = _check_char('delimiter', delimiter, False)
        escapechar = _check_char('escapechar', escapechar, True)
        if quotechar is not None and not isinstance(quotechar, str):
            raise TypeError(f'"quotechar" must be string or None, not {type(quotechar).__name__}')
        if quotechar is not None and len(quotechar) != 1:
            raise TypeError('"quotechar" must be a 1-character string')
        if not isinstance(lineterminator, str):
            raise TypeError(f'"lineterminator" must be a string, not {type(lineterminator).__name__}')
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        if lineterminator == '':
            raise TypeError('lineterminator must be set')
        if delimiter in ('\r', '\n'):
            raise ValueError('bad delimiter value')
        if escapechar is not None and escapechar in ('\r', '\n'):
            raise ValueError('bad escapechar value')
        if quotechar is not None and quotechar in ('\r', '\n'):
            raise ValueError('bad quotechar value')
        if escapechar is not None and escapechar == delimiter:
            raise ValueError('bad delimiter or escapechar value')
        if quotechar is not None and quotechar == delimiter:
            raise ValueError('bad delimiter or quotechar value')
        if escapechar is not None and quotechar is not None and escapechar == quotechar:
            raise ValueError('bad escapechar or quotechar value')
        object.__setattr__(self, '_delimiter', delimiter)
        object.__setattr__(self, '_doublequote', bool(doublequote))
        object.__setattr__(self, '_escapechar', escapechar)
        object.__setattr__(self, '_lineterminator', lineterminator)
        object.__setattr__(self, '_quotechar', quotechar)
        object.__setattr__(self, '_quoting', quoting)
        object.__setattr__(self, '_skipinitialspace', bool(skipinitialspace))
        object.__setattr__(self, '_strict', bool(strict))
        return self

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)

    def __setattr__(self, name, value):
        raise AttributeError(f"attribute '{name}' of '_csv.Dialect' objects is not writable")


Dialect.__module__ = '_csv'


def register_dialect(name, dialect=None, **kwargs):
    """Create a mapping from a string name to a dialect class."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **kwargs)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """Return the dialect instance associated with name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    """Return a list of all know dialect names."""
    return list(_dialects)


def field_size_limit(*args):
    """Sets an upper limit on parsed fields."""
    global _field_limit
    if len(args) > 1:
        raise TypeError(f"field_size_limit expected at most 1 argument, got {len(args)}")
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# Parser states.
(START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
 ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL) = range(9)


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, iterable, dialect):
        self._input = iter(iterable)
        self.dialect = dialect
        self.line_num = 0
        self._fields = None
        self._field = []
        self._state = START_RECORD
        self._numeric_field = False

    def __iter__(self):
        return self

    def _parse_reset(self):
        self._fields = []
        self._field = []
        self._state = START_RECORD
        self._numeric_field = False

    def _save_field(self):
        field = ''.join(self._field)
        self._field = []
        if self._numeric_field:
            self._numeric_field = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def _process_char(self, c):
        d = self.dialect
        state = self._state
        if state == START_RECORD:
            # start of record
            if c == '\0':
                # empty line - return []
                return
            if c == '\n' or c == '\r':
                self._state = EAT_CRNL
                return
            # normal character - handle as START_FIELD
            state = self._state = START_FIELD
        if state == START_FIELD:
            # expecting field
            if c == '\n' or c == '\r' or c == '\0':
                # save empty field - return [fields]
                self._save_field()
                self._state = START_RECORD if c == '\0' else EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                # start quoted field
                self._state = IN_QUOTED_FIELD
            elif c == d.escapechar:
                # possible escaped character
                self._state = ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                # ignore spaces at start of field
                pass
            elif c == d.delimiter:
                # save empty field
                self._save_field()
            else:
                # begin new unquoted field
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric_field = True
                self._add_char(c)
                self._state = IN_FIELD
        elif state == ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add_char(c)
                self._state = AFTER_ESCAPED_CRNL
                return
            if c == '\0':
                c = '\n'
            self._add_char(c)
            self._state = IN_FIELD
        elif state == AFTER_ESCAPED_CRNL:
            if c == '\0':
                return
            self._state = IN_FIELD
            self._process_in_field(c)
        elif state == IN_FIELD:
            self._process_in_field(c)
        elif state == IN_QUOTED_FIELD:
            # in quoted field
            if c == '\0':
                pass
            elif c == d.escapechar:
                # Possible escape character
                self._state = ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                if d.doublequote:
                    # doublequote; " represented by ""
                    self._state = QUOTE_IN_QUOTED_FIELD
                else:
                    # end of quote part of field
                    self._state = IN_FIELD
            else:
                # normal character - save in field
                self._add_char(c)
        elif state == ESCAPE_IN_QUOTED_FIELD:
            if c == '\0':
                c = '\n'
            self._add_char(c)
            self._state = IN_QUOTED_FIELD
        elif state == QUOTE_IN_QUOTED_FIELD:
            # doublequote - seen a quote in a quoted field
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                # save "" as "
                self._add_char(c)
                self._state = IN_QUOTED_FIELD
            elif c == d.delimiter:
                # save field - wait for new field
                self._save_field()
                self._state = START_FIELD
            elif c == '\n' or c == '\r' or c == '\0':
                # end of line - return [fields]
                self._save_field()
                self._state = START_RECORD if c == '\0' else EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = IN_FIELD
            else:
                # illegal
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif state == EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c == '\0':
                self._state = START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")

    def _process_in_field(self, c):
        d = self.dialect
        # in unquoted field
        if c == '\n' or c == '\r' or c == '\0':
            # end of line - return [fields]
            self._save_field()
            self._state = START_RECORD if c == '\0' else EAT_CRNL
        elif c == d.escapechar:
            # possible escaped character
            self._state = ESCAPED_CHAR
        elif c == d.delimiter:
            # save field - wait for new field
            self._save_field()
            self._state = START_FIELD
        else:
            # normal character - save in field
            self._add_char(c)

    def __next__(self):
        self._parse_reset()
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                # End of input OR exception
                if len(self._field) != 0 or self._state == IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
            for c in line:
                if c == '\0':
                    raise Error("line contains NUL")
                self._process_char(c)
            self._process_char('\0')
            if self._state == START_RECORD:
                break
        fields = self._fields
        self._fields = None
        return fields


Reader.__module__ = '_csv'


def reader(csvfile, dialect='excel', **fmtparams):
    """    csv_reader = reader(iterable [, dialect='excel']
                            [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    return Reader(csvfile, Dialect(dialect, **fmtparams))


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, fileobj, dialect):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = dialect

    def _quote_field(self, field, quoted):
        """The field as written: special characters escaped or doubled; whether it
        must be quoted."""
        d = self.dialect
        lineterm = d.lineterminator
        chunks = []
        for c in field:
            want_escape = False
            if (c == d.delimiter or c == d.escapechar or c == d.quotechar
                    or c in lineterm):
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            chunks.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    chunks.append(d.escapechar)
            chunks.append(c)
        return ''.join(chunks), quoted

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        parts = []
        count = 0
        for field in fields:
            count += 1
            if d.quoting == QUOTE_NONNUMERIC:
                # Numbers (what has __index__, __int__ or __float__, or is complex).
                t = type(field)
                quoted = not (isinstance(field, complex) or hasattr(t, '__index__')
                              or hasattr(t, '__int__') or hasattr(t, '__float__'))
            elif d.quoting == QUOTE_ALL:
                quoted = True
            else:
                quoted = False
            if field is None:
                text = ''
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            body, quoted = self._quote_field(text, quoted)
            if quoted:
                body = d.quotechar + body + d.quotechar
            parts.append(body)
        if count == 1 and parts[0] == '':
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d.quotechar * 2
        line = d.delimiter.join(parts) + d.lineterminator
        return self._write(line)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


Writer.__module__ = '_csv'


def writer(fileobj, dialect='excel', **fmtparams):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    return Writer(fileobj, Dialect(dialect, **fmtparams))
