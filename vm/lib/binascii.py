"""Conversion between binary data and ASCII (CPython's binascii, written in Python)."""

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'b2a_base64', 'a2b_hex', 'b2a_hex',
           'hexlify', 'unhexlify', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = 'binascii'
Incomplete.__module__ = 'binascii'

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_INDEX = {c: i for i, c in enumerate(_B64)}


def _buffer(data):
    """The bytes of a bytes-like argument."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


def _ascii_arg(data):
    """The bytes of an argument that may also be an ASCII str (the a2b functions)."""
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return data.encode('ascii')
    return _buffer(data)


def b2a_base64(data, *, newline=True):
    """Base64-code line of data."""
    data = _buffer(data)
    out = bytearray()
    for i in range(0, len(data) - 2, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]))
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63])) + b'=='
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    """Decode a line of base64 data."""
    data = _ascii_arg(data)
    if strict_mode and data and data[0] == ord('='):
        raise Error('Leading padding not allowed')
    out = bytearray()
    quad = []
    pads = 0
    for pos, c in enumerate(data):
        if c == ord('='):
            pads += 1
            # Padding completes a group only once enough digits came before it.
            if len(quad) >= 2 and len(quad) + pads >= 4:
                if strict_mode and pos + 1 < len(data):
                    raise Error('Excess data after padding')
                break
            continue
        if c not in _B64_INDEX:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if pads and strict_mode:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        quad.append(_B64_INDEX[c])
        if len(quad) == 4:
            n = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3]
            out += bytes(((n >> 16) & 255, (n >> 8) & 255, n & 255))
            quad = []
    if quad:
        if len(quad) == 1:
            raise Error('Invalid base64-encoded string: number of data characters (%d) '
                        'cannot be 1 more than a multiple of 4'
                        % (len(out) // 3 * 4 + 1))
        if len(quad) + pads < 4:
            raise Error('Incorrect padding')
        n = 0
        for i, q in enumerate(quad):
            n |= q << (18 - 6 * i)
        out += bytes(((n >> 16) & 255, (n >> 8) & 255, n & 255))[:len(quad) - 1]
    return bytes(out)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data."""
    data = _buffer(data)
    if sep is None:
        return data.hex().encode('ascii')
    return data.hex(sep, bytes_per_sep).encode('ascii')


hexlify = b2a_hex


def a2b_hex(hexstr):
    """Binary data of hexadecimal representation."""
    data = _ascii_arg(hexstr)
    if len(data) % 2:
        raise Error('Odd-length string')
    try:
        return bytes.fromhex(data.decode('ascii'))
    except ValueError:
        raise Error('Non-hexadecimal digit found')


unhexlify = a2b_hex


def _make_crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC_TABLE = _make_crc_table()


def crc32(data, crc=0):
    """Compute CRC-32 incrementally."""
    data = _buffer(data)
    crc = ~crc & 0xFFFFFFFF
    table = _CRC_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF


def crc_hqx(data, crc):
    """Compute CRC-CCITT incrementally."""
    crc &= 0xFFFF
    for b in _buffer(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc
