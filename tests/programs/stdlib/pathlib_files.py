# pathlib (CPython's) on real files: paths, reading and writing, globbing, removal.
import pathlib, os
from pathlib import Path, PurePosixPath
base = Path("pl_scratch")
base.mkdir(exist_ok=True)
(base / "a.txt").write_text("hello\nworld\n")
(base / "sub").mkdir(exist_ok=True)
(base / "sub" / "b.py").write_bytes(b"print(1)\n")
print((base / "a.txt").read_text().splitlines(), (base / "sub" / "b.py").read_bytes(), (base / "a.txt").stat().st_size)
print(sorted(p.name for p in base.iterdir()), sorted(str(p) for p in base.glob("*.txt")), sorted(str(p) for p in base.rglob("*.py")))
p = PurePosixPath("/usr/lib/python3.11/os.py")
print(p.name, p.stem, p.suffix, p.parent, p.parts, p.with_suffix(".pyc"), p.relative_to("/usr"), p.is_absolute(), p.match("*.py"))
print(Path("a/b/../c").parts, str(Path("a") / "b" / "c.txt"), Path("x.tar.gz").suffixes, Path("~").expanduser() != Path("~"), repr(PurePosixPath("a/b")))
print((base / "a.txt").exists(), (base / "zz").exists(), (base / "sub").is_dir(), (base / "a.txt").is_file(), Path(".").resolve() == Path(os.getcwd()))
with (base / "a.txt").open() as f:
    print(f.readline().strip())
for q in [base / "a.txt", base / "sub" / "b.py"]:
    q.unlink()
(base / "sub").rmdir(); base.rmdir(); print(base.exists())
