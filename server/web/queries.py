"""Read queries of the storefront: browsing, one listing, a seller, categories, the cart's listings.

Visibility is the public catalog's (``server.catalog.search``): a published listing of an active
seller whose paid turnover this month is below the cap. Browsing without "stok tersedia" also
shows such listings that are out of stock (marked so); the catalog API itself only lists
available ones and is what the default search uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from server.catalog.search import (
    CatalogQuery,
    catalog_statement,
    hidden_sellers,
    listing_columns,
    search,
    visible,
)
from server.config import Settings
from server.models import Listing, Seller

PAGE_SIZE = 20


@dataclass(frozen=True)
class Browse:
    """What the home page asks: words, category, only in stock, page."""

    q: str | None = None
    category: str | None = None
    in_stock: bool = True
    page: int = 1
    seller: int | None = None


def _buffer(settings: Settings) -> int:
    return int(settings.safety_buffer * 1000)


def _item(row: Any) -> dict[str, Any]:
    return {
        "listing_id": row.uuid, "seller_id": row.seller_id, "shop_name": row.shop_name,
        "name": row.name, "sku": row.sku, "price": row.price, "unit": row.unit,
        "category": row.category, "available": row.available,
        "photo_url": f"/foto/{row.uuid}/kecil" if row.has_photo else None,
    }


def browse(session: Session, settings: Settings, query: Browse, *, sqlite: bool) -> dict[str, Any]:
    """A page of listings: the catalog search when only stock is wanted, else every visible one.

    ``available`` of each item is in thousandths (int), whichever path answered.
    """
    if query.in_stock:
        found = search(session, CatalogQuery(q=query.q, category=query.category,
                                             seller=query.seller, page=query.page,
                                             page_size=PAGE_SIZE),
                       sqlite=sqlite, buffer_milli=_buffer(settings), cap=settings.turnover_cap)
        for item in found["items"]:
            item["available"] = _milli(item["available"])
            if item["photo_url"]:
                item["photo_url"] = f"/foto/{item['listing_id']}/kecil"
        return found
    stmt = catalog_statement(CatalogQuery(q=query.q, category=query.category, seller=query.seller,
                                          page=query.page, page_size=PAGE_SIZE),
                             sqlite=sqlite, buffer_milli=_buffer(settings),
                             hidden=hidden_sellers(session, settings.turnover_cap), in_stock=False)
    rows = session.execute(stmt).all()
    return {"items": [_item(r) for r in rows[:PAGE_SIZE]], "page": query.page,
            "page_size": PAGE_SIZE, "has_more": len(rows) > PAGE_SIZE}


def _milli(text: str) -> int:
    whole, _, frac = text.partition(".")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 1000 + int((frac + "000")[:3]))


def listing(session: Session, settings: Settings, listing_uuid: str) -> dict[str, Any] | None:
    """One visible listing (also when out of stock), or None."""
    stmt = visible(select(*listing_columns(_buffer(settings))).select_from(Listing),
                   hidden_sellers(session, settings.turnover_cap))
    row = session.execute(stmt.where(Listing.uuid == listing_uuid.lower())).first()
    return _item(row) if row is not None else None


def listings(session: Session, settings: Settings, uuids: list[str]) -> dict[str, dict[str, Any]]:
    """The visible listings among ``uuids`` by UUID (for the cart)."""
    if not uuids:
        return {}
    stmt = visible(select(*listing_columns(_buffer(settings))).select_from(Listing),
                   hidden_sellers(session, settings.turnover_cap))
    rows = session.execute(stmt.where(Listing.uuid.in_([u.lower() for u in uuids]))).all()
    return {r.uuid: _item(r) for r in rows}


def seller(session: Session, settings: Settings, seller_id: int) -> Seller | None:
    """An active seller under the cap (what buyers may see), or None."""
    found = session.get(Seller, seller_id)
    if found is None or found.status != "active":
        return None
    if seller_id in hidden_sellers(session, settings.turnover_cap):
        return None
    return found


def categories(session: Session, settings: Settings, limit: int = 30) -> list[tuple[str, int]]:
    """The categories of visible, available listings with their counts, biggest first."""
    available = Listing.on_hand_milli - Listing.reserved_milli - _buffer(settings)
    stmt: Select[*tuple[Any, ...]] = select(Listing.category, func.count()).select_from(Listing)
    stmt = visible(stmt, hidden_sellers(session, settings.turnover_cap))
    stmt = (stmt.where(Listing.category != "", available > 0).group_by(Listing.category)
            .order_by(func.count().desc(), Listing.category).limit(limit))
    return [(str(name), int(count)) for name, count in session.execute(stmt)]


def _visible_sellers(session: Session, settings: Settings) -> Select[Any]:
    stmt = select(Seller).where(Seller.status == "active")
    hidden = hidden_sellers(session, settings.turnover_cap)
    return stmt.where(Seller.id.not_in(hidden)) if hidden else stmt


def kecamatans(session: Session, settings: Settings, limit: int = 40) -> list[tuple[str, int]]:
    """The kecamatan of visible sellers with how many sellers each has, by name."""
    sub = _visible_sellers(session, settings).where(Seller.kecamatan.isnot(None)).subquery()
    stmt = (select(sub.c.kecamatan, func.count()).group_by(sub.c.kecamatan)
            .order_by(sub.c.kecamatan).limit(limit))
    return [(str(name), int(count)) for name, count in session.execute(stmt)]


def sellers_in(session: Session, settings: Settings, kecamatan: str,
               limit: int = 100) -> list[Seller]:
    """Visible sellers of one kecamatan, by shop name."""
    stmt = _visible_sellers(session, settings).where(Seller.kecamatan == kecamatan)
    return list(session.scalars(stmt.order_by(Seller.shop_name, Seller.id).limit(limit)))
