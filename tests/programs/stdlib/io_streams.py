# io.StringIO/BytesIO, open() modes, encodings, newline handling and errors.
import io
s = io.StringIO()
s.write("hello\n"); print("world", file=s); s.writelines(["a\n", "b"])
print(repr(s.getvalue()), s.tell())
s.seek(0); print(repr(s.readline()), s.readlines(), s.read())
s = io.StringIO("x\ny\nz")
print([l for l in s], s.closed)
with io.StringIO("abc") as t:
    print(t.read(2), t.read())
print(t.closed)
b = io.BytesIO(b"ab\ncd")
print(b.readline(), b.read(), b.getvalue(), b.write(b"!"), b.getvalue())
with open("io_streams.scratch", "w", encoding="latin-1") as f:
    print(f, f.mode, f.encoding, f.write("caf\xe9\r\nline2\n"))
with open("io_streams.scratch", "rb") as f:
    print(f.read(), f)
with open("io_streams.scratch", encoding="latin-1") as f:
    print(repr(f.read()))
with open("io_streams.scratch", encoding="latin-1", newline="") as f:
    print(f.readlines())
with open("io_streams.scratch", "r+", encoding="latin-1") as f:
    print(f.read(3), f.tell()); f.seek(0); f.write("C"); 
print(open("io_streams.scratch", "rb").read())
try:
    open("io_streams.scratch", "rz")
except ValueError as e: print(e)
try:
    open("io_streams.scratch", "x")
except FileExistsError as e: print(e)
try:
    with open("io_streams.scratch", "w") as f: f.read()
except io.UnsupportedOperation as e: print("unsup", e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    open("io_streams.scratch", "wb").write("s")
except TypeError as e: print(e)
try:
    f = open("io_streams.scratch"); f.close(); f.read()
except ValueError as e: print(e)
import os; os.remove("io_streams.scratch")
