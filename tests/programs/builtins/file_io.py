# open(): reading a data file beside the script, writing and reading back text and bytes.
with open("file_io_data.txt") as f:
    text = f.read()
print(repr(text), len(text))
with open("file_io_data.txt") as f:
    print(f.readline(), end="")
    print(repr(f.readline()))
    print(f.readlines())
with open("file_io_data.txt", encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        print(n, repr(line.rstrip("\n")))
with open("file_io.scratch", "w") as f:
    written = f.write("first\n")
    f.write("ünïcödé\n")
    print(written, f.closed)
print(f.closed)
with open("file_io.scratch", "a") as f:
    print("appended via print", file=f)
with open("file_io.scratch") as f:
    print(f.read().splitlines())
with open("file_io.scratch", "wb") as f:
    f.write(b"\x00\x01binary\xff")
with open("file_io.scratch", "rb") as f:
    data = f.read()
print(data, type(data).__name__, len(data))
with open("file_io.scratch", "w") as f:
    f.writelines(["a\n", "b\n"])
print(open("file_io.scratch").read().split())
try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    open("file_io.scratch", "rt").write("x")
except OSError as e:
    print(type(e).__name__, e)
