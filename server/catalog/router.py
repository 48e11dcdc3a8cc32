"""HTTP routes of the public catalog (no authentication)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel

from server.catalog.search import CatalogQuery, search, visible_photo
from server.config import Settings
from server.db import Database, ReadSessionDep
from server.errors import not_found

router = APIRouter(prefix="/api/v1/catalog", tags=["catalog"])


class CatalogItem(BaseModel):
    """A listing as buyers see it; ``available`` is on-hand − reserved − buffer."""

    listing_id: str
    seller_id: int
    shop_name: str
    name: str
    sku: str
    price: int
    unit: str
    category: str
    available: str
    photo_url: str | None


class CatalogPage(BaseModel):
    """One page of catalog results."""

    items: list[CatalogItem]
    page: int
    page_size: int
    has_more: bool


@router.get("", response_model=CatalogPage)
def catalog(
    session: ReadSessionDep,
    request: Request,
    q: Annotated[str | None, Query(max_length=100)] = None,
    category: Annotated[str | None, Query(max_length=60)] = None,
    seller: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> CatalogPage:
    """Search published, available listings of active sellers under the turnover cap."""
    settings: Settings = request.app.state.settings
    db: Database = request.app.state.db
    query = CatalogQuery(q=q, category=category, seller=seller, page=page, page_size=page_size)
    result = search(session, query, sqlite=db.is_sqlite,
                    buffer_milli=int(settings.safety_buffer * 1000), cap=settings.turnover_cap)
    return CatalogPage.model_validate(result)


def _media_type(data: bytes) -> str:
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


@router.get("/listings/{listing_id}/photo", responses={200: {"content": {"image/*": {}}}})
def photo(
    listing_id: Annotated[str, Path(min_length=36, max_length=36, pattern=r"^[0-9a-fA-F-]{36}$")],
    session: ReadSessionDep,
    request: Request,
) -> Response:
    """The photo of a visible listing."""
    settings: Settings = request.app.state.settings
    data = visible_photo(session, listing_id, settings.turnover_cap)
    if data is None:
        raise not_found("photo_not_found", "Foto produk tidak ditemukan.")
    return Response(data, media_type=_media_type(data))
