# Arithmetic dunders, reflected and in-place operators.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return V(self.x + o, self.y + o)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(k * self.x, k * self.y)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return V(self.y, self.x)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return "lshift"
    def __rshift__(self, n):
        return "rshift"
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x
        self.y += o.y
        return self
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2)
print(-a, +a, abs(b), ~a, a @ b, a & b, a | b, a ^ b, a << 1, a >> 1)
c = a
c += b
print(c, a, c is a)
d = b
d -= a
print(d, b, d is b)
print(sum([V(1, 1), V(2, 2)], V(0, 0)), sum([V(1, 1), V(2, 2)]))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)
class Num:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        return f"radd({o})"
    def __rsub__(self, o):
        return f"rsub({o})"
    def __rtruediv__(self, o):
        return f"rtruediv({o})"
    def __rpow__(self, o):
        return f"rpow({o})"
print(5 + Num(1), 5 - Num(1), 5 / Num(1), 2 ** Num(1), [1] + Num(0))
class Sub(V):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(V(0, 0) + Sub(1, 1))
