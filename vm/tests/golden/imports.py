import os
import os.path as osp
import a.b.c as d
import x.y
from collections import OrderedDict as OD, deque
from . import sibling
from ..pkg.mod import name
from math import *
