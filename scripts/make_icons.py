"""Draws the Commons app icons (a white ring on blue) as PNG files, with the standard library
only. Run once when the design changes; the PNGs are committed."""
import math
import struct
import zlib
from pathlib import Path

BLUE = (31, 95, 139)
WHITE = (255, 255, 255)


def png(size, pixel):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size)
    )
    chunk = lambda kind, data: (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    )
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def ring(scale):
    """A 'C'-like ring; `scale` shrinks it into the maskable safe zone."""

    def pixel(x, y, size):
        cx = cy = size / 2
        r = math.hypot(x + 0.5 - cx, y + 0.5 - cy) / (size / 2)
        angle = math.degrees(math.atan2(y + 0.5 - cy, x + 0.5 - cx))
        outer, inner = 0.62 * scale, 0.36 * scale
        in_gap = -35 < angle < 35
        return WHITE if inner <= r <= outer and not in_gap else BLUE

    return pixel


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
for size in (192, 512):
    (out / f"icon-{size}.png").write_bytes(png(size, ring(1.0)))
(out / "icon-maskable-512.png").write_bytes(png(512, ring(0.8)))
