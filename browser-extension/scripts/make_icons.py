"""Draws the toolbar and store icons (icons/icon-{16,32,48,128}.png): a blue
shield with a white check mark, anti-aliased by 4x4 supersampling. Standard
library only; run `python3 scripts/make_icons.py` from browser-extension/."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 128)
SHIELD = (11, 87, 208)  # #0b57d0, the UI's accent
CHECK = (255, 255, 255)
SAMPLES = 4


def inside_shield(x: float, y: float) -> bool:
    """Unit square coordinates: a shield whose top is flat and bottom a point."""
    if not 0.12 <= x <= 0.88 or not 0.06 <= y <= 0.95:
        return False
    if y <= 0.55:
        return True
    # Below 55 % the sides curve in to the point at (0.5, 0.95).
    half = 0.38 * (1 - ((y - 0.55) / 0.40) ** 1.6)
    return abs(x - 0.5) <= half


def on_check(x: float, y: float, width: float) -> bool:
    """Two strokes: (0.30, 0.50) -> (0.45, 0.66) -> (0.71, 0.35)."""
    for (ax, ay), (bx, by) in (((0.30, 0.50), (0.45, 0.66)), ((0.45, 0.66), (0.71, 0.35))):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        if (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2:
            return True
    return False


def pixel(size: int, px: int, py: int) -> tuple[int, int, int, int]:
    shield = check = 0
    stroke = max(0.10, 2.2 / size)  # at least ~2 px wide at 16 px
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            if inside_shield(x, y):
                shield += 1
                check += on_check(x, y, stroke)
    total = SAMPLES * SAMPLES
    if not shield:
        return (0, 0, 0, 0)
    mix = check / shield
    rgb = tuple(round(s * (1 - mix) + c * mix) for s, c in zip(SHIELD, CHECK))
    return (*rgb, round(255 * shield / total))


def png(size: int) -> bytes:
    rows = b"".join(b"\x00" + bytes(v for px in range(size) for v in pixel(size, px, py)) for py in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "icons"
    out.mkdir(exist_ok=True)
    for size in SIZES:
        (out / f"icon-{size}.png").write_bytes(png(size))
        print(f"icons/icon-{size}.png")
