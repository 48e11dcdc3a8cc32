"""Catalog queries: FTS5 trigram on SQLite, pg_trgm (ILIKE + GIN) on PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, column, or_, select, text
from sqlalchemy.orm import Session

from contract.datetimes import month_key
from contract.quantity import milli_text
from server.models import Listing, Seller, SellerTurnover, utcnow


@dataclass(frozen=True)
class CatalogQuery:
    """What a buyer asks the catalog."""

    q: str | None
    category: str | None
    seller: int | None
    page: int
    page_size: int


def _like_pattern(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _token_filter(token: str) -> ColumnElement[bool]:
    pattern = _like_pattern(token)
    return or_(Listing.name.ilike(pattern, escape="\\"), Listing.sku.ilike(pattern, escape="\\"))


def _fts_filter(tokens: list[str]) -> ColumnElement[bool]:
    match = " AND ".join('"' + tok.replace('"', '""') + '"' for tok in tokens)
    sub = text("SELECT rowid FROM listings_fts WHERE listings_fts MATCH :match").bindparams(
        match=match
    )
    return Listing.id.in_(sub.columns(column("rowid", Integer)))


def text_filter(q: str, sqlite: bool) -> ColumnElement[bool] | None:
    """A filter for the words of ``q`` (all must occur in the name or SKU)."""
    tokens = [tok for tok in q.split() if tok][:8]
    if not tokens:
        return None
    long_tokens = [tok for tok in tokens if len(tok) >= 3]
    short = [tok for tok in tokens if len(tok) < 3]
    parts: list[ColumnElement[bool]] = []
    if sqlite and long_tokens:
        parts.append(_fts_filter(long_tokens))
        parts += [_token_filter(tok) for tok in short]
    else:
        parts += [_token_filter(tok) for tok in tokens]
    return and_(*parts)


def hidden_query(cap: int) -> Select[int]:
    """The sellers whose turnover this month reached the cap, as a subquery."""
    return select(SellerTurnover.seller_id).where(
        SellerTurnover.month == month_key(utcnow()), SellerTurnover.amount >= cap)


def hidden_sellers(session: Session, cap: int) -> list[int]:
    """Sellers whose turnover this month reached the cap."""
    return list(session.scalars(hidden_query(cap)))


Hidden = list[int] | Select[int]


def listing_columns(buffer_milli: int) -> tuple[Any, ...]:
    """What a listing row shows buyers; ``available`` is on hand − reserved − buffer (milli)."""
    available = Listing.on_hand_milli - Listing.reserved_milli - buffer_milli
    return (Listing.uuid, Listing.seller_id, Seller.shop_name, Listing.name, Listing.sku,
            Listing.price, Listing.unit, Listing.category, available.label("available"),
            Listing.photo.isnot(None).label("has_photo"))


def visible(stmt: Select[*tuple[Any, ...]], hidden: Hidden) -> Select[*tuple[Any, ...]]:
    """Only listings buyers may see: published, seller active and not hidden by the cap
    (``hidden``: the sellers' ids, or :func:`hidden_query` to read them in the same query)."""
    stmt = stmt.join(Seller, Seller.id == Listing.seller_id).where(
        Listing.published.is_(True), Listing.hidden_reason.is_(None), Seller.status == "active")
    if isinstance(hidden, list) and not hidden:
        return stmt
    return stmt.where(Listing.seller_id.not_in(hidden))


def catalog_statement(
    query: CatalogQuery, *, sqlite: bool, buffer_milli: int, hidden: Hidden,
    in_stock: bool = True,
) -> Select[*tuple[Any, ...]]:
    """The page of visible listings (only available ones unless ``in_stock`` is off), by id."""
    stmt = visible(select(*listing_columns(buffer_milli)).select_from(Listing), hidden)
    if in_stock:
        stmt = stmt.where(Listing.on_hand_milli - Listing.reserved_milli - buffer_milli > 0)
    if query.q and (flt := text_filter(query.q, sqlite)) is not None:
        stmt = stmt.where(flt)
    if query.category:
        stmt = stmt.where(Listing.category == query.category)
    if query.seller is not None:
        stmt = stmt.where(Listing.seller_id == query.seller)
    offset = (query.page - 1) * query.page_size
    return stmt.order_by(Listing.id).offset(offset).limit(query.page_size + 1)


def search(
    session: Session, query: CatalogQuery, *, sqlite: bool, buffer_milli: int, cap: int
) -> dict[str, Any]:
    """Run the catalog query (one statement) and shape the answer."""
    stmt = catalog_statement(query, sqlite=sqlite, buffer_milli=buffer_milli,
                             hidden=hidden_query(cap))
    rows = session.execute(stmt).all()
    items = [
        {
            "listing_id": r.uuid, "seller_id": r.seller_id, "shop_name": r.shop_name,
            "name": r.name, "sku": r.sku, "price": r.price, "unit": r.unit,
            "category": r.category, "available": milli_text(r.available),
            "photo_url": f"/api/v1/catalog/listings/{r.uuid}/photo" if r.has_photo else None,
        }
        for r in rows[: query.page_size]
    ]
    return {"items": items, "page": query.page, "page_size": query.page_size,
            "has_more": len(rows) > query.page_size}


def visible_photo(session: Session, listing_id: str, cap: int) -> bytes | None:
    """The stored photo of a listing buyers may see (published, seller active and under the
    turnover cap), or None. The catalog API and the storefront both serve photos through it."""
    row = session.execute(
        select(Listing.photo, Listing.published, Listing.seller_id, Seller.status,
               Listing.hidden_reason)
        .join(Seller, Seller.id == Listing.seller_id)
        .where(Listing.uuid == listing_id.lower())
    ).first()
    if row is None or row.photo is None or not row.published or row.status != "active" \
            or row.hidden_reason is not None:
        return None
    if row.seller_id in hidden_sellers(session, cap):
        return None
    return bytes(row.photo)
