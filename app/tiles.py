"""Reads for the sell screen's quick grid: favourites and per-category tiles, capped so a
100 000-product shop stays instant."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog import _HIT_COLUMNS, ProductHit, _hit
from models import Category, Product

TILE_LIMIT = 60
DEFAULT_COLOUR = "#607d8b"


@dataclass(frozen=True)
class Tile:
    """A product tile: what to add, and the colour to paint it."""

    hit: ProductHit
    colour: str


def tile_categories(session: Session) -> list[tuple[int, str, str]]:
    """Categories as (id, name, colour), by name."""
    rows = session.execute(select(Category.id, Category.name, Category.color).order_by(Category.name))
    return [(int(r[0]), str(r[1]), str(r[2] or DEFAULT_COLOUR)) for r in rows]


def quick_tiles(session: Session, category_id: int | None, limit: int = TILE_LIMIT) -> list[Tile]:
    """Favourites (``category_id`` None) or one category's products, by name."""
    stmt = (select(*_HIT_COLUMNS, Product.color, Category.color)
            .outerjoin(Category, Category.id == Product.category_id)
            .where(Product.archived.is_(False), Product.parent_id.is_(None)))  # variants: their parent's tile
    if category_id is None:
        stmt = stmt.where(Product.favourite.is_(True))
    else:
        stmt = stmt.where(Product.category_id == category_id)
    rows = session.execute(stmt.order_by(Product.name).limit(limit))
    width = len(_HIT_COLUMNS)
    return [Tile(_hit(tuple(r[:width])), str(r[width] or r[width + 1] or DEFAULT_COLOUR)) for r in rows]
