"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique (CPython 3.11 behaviour).

Simplified from CPython's design: the metaclass turns the plain attributes of the class
body into members after the class is created (no custom namespace from __prepare__), and
value lookup `Color(1)` goes through `Enum.__new__`.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'auto', 'unique', 'ReprEnum', 'property', 'global_enum', 'verify',
           'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE', 'FlagBoundary', 'STRICT', 'CONFORM',
           'EJECT', 'KEEP']

import operator as _operator

_builtin_property = property


class _AutoOps:
    """Operators on auto() values inside the class body (`RW = R | W`). CPython has
    the values already there (its class namespace resolves auto() on assignment); here
    they are resolved by the metaclass, so an expression is kept and computed then."""

    def _op(self, op, *others, reflected=False):
        return _AutoExpr(op, self, others, reflected)

    def __or__(self, other):
        return self._op(_operator.or_, other)

    def __ror__(self, other):
        return self._op(_operator.or_, other, reflected=True)

    def __and__(self, other):
        return self._op(_operator.and_, other)

    def __rand__(self, other):
        return self._op(_operator.and_, other, reflected=True)

    def __xor__(self, other):
        return self._op(_operator.xor, other)

    def __rxor__(self, other):
        return self._op(_operator.xor, other, reflected=True)

    def __add__(self, other):
        return self._op(_operator.add, other)

    def __radd__(self, other):
        return self._op(_operator.add, other, reflected=True)

    def __sub__(self, other):
        return self._op(_operator.sub, other)

    def __mul__(self, other):
        return self._op(_operator.mul, other)

    def __invert__(self):
        return self._op(_operator.invert)


class auto(_AutoOps):
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=None):
        self.value = value if value is not None else _auto_null

    def __repr__(self):
        return 'auto(%r)' % (self.value,)

    def _resolved(self):
        return self.value


class _AutoExpr(_AutoOps):
    def __init__(self, op, first, others, reflected):
        self.op = op
        self.first = first
        self.others = others
        self.reflected = reflected

    def _resolved(self):
        def get(v):
            return v._resolved() if isinstance(v, _AutoOps) else v
        args = [get(self.first)] + [get(o) for o in self.others]
        if self.reflected:
            args.reverse()
        return self.op(*args)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


def _f():
    pass


_FunctionType = type(_f)


def _is_descriptor(obj):
    if isinstance(obj, (classmethod, staticmethod, _builtin_property, _FunctionType)):
        return True
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_'
            and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and name[1:2] != '_'
            and name[-2:-1] != '_')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return (len(name) > len(pattern) and name.startswith(pattern)
            and not name.endswith('_'))


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _power_of_two(value):
    if value < 1:
        return False
    return value == 2 ** (value.bit_length() - 1)


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def _high_bit(value):
    return value.bit_length() - 1


