# Chaos-game fractal with vector classes, operator overloading and B-spline evaluation
# (in the style of pyperformance bm_chaos; an LCG replaces the random module).
import math


class GVector(object):
    def __init__(self, x=0, y=0, z=0):
        self.x = x
        self.y = y
        self.z = z

    def Mag(self):
        return math.sqrt(self.x ** 2 + self.y ** 2 + self.z ** 2)

    def dist(self, other):
        return math.sqrt((self.x - other.x) ** 2 + (self.y - other.y) ** 2 + (self.z - other.z) ** 2)

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return self + other * -1

    def __mul__(self, other):
        return GVector(self.x * other, self.y * other, self.z * other)

    __rmul__ = __mul__

    def linear_combination(self, other, l1, l2=None):
        if l2 is None:
            l2 = 1 - l1
        return GVector(self.x * l1 + other.x * l2, self.y * l1 + other.y * l2, self.z * l1 + other.z * l2)


class Spline(object):
    """A uniform quadratic B-spline through the given control points."""

    def __init__(self, points, degree, knots):
        self.points = points
        self.degree = degree
        self.knots = knots

    def GetDomain(self):
        return (self.knots[self.degree - 1], self.knots[len(self.knots) - self.degree])

    def __call__(self, u):
        for ii in range(self.degree - 1, len(self.knots) - self.degree):
            if u >= self.knots[ii] and u < self.knots[ii + 1]:
                I = ii
                break
        else:
            I = len(self.knots) - self.degree - 1
        d = [self.points[I - self.degree + 1 + ii] for ii in range(self.degree + 1)]
        U = self.knots
        for ik in range(1, self.degree + 1):
            for ii in range(I - self.degree + ik + 1, I + 2):
                ua = U[ii + self.degree - ik]
                ub = U[ii - 1]
                co1 = (ua - u) / (ua - ub)
                co2 = (u - ub) / (ua - ub)
                index = ii - I + self.degree - ik - 1
                d[index] = d[index].linear_combination(d[index + 1], co1, co2)
        return d[0]


class Rand(object):
    def __init__(self, seed):
        self.state = seed

    def random(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        return (self.state >> 11) / 9007199254740992.0


class Chaosgame(object):
    def __init__(self, splines, rand):
        self.splines = splines
        self.rand = rand
        self.minx = min(p.x for spl in splines for p in spl.points)
        self.miny = min(p.y for spl in splines for p in spl.points)
        self.maxx = max(p.x for spl in splines for p in spl.points)
        self.maxy = max(p.y for spl in splines for p in spl.points)
        self.height = self.maxy - self.miny
        self.width = self.maxx - self.minx
        self.num_trafos = []
        maxlength = 0.0
        for spl in splines:
            length = 0.0
            curr = spl(0)
            for i in range(1, 100):
                last = curr
                t = 1.0 / 99 * i
                curr = spl(t)
                length += curr.dist(last)
            self.num_trafos.append(max(1, int(length * 40)))
            maxlength = max(maxlength, length)
        self.num_total = sum(self.num_trafos)

    def get_random_trafo(self):
        r = int(self.rand.random() * self.num_total)
        l = 0
        for i in range(len(self.num_trafos)):
            if r >= l and r < l + self.num_trafos[i]:
                return i, int(self.rand.random() * self.num_trafos[i])
            l += self.num_trafos[i]
        return len(self.num_trafos) - 1, 0

    def transform_point(self, point):
        x = (point.x - self.minx) / self.width
        y = (point.y - self.miny) / self.height
        trafo = self.get_random_trafo()
        start, end = self.splines[trafo[0]].GetDomain()
        length = end - start
        seg_length = length / self.num_trafos[trafo[0]]
        t = start + seg_length * trafo[1] + seg_length * x
        basepoint = self.splines[trafo[0]](t)
        if t + 1 / 50000 > end:
            neighbour = self.splines[trafo[0]](t - 1 / 50000)
            derivative = neighbour - basepoint
        else:
            neighbour = self.splines[trafo[0]](t + 1 / 50000)
            derivative = basepoint - neighbour
        if derivative.Mag() != 0:
            basepoint.x += derivative.y / derivative.Mag() * (y - 0.5) * 0.25
            basepoint.y += -derivative.x / derivative.Mag() * (y - 0.5) * 0.25
        self.truncate(basepoint)
        return basepoint

    def truncate(self, point):
        if point.x >= self.maxx:
            point.x = self.maxx
        if point.y >= self.maxy:
            point.y = self.maxy
        if point.x < self.minx:
            point.x = self.minx
        if point.y < self.miny:
            point.y = self.miny

    def run(self, w, h, n):
        grid = [[0] * h for _ in range(w)]
        point = GVector((self.maxx + self.minx) / 2, (self.maxy + self.miny) / 2, 0)
        for _ in range(n):
            point = self.transform_point(point)
            x = int((point.x - self.minx) / self.width * (w - 1))
            y = int((point.y - self.miny) / self.height * (h - 1))
            grid[x][y] += 1
        return grid


splines = [
    Spline([GVector(1.597350, 3.304460, 0.0), GVector(1.575810, 4.123260, 0.0),
            GVector(1.313210, 5.288350, 0.0), GVector(1.618900, 5.329910, 0.0),
            GVector(2.889940, 5.502700, 0.0), GVector(2.373060, 4.381830, 0.0),
            GVector(1.662000, 4.360280, 0.0)],
           3, [0, 0, 0, 1, 1, 1, 2, 2, 2]),
    Spline([GVector(2.804500, 4.017350, 0.0), GVector(2.550500, 3.525230, 0.0),
            GVector(1.979010, 2.620360, 0.0), GVector(1.979010, 2.620360, 0.0)],
           3, [0, 0, 0, 1, 1, 1]),
    Spline([GVector(2.001670, 4.011320, 0.0), GVector(2.335040, 3.312830, 0.0),
            GVector(2.366800, 3.233460, 0.0), GVector(2.366800, 3.233460, 0.0)],
           3, [0, 0, 0, 1, 1, 1]),
]
game = Chaosgame(splines, Rand(1234))
grid = game.run(64, 64, 45000)
filled = sum(1 for col in grid for c in col if c)
print(game.num_trafos, filled, max(max(col) for col in grid), sum(grid[10]) + sum(grid[40]))
