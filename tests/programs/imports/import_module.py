# import of .py files beside the script: module objects, attributes, caching.
import mod_geometry
import mod_geometry as geo
print(mod_geometry.PI, mod_geometry.area(2), geo is mod_geometry, geo.loaded)
print(mod_geometry.__name__, type(mod_geometry).__name__, mod_geometry.__doc__)
sq = geo.Square(3)
print(sq.area(), type(sq).__name__, type(sq).__module__)
import mod_counter
import mod_counter as again
mod_counter.bump()
again.bump()
print(mod_counter.count, again.count)
import sys
print("mod_counter" in sys.modules, sys.modules["mod_counter"] is mod_counter)
print(__name__)
if __name__ == "__main__":
    print("running as main")