class property:
    """`name`/`value` on members (CPython's DynamicClassAttribute): on the class they
    look up a member of that name. A plain descriptor class, not a property subclass."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc if doc is not None else getattr(fget, '__doc__', None)
        self.name = getattr(fget, '__name__', None)

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except (KeyError, AttributeError):
                raise AttributeError(
                    '%r has no attribute %r' % (ownerclass, self.name)) from None
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError(
                "<enum %r> cannot set attribute %r" % (type(instance).__name__, self.name))
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError(
                "<enum %r> cannot delete attribute %r" % (type(instance).__name__,
                                                          self.name))
        self.fdel(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name


class _FlagBoundary:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return '<FlagBoundary.%s: %r>' % (self.name, self.name.lower())


STRICT = _FlagBoundary('STRICT')
CONFORM = _FlagBoundary('CONFORM')
EJECT = _FlagBoundary('EJECT')
KEEP = _FlagBoundary('KEEP')


class FlagBoundary:
    STRICT = STRICT
    CONFORM = CONFORM
    EJECT = EJECT
    KEEP = KEEP


UNIQUE = 'unique'
CONTINUOUS = 'no skipped integer values'
NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'

def _plain(v):
    """The plain value of an int/str/float-valued member (other values unchanged)."""
    return v._value_ if isinstance(v, _ValueMixin) else v


def _binary(op):
    def forward(self, other):
        return op(self._value_, _plain(other))

    def reflected(self, other):
        return op(_plain(other), self._value_)
    return forward, reflected


class _ValueMixin:
    """Members of an enum mixed with int, str or float keep the plain value in `_value_`
    and forward the type's operations to it (stmpy instances of classes deriving from
    int/str/float do not carry the built-in value themselves)."""

    __add__, __radd__ = _binary(_operator.add)
    __sub__, __rsub__ = _binary(_operator.sub)
    __mul__, __rmul__ = _binary(_operator.mul)
    __truediv__, __rtruediv__ = _binary(_operator.truediv)
    __floordiv__, __rfloordiv__ = _binary(_operator.floordiv)
    __mod__, __rmod__ = _binary(_operator.mod)
    __pow__, __rpow__ = _binary(_operator.pow)
    __divmod__, __rdivmod__ = _binary(divmod)

    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __ne__(self, other):
        return self._value_ != _plain(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return bool(self._value_)


class _NumberMixin(_ValueMixin):
    __lshift__, __rlshift__ = _binary(_operator.lshift)
    __rshift__, __rrshift__ = _binary(_operator.rshift)
    __and__, __rand__ = _binary(_operator.and_)
    __or__, __ror__ = _binary(_operator.or_)
    __xor__, __rxor__ = _binary(_operator.xor)

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return +self._value_

    def __abs__(self):
        return abs(self._value_)

    def __invert__(self):
        return ~self._value_

    def __int__(self):
        return int(self._value_)

    def __float__(self):
        return float(self._value_)

    def __index__(self):
        return _operator.index(self._value_)

    def __round__(self, ndigits=None):
        return round(self._value_, ndigits)

    def __trunc__(self):
        return int(self._value_)

    def __floor__(self):
        import math
        return math.floor(self._value_)

    def __ceil__(self):
        import math
        return math.ceil(self._value_)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return getattr(self._value_, name)

    @_builtin_property
    def real(self):
        return self._value_.real

    @_builtin_property
    def imag(self):
        return self._value_.imag

    @_builtin_property
    def numerator(self):
        return self._value_.numerator

    @_builtin_property
    def denominator(self):
        return self._value_.denominator


class _StrMixin(_ValueMixin):
    def __len__(self):
        return len(self._value_)

    def __iter__(self):
        return iter(self._value_)

    def __contains__(self, item):
        return _plain(item) in self._value_

    def __getitem__(self, index):
        return self._value_[index]

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return getattr(self._value_, name)


def _forwarder(name):
    def method(self, *args, **kwargs):
        return getattr(self._value_, name)(*[_plain(a) for a in args], **kwargs)
    method.__name__ = name
    return method


# The public methods of the built-in type (str.upper, int.bit_length...) come before the
# type itself in the MRO of a mixed enum, so they work on the value.
for _type, _mixin in ((int, _NumberMixin), (str, _StrMixin)):
    for _name in dir(_type):
        if (not _name.startswith('_') and _name not in _mixin.__dict__
                and _name not in ('real', 'imag', 'numerator', 'denominator')
                and callable(getattr(_type, _name, None))):
            setattr(_mixin, _name, _forwarder(_name))
del _type, _mixin, _name

_MIXINS = {int: _NumberMixin, float: _NumberMixin, str: _StrMixin}


def _new_plain(cls, member_type, args):
    # stmpy: a plain instance whose mixin forwards to _value_; CPython refuses
    # object.__new__ for int/str subclasses, and there the real built-in value is made.
    try:
        return object.__new__(cls)
    except TypeError:
        return member_type.__new__(cls, *args)


# Set once Enum/Flag exist; the metaclass needs them while creating them.
Enum = None
Flag = None
ReprEnum = None


class EnumType(type):
    """Metaclass for Enum."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        mixin = _MIXINS.get(member_type)
        if mixin is not None and not any(issubclass(b, mixin) for b in bases):
            bases = (mixin,) + tuple(bases)
        gen_next = None
        if '_generate_next_value_' in classdict:
            gen_next = classdict['_generate_next_value_']
            if isinstance(gen_next, staticmethod):
                gen_next = gen_next.__func__
        elif first_enum is not None:
            gen_next = first_enum._generate_next_value_
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        members = {}
        body = {}
        last_values = []
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                body[key] = value
                continue
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gen_next(key, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, _AutoExpr):
                value = value._resolved()
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(
                    (gen_next(key, 1, len(last_values), last_values[:])
                     if v.value is _auto_null else v.value) if isinstance(v, auto) else v
                    for v in value)
            if key in members:
                raise TypeError('%r already defined as %r' % (key, members[key]))
            members[key] = value
            last_values.append(value)
        if members and first_enum is not None and first_enum._member_names_:
            raise TypeError('<enum %r> cannot extend %r' % (cls, first_enum))
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        if boundary is not None:
            body['_boundary_'] = boundary
        elif '_boundary_' not in body:
            body['_boundary_'] = getattr(first_enum, '_boundary_', None)
        if Enum is None:
            body['_new_member_'] = None
        else:
            # A __new__ of the class body makes the members; calling the class looks a
            # member up by value (Enum.__new__), as CPython's EnumType.__call__ does.
            if '__new__' in body:
                body['_new_member_'] = body['__new__']
            body['__new__'] = Enum.__dict__['__new__']
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if first_enum is not None:
            # repr/str/format must come from the enum side, not from a mixed-in type
            # (int.__repr__ would win over Enum.__repr__ in IntEnum's MRO).
            for name in ('__repr__', '__str__', '__format__'):
                if name in classdict:
                    continue
                for klass in enum_class.__mro__:
                    if name in klass.__dict__:
                        owner = klass
                        break
                if not isinstance(owner, EnumType):
                    setattr(enum_class, name, getattr(first_enum, name))
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            enum_class._flag_mask_ = 0
            enum_class._singles_mask_ = 0
            enum_class._all_bits_ = 0
            enum_class._inverted_ = None
        for name, value in members.items():
            enum_class._add_member_(name, value)
        if is_flag:
            bits = enum_class._flag_mask_
            enum_class._all_bits_ = 2 ** bits.bit_length() - 1
            if enum_class._boundary_ is None:
                enum_class._boundary_ = KEEP if issubclass(enum_class, int) else STRICT
        return enum_class

    def _add_member_(cls, name, value):
        member_type = cls._member_type_
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        new = cls._new_member_
        if new is not None:
            if isinstance(new, staticmethod):
                new = new.__func__
            member = new(cls, *args)
            if not hasattr(member, '_value_'):
                if member_type is object:
                    member._value_ = value
                else:
                    member._value_ = member_type(*args)
        elif member_type is object:
            member = object.__new__(cls)
            member._value_ = value
        elif member_type in _MIXINS:
            member = _new_plain(cls, member_type, args)
            member._value_ = member_type(*args)
        else:
            member = member_type.__new__(cls, *args)
            member._value_ = member_type(*args)
        value = member._value_
        member._name_ = name
        member.__objclass__ = cls
        init = cls.__dict__.get('__init__') or _find_init(cls)
        if init is not None:
            init(member, *args)
        member._sort_order_ = len(cls._member_names_)
        # An alias: an earlier member with an equal value.
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            canonical = None
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is None:
            for m in cls._unhashable_values_:
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            member = canonical
        else:
            is_flag = Flag is not None and issubclass(cls, Flag)
            if (not is_flag or (isinstance(value, int) and _is_single_bit(value))
                    or value == 0 and False):
                cls._member_names_.append(name)
            elif is_flag and isinstance(value, int) and value != 0:
                # multi-bit flags are aliases of their bits, not canonical members
                pass
            if is_flag and isinstance(value, int):
                cls._flag_mask_ |= value
                if _is_single_bit(value):
                    cls._singles_mask_ |= value
            try:
                cls._value2member_map_.setdefault(value, member)
            except TypeError:
                cls._unhashable_values_.append(member)
        setattr(cls, name, member)
        cls._member_map_[name] = member

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        if not bases:
            return object, None
        last = bases[-1]
        if Enum is not None and not issubclass(last, Enum):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        member_type = object
        for base in bases:
            for b in base.__mro__:
                if b is object:
                    continue
                if Enum is not None and issubclass(b, Enum):
                    if '_member_type_' in b.__dict__ and b._member_type_ is not object:
                        member_type = b._member_type_
                        break
                    continue
                if b in (int, str, float, tuple, bytes) or '__new__' in b.__dict__:
                    member_type = b
                    break
                if isinstance(b, type) and b.__dict__.get('__dataclass_fields__'):
                    member_type = b
                    break
            if member_type is not object:
                break
        first_enum = last if (Enum is not None and isinstance(last, EnumType)) else None
        return member_type, first_enum

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn(
                "in 3.12 __contains__ will no longer raise TypeError, but will return "
                "True or\nFalse depending on whether the value is a member or the value "
                "of a member",
                DeprecationWarning,
                stacklevel=2)
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        return (['__class__', '__doc__', '__members__', '__module__']
                + list(cls._member_names_))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType


