# from-import forms, aliases, star imports, private names.
from mod_geometry import PI, area as circle_area, Square
print(PI, circle_area(1), Square(2).area())
from mod_geometry import *
print(area(3), "_private" in dir())
from mod_counter import bump, count
bump(); bump()
print(count)
import mod_counter
print(mod_counter.count)
try:
    from mod_geometry import nonexistent
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import mod_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import mod_raises
except ValueError as e:
    print("ValueError on import:", e)
