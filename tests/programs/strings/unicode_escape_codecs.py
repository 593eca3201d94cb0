# unicode_escape and raw_unicode_escape codecs.
print('aé€😀\\\n\t\''.encode('unicode-escape'), 'aé€😀\\\n'.encode('raw-unicode-escape'))
print(b'a\\u20ac\\x41\\n\\101'.decode('unicode-escape'), b'a\\u20ac\\x41\\n'.decode('raw-unicode-escape'), b'\\\\u20ac'.decode('raw-unicode-escape'))
try: b'\\x4'.decode('unicode-escape')
except UnicodeDecodeError as e: print(e)
try: b'\\u12'.decode('raw-unicode-escape')
except UnicodeDecodeError as e: print(e)