def _find_init(cls):
    for base in cls.__mro__[1:]:
        if base is Enum or base is object or (Flag is not None and base is Flag):
            return None
        if base is ReprEnum or base in (int, str, float):
            return None
        init = base.__dict__.get('__init__')
        if init is not None:
            return init
    return None


def _missing_value(cls, value):
    ve_exc = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
    try:
        result = cls._missing_(value)
    except Exception as e:
        if e is ve_exc:
            raise
        raise
    if isinstance(result, cls):
        return result
    if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT \
            and isinstance(result, int):
        return result
    if result is None:
        raise ve_exc
    raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                    % (cls.__name__, result))


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                boundary=None):
        if names is not None:
            return cls._create_(value, names, module=module, qualname=qualname, type=type,
                                start=start, boundary=boundary)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        return _missing_value(cls, value)

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1]
        except TypeError:
            last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        ns = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, last_values = names, []
            names = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            ns[member_name] = member_value
        ns['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            ns['__qualname__'] = qualname
        metacls = cls.__class__
        if boundary is not None:
            return metacls(class_name, bases, ns, boundary=boundary)
        return metacls(class_name, bases, ns)

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    _value_repr_ = None

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        names = ['__class__', '__doc__', '__eq__', '__hash__', '__module__']
        for cls in self.__class__.__mro__:
            for k, v in cls.__dict__.items():
                if (not k.startswith('_') and k not in names
                        and k not in self.__class__._member_map_
                        and cls is not Enum and cls is not object):
                    names.append(k)
        names += ['name', 'value']
        return sorted(set(names))

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(_NumberMixin, int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return repr(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class StrEnum(_StrMixin, str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        value = str(*values)
        member = _new_plain(cls, str, (value,))
        member._value_ = value
        return member

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _str_member(member):
    return member._value_


class Flag(Enum, boundary=STRICT):
    """Support for flags."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        # Definition order (CPython's _iter_member_by_def_; the same as by value when
        # the flags are defined in increasing order).
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & value == m._value_:
                yield m

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if (not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask)):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                    cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, cls._boundary_))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]' % (
                cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        elif cls._member_type_ in _MIXINS:
            pseudo_member = _new_plain(cls, cls._member_type_, (value,))
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, '_value_'):
            pseudo_member._value_ = value
        if member_value or unknown:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if unknown:
                members.append(None)
            pseudo_member._name_ = '|'.join(
                [m._name_ for m in members if m is not None])
            if unknown:
                pseudo_member._name_ += ('|' if pseudo_member._name_ else '') + \
                    cls._numeric_repr_(unknown)
        else:
            pseudo_member._name_ = None
        pseudo_member._sort_order_ = len(cls._member_names_)
        pseudo_member.__objclass__ = cls
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return bin(self._value_).count('1')

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None or True:
            if self._boundary_ in (EJECT, KEEP):
                return self.__class__(~self._value_)
            return self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


def bin(num, max_bits=None):
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _builtin_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtin_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


import builtins as _builtins
_builtin_bin = _builtins.bin


class IntFlag(_NumberMixin, int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    def __str__(self):
        return repr(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(~self._value_)


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name)
                                   for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


def global_enum(cls):
    import sys
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def verify(*checks):
    def decorate(enumeration):
        return enumeration
    return decorate
