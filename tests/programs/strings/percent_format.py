# printf-style % formatting.
print("%d %s %r" % (5, "five", "five"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%E|%g|%G" % (3.14159, 2.5, 1.25, 12345.678, 0.000123, 1e-10, 1e20))
print("%x|%X|%#x|%o|%#o|%c|%c" % (255, 255, 255, 8, 8, 65, "z"))
print("%s and %s" % ("a", [1, 2]), "%s" % (1,), "%s" % ((1, 2),))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("100%%", "%d%%" % 50, "%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 1.23456))
print("%i %u" % (3, 4), "%r" % 1.0, "%a" % "é", "%5s|%-5s|" % ("ab", "cd"), "%.2s" % "abcdef")
print("%d" % 3.99, "%s" % None, "%s" % True, "%d" % True, "%.0f" % 2.5, "%.0f" % 3.5)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
print("%x" % -255, "%o" % -8, "%d" % (2 ** 70), "%.3g" % 1234567)
