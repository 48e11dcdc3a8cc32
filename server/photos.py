"""Listing photos: the type is sniffed from the bytes and the image re-encoded.

Whatever a device sends as a photo is opened with Pillow (JPEG, PNG or WebP only, at most
40 megapixels so a decompression bomb is refused before decoding), scaled to at most
1600 px on the long side and saved again as a plain JPEG: no EXIF (GPS position of the
seller's house), no trailing bytes, no HTML or script that a browser might sniff.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
MAX_PIXELS = 40_000_000
MAX_EDGE = 1600
QUALITIES = (85, 70, 55)


class PhotoError(ValueError):
    """The bytes are not a photo the catalog accepts."""


def _open(raw: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw))
            if image.format not in ALLOWED_FORMATS:
                raise PhotoError("Foto harus berupa gambar JPEG, PNG atau WebP.")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoError("Foto terlalu besar ukurannya (piksel).")
            image.load()
    except PhotoError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError("Foto harus berupa gambar JPEG, PNG atau WebP yang utuh.") from exc
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """Upright (EXIF orientation applied), RGB on white."""
    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def clean_photo(raw: bytes, limit: int) -> bytes:
    """``raw`` re-encoded as a metadata-free JPEG of at most ``limit`` bytes, or PhotoError."""
    image = _flatten(_open(raw))
    image.thumbnail((MAX_EDGE, MAX_EDGE))
    for quality in QUALITIES:
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=True)
        if out.tell() <= limit:
            return out.getvalue()
    raise PhotoError(f"Foto terlalu besar (maksimal {limit // 1024} KB).")
