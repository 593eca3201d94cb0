print("mod_pkg init")
VERSION = "1.2"
from .helpers import shout
