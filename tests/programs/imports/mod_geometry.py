"""A helper module imported by the import tests."""
PI = 3.14159
_private = "hidden"
loaded = []
loaded.append("geometry loaded")
print("mod_geometry executing, __name__ =", __name__)
def area(r):
    return PI * r * r
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
if __name__ == "__main__":
    print("never printed on import")
