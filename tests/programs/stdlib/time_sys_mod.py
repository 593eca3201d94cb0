# sys and time details that are deterministic.
import sys
import time
print(type(sys.argv), sys.argv[1:], sys.platform in ("linux", "darwin", "win32"))
print(sys.int_info.bits_per_digit in (15, 30), sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.version_info >= (3, 0), sys.version_info[:1], isinstance(sys.version, str))
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
sys.stdout.write("written directly\n")
print(sys.stdout.write("abc") , file=sys.stderr if False else sys.stdout)
t = time.gmtime(0)
print(t.tm_year, t.tm_mon, t.tm_mday, time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)))
print(isinstance(time.time_ns(), int), time.monotonic_ns() > 0)
