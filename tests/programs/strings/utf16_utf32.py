# UTF-16 and UTF-32 codecs: byte-order marks, explicit byte order, and decoding errors.
print('x😀'.encode('utf-16'), 'x'.encode('utf-16-be'), 'x'.encode('utf-32'), 'x'.encode('utf_32_le'))
print(b'\xff\xfex\x00'.decode('utf-16'), b'\x00x'.decode('utf-16-be'), b'x\x00'.decode('utf-16'), 'x😀'.encode('utf-16').decode('utf-16'), 'ab'.encode('utf-32').decode('utf-32'))
for b in [b'x', b'\x00\xd8', b'\x00\xdc\x00\x00']:
  try: b.decode('utf-16-le')
  except UnicodeDecodeError as e: print(e)
try: b'\x00\x00\x11\x00'.decode('utf-32-le')
except UnicodeDecodeError as e: print(e)
try: b'ab'.decode('utf-32')
except UnicodeDecodeError as e: print(e)
