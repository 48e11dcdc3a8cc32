"""Read the QRIS text from a photo of the seller's sticker (zxing-cpp over a Pillow image)."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from app.errors import ValidationError

MAX_SIDE = 2000
"""Big phone photos are scaled down first: faster, and zxing still reads the QR."""


def read_qr_image(image: Image.Image) -> str:
    """The text of the first QR code in ``image``; ValidationError when there is none."""
    picture = ImageOps.exif_transpose(image) or image
    picture = picture.convert("L")
    if max(picture.size) > MAX_SIDE:
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
    for candidate in (picture, ImageOps.autocontrast(picture)):
        for result in zxingcpp.read_barcodes(candidate):
            if result.format == zxingcpp.BarcodeFormat.QRCode and result.text:
                return str(result.text)
    raise ValidationError("Tidak ada kode QR yang terbaca di foto ini. Foto stiker QRIS dari "
                          "dekat, lurus dan terang, lalu coba lagi.", field="qris")


def read_qr_photo(path: Path) -> str:
    """The QR text in the photo at ``path``; ValidationError for an unreadable file."""
    try:
        with Image.open(path) as image:
            image.load()
            return read_qr_image(image)
    except (OSError, UnidentifiedImageError) as exc:
        raise ValidationError("Foto {name} tidak bisa dibuka: pakai berkas JPG atau PNG.", field="qris",
                              name=Path(path).name) from exc
