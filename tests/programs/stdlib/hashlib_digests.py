# hashlib: md5, sha1 and the sha2 family, incremental updates, copies, errors.
import hashlib
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    h = hashlib.new(name, b"hello")
    h.update(b" world")
    print(name, h.hexdigest(), h.digest_size, h.block_size, h.name, len(h.digest()))
print(hashlib.md5(b"").hexdigest(), hashlib.sha256("é".encode()).hexdigest()[:16], hashlib.sha1(b"x" * 1000).hexdigest())
h = hashlib.md5(); c = h.copy(); h.update(b"a"); print(c.hexdigest() != h.hexdigest(), {"md5", "sha256"} <= hashlib.algorithms_guaranteed)
try: hashlib.md5("text")
except TypeError as e: print(e)
try: hashlib.new("nope")
except ValueError as e: print(e)
