"""contextvars: ContextVar, Token, Context, copy_context.

Each thread has its own current Context (a mapping of ContextVar to value), as in
CPython; `Context.run` makes a context current for the duration of a call. There is no
asyncio in stmpy, so threads are the only kind of concurrent context.
"""

from _thread import get_ident

__all__ = ['Context', 'ContextVar', 'Token', 'copy_context']

_MISSING = object()

# The current Context of each thread, by thread id.
_current = {}


def _context():
    ctx = _current.get(get_ident())
    if ctx is None:
        ctx = Context()
        _current[get_ident()] = ctx
    return ctx


class Context:
    """A mapping of ContextVars to their values."""

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(
                f'cannot enter context: {self} is already entered')
        ident = get_ident()
        saved = _current.get(ident)
        self._entered = True
        _current[ident] = self
        try:
            return callable(*args, **kwargs)
        finally:
            self._entered = False
            if saved is None:
                del _current[ident]
            else:
                _current[ident] = saved

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


def copy_context():
    return _context().copy()


class Token:
    """What ContextVar.set returns, for ContextVar.reset."""

    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at 0x{id(self):x}>'


class ContextVar:
    """A variable whose value depends on the current context (thread)."""

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_MISSING):
        ctx = _context()
        if self in ctx._data:
            return ctx._data[self]
        if default is not _MISSING:
            return default
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _context()
        old = ctx._data.get(self, _MISSING)
        ctx._data[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _context()
        if token._context is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        if token._old_value is _MISSING:
            ctx._data.pop(self, None)
        else:
            ctx._data[self] = token._old_value
        token._used = True

    def __class_getitem__(cls, item):
        return cls

    def __hash__(self):
        return object.__hash__(self)

    def __repr__(self):
        default = ''
        if self._default is not _MISSING:
            default = f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{default} at 0x{id(self):x}>'
