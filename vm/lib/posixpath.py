"""posixpath: on POSIX, the module os.path is (one module object under both names)."""

import sys
import os.path

sys.modules[__name__] = os.path
