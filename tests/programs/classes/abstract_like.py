# Polymorphism through duck typing and NotImplementedError.
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + " must define area")
    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Broken(Shape):
    pass
shapes = [Rect(2, 3), Square(4), Circle(1)]
print(shapes, sum(s.area() for s in shapes))
print(sorted(shapes, key=lambda s: s.area()))
try:
    Broken().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class Duck:
    def quack(self):
        return "Quack"
class Robot:
    def quack(self):
        return "beep quack"
print([x.quack() for x in (Duck(), Robot())])
