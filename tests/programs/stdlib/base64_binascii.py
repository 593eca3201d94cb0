# base64 (CPython's) and binascii: base64/32/16/85, hex, crc32, decoding errors.
import base64, binascii
for data in [b"", b"f", b"fo", b"foo", b"foobar", bytes(range(256))]:
    e = base64.b64encode(data)
    print(e[:40], base64.b64decode(e) == data, base64.urlsafe_b64encode(data)[:20], base64.b32encode(data)[:16], base64.b16encode(data)[:16], base64.a85encode(data)[:16], base64.b85encode(data)[:16])
print(base64.b64decode("aGVsbG8="), base64.standard_b64decode(b"aGk="), base64.encodebytes(b"x" * 60))
print(binascii.hexlify(b"\x01\xff"), binascii.unhexlify("01ff"), binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.b2a_base64(b"hi"), binascii.crc_hqx(b"abc", 0))
for bad in ["abc", "a===", "ab=c"]:
    try: print(base64.b64decode(bad))
    except binascii.Error as e: print("Error", e)
try: base64.b64decode("YQ==x", validate=True)
except binascii.Error as e: print("Error", e)
