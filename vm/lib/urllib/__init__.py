# CPython 3.11's Lib/urllib/__init__.py (empty).
