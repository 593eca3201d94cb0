class Base:
    pass

class Point(Base, metaclass=Meta):
    """A point."""
    dims: int = 2
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        super().__init__()
        self.__x = x
        self.y = y

    @property
    def x(self):
        return self.__x

    def cls(self):
        return __class__

    class Inner:
        def m(self):
            return 1

def make():
    hidden = 1
    class Local:
        value = hidden
        def get(self):
            return hidden
    return Local
