"""Listing photos as small JPEGs for phones: ``/foto/<uuid>/kecil`` (cards) and ``/besar``.

The server keeps one photo per listing (up to 512 KB as the shop sent it). A card shows it
96 px wide, so sending the original to a phone on 3G wastes most of it: this route scales it
down once (Pillow), keeps the result in a small in-process cache keyed by the photo's digest,
and lets the browser cache it (``ETag``, ``Cache-Control``). Visibility is the catalog's.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import Response
from PIL import Image, ImageOps, UnidentifiedImageError

from server.catalog.search import visible_photo as catalog_photo
from server.config import Settings
from server.db import ReadSessionDep
from server.web.router import UUID_RE, not_found_page

router = APIRouter(include_in_schema=False)

SIZES = {"kecil": 192, "besar": 720}
MAX_PIXELS = 40_000_000  # a larger image is refused rather than decoded
CACHE_ENTRIES = 512


class _Cache:
    """A small thread-safe LRU of scaled photos."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.items: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[str, int]) -> bytes | None:
        """The cached JPEG, or None."""
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key: tuple[str, int], value: bytes) -> None:
        """Remember a JPEG, forgetting the oldest beyond the limit."""
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.entries:
                self.items.popitem(last=False)


CACHE = _Cache(CACHE_ENTRIES)


def scaled_jpeg(data: bytes, edge: int) -> bytes | None:
    """``data`` (JPEG/PNG/WebP) fitted into ``edge``×``edge`` as a JPEG; None if unreadable."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            fitted = ImageOps.exif_transpose(image) or image
            fitted.thumbnail((edge, edge))
            if fitted.mode != "RGB":
                fitted = fitted.convert("RGB")
            out = io.BytesIO()
            fitted.save(out, "JPEG", quality=72, optimize=True, progressive=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def visible_photo(request: Request, session: ReadSessionDep, listing_id: str) -> bytes | None:
    """The stored photo of a listing buyers may see, or None."""
    settings: Settings = request.app.state.settings
    return catalog_photo(session, listing_id, settings.turnover_cap)


@router.get("/foto/{listing_id}/{size}")
def photo(
    request: Request, session: ReadSessionDep,
    listing_id: Annotated[str, Path(max_length=100)],
    size: Annotated[str, Path(max_length=20)],
    if_none_match: Annotated[str | None, Header(max_length=200)] = None,
) -> Response:
    """A listing photo scaled for phones (cached by the browser for an hour)."""
    if size not in SIZES or not UUID_RE.match(listing_id):
        return not_found_page()
    data = visible_photo(request, session, listing_id)
    if data is None:
        return not_found_page()
    digest = hashlib.sha256(data).hexdigest()[:32]
    etag = f'"{digest}-{size}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=3600",
               "X-Content-Type-Options": "nosniff"}
    if if_none_match == etag:
        return Response(status_code=304, headers=headers)
    key = (digest, SIZES[size])
    body = CACHE.get(key)
    if body is None:
        body = scaled_jpeg(data, SIZES[size])
        if body is None:
            return not_found_page()
        CACHE.put(key, body)
    return Response(body, media_type="image/jpeg", headers=headers)
