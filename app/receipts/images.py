"""QR and logo bitmaps for receipts, cached so a receipt renders in milliseconds."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import qrcode
from PIL import Image

QR_BORDER = 1  # quiet-zone modules around the code (python-escpos uses 1 too)
LOGO_MAX_HEIGHT_DOTS = 160


@lru_cache(maxsize=64)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules of ``payload`` at error-correction level M, without border."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def qr_modules(payload: str) -> int:
    """Modules across the QR code of ``payload`` (21 for version 1, 57 for version 10)."""
    return len(qr_matrix(payload))


def qr_box_size(payload: str, max_px: int, largest: int = 8) -> int:
    """Dots per module so the code plus its border fits ``max_px`` (at least 1)."""
    return max(1, min(largest, max_px // (qr_modules(payload) + 2 * QR_BORDER)))


@lru_cache(maxsize=64)
def qr_image(payload: str, box: int) -> Image.Image:
    """A 1-bit image of the QR code with ``box`` pixels per module and a 1-module border."""
    matrix = qr_matrix(payload)
    size = len(matrix) + 2 * QR_BORDER
    small = Image.new("1", (size, size), 1)
    pixels = small.load()
    assert pixels is not None
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + QR_BORDER, y + QR_BORDER] = 0
    return small.resize((size * box, size * box), Image.Resampling.NEAREST)


def centered(image: Image.Image, width: int) -> Image.Image:
    """``image`` pasted in the middle of a white 1-bit strip ``width`` pixels wide."""
    if image.width >= width:
        return image.convert("1")
    strip = Image.new("1", (width, image.height), 1)
    strip.paste(image.convert("1"), ((width - image.width) // 2, 0))
    return strip


def load_logo(path: Path, max_width: int, max_height: int = LOGO_MAX_HEIGHT_DOTS) -> Image.Image:
    """The shop logo as a dithered 1-bit image that fits ``max_width`` × ``max_height`` dots.

    Cached by path, modification time and size, so editing the file takes effect.
    """
    stat = path.stat()
    return _load_logo(str(path), stat.st_mtime_ns, max_width, max_height)


@lru_cache(maxsize=8)
def _load_logo(path: str, mtime_ns: int, max_width: int, max_height: int) -> Image.Image:
    """Open, flatten transparency onto white, scale down and dither the logo."""
    del mtime_ns  # part of the cache key only
    with Image.open(path) as source:
        source.load()
        rgba = source.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    flat = Image.alpha_composite(white, rgba).convert("L")
    flat.thumbnail((max_width, max_height), Image.Resampling.LANCZOS)
    return flat.convert("1")


@lru_cache(maxsize=32)
def qr_png(payload: str, box: int) -> bytes:
    """The QR code as PNG bytes (for reportlab flowables that want a file)."""
    buffer = io.BytesIO()
    qr_image(payload, box).save(buffer, format="PNG")
    return buffer.getvalue()
