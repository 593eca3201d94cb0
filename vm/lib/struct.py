"""struct: packing of binary records (the work is done by the native `_struct`)."""

from _struct import error, calcsize, pack, unpack, unpack_from
import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


def iter_unpack(format, buffer):
    return iter(_struct.iter_unpack(format, buffer))


def pack_into(format, buffer, offset, *v):
    data = pack(format, *v)
    n = len(buffer)
    if offset < 0:
        if offset + n < 0:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        offset += n
    if n - offset < len(data):
        raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                    "bytes at offset %d (actual buffer size is %d)"
                    % (len(data) + offset, len(data), offset, n))
    buffer[offset:offset + len(data)] = data


class Struct:
    """A compiled format: pack/unpack without re-reading the format string."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.size = calcsize(format)
        self.format = format

    def pack(self, *v):
        return pack(self.format, *v)

    def pack_into(self, buffer, offset, *v):
        return pack_into(self.format, buffer, offset, *v)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return 'Struct(%r)' % (self.format,)
