"""_collections_abc: the module collections.abc is (one module object under both names)."""

import sys
import collections.abc

sys.modules[__name__] = collections.abc
