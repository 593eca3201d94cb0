"""traceback: print_exc, format_exc, print_exception, format_exception,
format_exception_only, format_tb/extract_tb/walk_tb over traceback objects,
print_stack/format_stack/extract_stack, TracebackException.

Each traceback entry is formatted by the runtime (sys._format_tb_entry), the same code
that prints uncaught exceptions exactly as CPython does (source line and ^^^ markers).
"""

import sys

__all__ = ['extract_stack', 'format_exc', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'print_exc', 'print_exception', 'print_last',
           'print_stack', 'print_list', 'FrameSummary', 'StackSummary',
           'TracebackException', 'walk_stack', 'walk_tb', 'format_tb', 'extract_tb',
           'print_tb', 'clear_frames']

_sentinel = object()


def _exc_value(exc, value):
    if value is _sentinel:
        return exc
    return value


def _split_lines(text):
    lines = text.splitlines(True)
    return lines


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _exc_value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    if tb is _sentinel:
        tb = value.__traceback__
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    value = _exc_value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    cls = type(value)
    name = cls.__qualname__
    mod = cls.__module__
    if mod not in ('__main__', 'builtins'):
        name = mod + '.' + name
    text = _safe_str(value)
    if isinstance(value, SyntaxError):
        return _format_syntax_error(value, name)
    lines = [f'{name}: {text}\n' if text else f'{name}\n']
    for note in getattr(value, '__notes__', None) or ():
        lines.append(f'{note}\n')
    return lines


def _format_syntax_error(value, name):
    lines = []
    filename = value.filename or '<string>'
    lineno = str(value.lineno) if value.lineno is not None else '?'
    lines.append(f'  File "{filename}", line {lineno}\n')
    if value.text is not None:
        text = value.text.rstrip('\n')
        stripped = text.lstrip(' \n\f')
        lines.append(f'    {stripped}\n')
        if value.offset is not None:
            offset = value.offset
            spaces = len(text) - len(stripped)
            caret = max(offset - 1 - spaces, 0)
            end = getattr(value, 'end_offset', None)
            n = max((end - offset) if end and end > offset else 1, 1)
            lines.append('    ' + ' ' * caret + '^' * n + '\n')
    lines.append(f'{name}: {value.msg or "<no detail available>"}\n')
    return lines


def _safe_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_value'):
        raise ValueError('no last exception')
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


class FrameSummary:
    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name',
                 '_line', 'locals', '_formatted')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None,
                 line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self._formatted = None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _getline(self.filename, self.lineno)
        return self._line.strip()


def _getline(filename, lineno):
    try:
        with open(filename, encoding='utf-8') as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except Exception:
        pass
    return ''


class StackSummary:
    """A list of FrameSummary (CPython's is a list subclass; this one wraps a list)."""

    def __init__(self, frames=()):
        self._frames = list(frames)

    def __len__(self):
        return len(self._frames)

    def __iter__(self):
        return iter(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return StackSummary(self._frames[index])
        return self._frames[index]

    def __eq__(self, other):
        if isinstance(other, StackSummary):
            other = other._frames
        return self._frames == other

    def __repr__(self):
        return repr(self._frames)

    def append(self, frame):
        self._frames.append(frame)

    def pop(self, index=-1):
        return self._frames.pop(index)

    def reverse(self):
        self._frames.reverse()

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame):
        if frame._formatted is not None:
            return frame._formatted
        row = ['  File "{}", line {}, in {}\n'.format(frame.filename, frame.lineno,
                                                      frame.name)]
        if frame.line:
            row.append('    {}\n'.format(frame.line.strip()))
        return ''.join(row)

    def format(self):
        # Runs of one line repeated (recursion) print three times, then a count.
        result = []
        last = None
        count = 0
        for frame in self:
            key = (frame.filename, frame.lineno, frame.name)
            if key != last:
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(f'  [Previous line repeated {count} more '
                                  f'time{"s" if count > 1 else ""}]\n')
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(f'  [Previous line repeated {count} more '
                          f'time{"s" if count > 1 else ""}]\n')
        return result


def extract_stack(f=None, limit=None):
    frames = []
    depth = 1
    while True:
        where = sys._caller(depth)
        if where is None:
            break
        filename, lineno, name, _ = where
        frames.append(FrameSummary(filename, lineno, name))
        depth += 1
    frames.reverse()
    if limit is not None:
        frames = frames[-limit:] if limit >= 0 else frames[:-limit]
    return StackSummary(frames)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end='')


_RECURSIVE_CUTOFF = 3


def format_stack(f=None, limit=None):
    stack = extract_stack(limit=limit)
    stack.pop()
    return format_list(stack)


def print_stack(f=None, limit=None, file=None):
    stack = extract_stack(limit=limit)
    stack.pop()
    print_list(stack, file=file)


def walk_stack(f):
    return iter(())


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _tb_items(tb, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    items = []
    while tb is not None:
        items.append(tb)
        tb = tb.tb_next
    if limit is not None:
        items = items[:limit] if limit >= 0 else items[limit:]
    return items


def extract_tb(tb, limit=None):
    """The FrameSummary entries of a traceback, outermost first."""
    result = StackSummary()
    for t in _tb_items(tb, limit):
        frame = t.tb_frame
        code = frame.f_code if frame is not None else None
        fs = FrameSummary(code.co_filename if code else '?', t.tb_lineno,
                          code.co_name if code else '?')
        fs._formatted = sys._format_tb_entry(t)
        result.append(fs)
    return result


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def clear_frames(tb):
    pass


_cause_message = ('\nThe above exception was the direct cause '
                  'of the following exception:\n\n')

_context_message = ('\nDuring handling of the above exception, '
                    'another exception occurred:\n\n')


class TracebackException:
    """An exception ready for rendering: its stack (StackSummary) and the exceptions
    it was caused by or raised while handling."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._value = exc_value
        self._str = _safe_str(exc_value)
        self.stack = extract_tb(exc_traceback, limit=limit)
        self.__notes__ = getattr(exc_value, '__notes__', None)
        self.__suppress_context__ = getattr(exc_value, '__suppress_context__', False)
        self.__cause__ = None
        self.__context__ = None
        cause = getattr(exc_value, '__cause__', None)
        context = getattr(exc_value, '__context__', None)
        if cause is not None and id(cause) not in _seen:
            self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__,
                                                limit=limit, _seen=_seen)
        if context is not None and id(context) not in _seen and not (
                compact and (self.__cause__ is not None or self.__suppress_context__)):
            self.__context__ = TracebackException(type(context), context,
                                                  context.__traceback__, limit=limit,
                                                  _seen=_seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        output = []
        exc = self
        if chain:
            while exc is not None:
                if exc.__cause__ is not None:
                    chained_msg, chained_exc = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg, chained_exc = _context_message, exc.__context__
                else:
                    chained_msg, chained_exc = None, None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield msg
            if exc.stack:
                yield 'Traceback (most recent call last):\n'
                yield from exc.stack.format()
            yield from exc.format_exception_only()

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end='')
