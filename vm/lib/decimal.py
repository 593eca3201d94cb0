"""decimal: CPython's pure-Python implementation (_pydecimal), as CPython uses it when
the C accelerator is absent."""

from _pydecimal import *
from _pydecimal import __doc__
from _pydecimal import __version__
from _pydecimal import __libmpdec_version__
