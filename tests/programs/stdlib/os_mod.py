# os and os.path: path algebra, environ, file-system calls and their error messages.
import os, os.path
from os.path import join, splitext
print(os.sep, repr(os.linesep), os.name, os.path.sep)
print(join("a", "b", "c.txt"), join("/a", "/b"), join("a/", "b"), splitext("x/y.tar.gz"), splitext(".bashrc"))
print(os.path.basename("/a/b/c.py"), os.path.dirname("/a/b/c.py"), os.path.split("a/b/"), os.path.split("/"))
print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath(""), os.path.normpath("../x/.."), os.path.normpath("//a"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
print(os.path.expanduser("~/f") == os.environ["HOME"] + "/f", os.path.expanduser("x~"))
print(os.getenv("NOPE_NOT_SET"), os.getenv("NOPE_NOT_SET", "dflt"), "PATH" in os.environ)
print(isinstance(os.getpid(), int), os.cpu_count() >= 1)
d = "os_mod_tmp_dir"
os.makedirs(d + "/sub/deeper", exist_ok=True)
os.makedirs(d + "/sub/deeper", exist_ok=True)
try:
    os.makedirs(d + "/sub")
except FileExistsError as e:
    print("FileExistsError", e)
with open(d + "/a.txt", "w") as f:
    f.write("hello\n")
with open(d + "/sub/b.txt", "w") as f:
    f.write("hi there\n")
print(sorted(os.listdir(d)))
print(os.path.exists(d + "/a.txt"), os.path.isfile(d + "/a.txt"), os.path.isdir(d + "/a.txt"), os.path.isdir(d), os.path.exists(d + "/zz"))
st = os.stat(d + "/a.txt")
print(st.st_size, st[6], os.path.getsize(d + "/sub/b.txt"), st.st_mtime > 0, isinstance(st.st_mtime, float))
for root, dirs, files in os.walk(d):
    dirs.sort()
    print(root, dirs, sorted(files))
for e in sorted(os.scandir(d), key=lambda e: e.name):
    print(e.name, e.is_file(), e.is_dir(), e.path)
os.rename(d + "/a.txt", d + "/c.txt")
print(sorted(os.listdir(d)))
try:
    os.remove(d + "/a.txt")
except FileNotFoundError as e:
    print("FNF", e)
try:
    os.rename(d + "/a.txt", d + "/q.txt")
except OSError as e:
    print(type(e).__name__, e)
try:
    os.rmdir(d)
except OSError as e:
    print(type(e).__name__, e)
try:
    os.listdir(d + "/c.txt")
except OSError as e:
    print(type(e).__name__, e)
os.unlink(d + "/c.txt")
os.remove(d + "/sub/b.txt")
os.rmdir(d + "/sub/deeper")
os.rmdir(d + "/sub")
os.rmdir(d)
print(os.path.exists(d))
try:
    os.stat(42.0)
except TypeError as e:
    print(e)
print(os.fspath("abc"), os.path.relpath("/a/b/c", "/a/x"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
class P:
    def __fspath__(self): return "pp"
print(os.fspath(P()), os.path.join(P(), "q"))
print(os.path.splitext("a.b/c"), os.path.splitext("x."), os.path.splitext("..."), os.path.basename("a/"), os.path.dirname("a"))
print(os.path.join("", "x"), os.path.join("a", ""), os.path.normpath("a/../.."), os.path.normpath("///x//y"))
print(os.path.commonpath(["/usr/lib/x", "/usr/local/y"]), os.path.expanduser("~nouser_xyz/q"))
os.environ["STMPY_OS_TEST"] = "v1"
print(os.environ["STMPY_OS_TEST"], os.getenv("STMPY_OS_TEST"), os.environ.get("STMPY_OS_TEST"))
del os.environ["STMPY_OS_TEST"]
print("STMPY_OS_TEST" in os.environ)
try:
    os.environ["x"] = 1
except TypeError as e:
    print(e)
try:
    os.environ["STMPY_NOT_THERE_EVER"]
except KeyError as e:
    print("KeyError", e)
print(os.strerror(2), os.path.exists(os.getcwd()), os.path.isdir("."))
