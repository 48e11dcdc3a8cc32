"""Reads for the sell screen's quick grid: favourites and per-category tiles, capped so a
100 000-product shop stays instant.

The SQL is :mod:`app.quickstart`'s (one text for the full path and the light start path).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from app import quickstart
from app.catalog import ProductHit
from models.base import ProductId

TILE_LIMIT = 60
DEFAULT_COLOUR = quickstart.DEFAULT_COLOUR


@dataclass(frozen=True)
class Tile:
    """A product tile: what to add, and the colour to paint it."""

    hit: ProductHit
    colour: str


def tile_categories(session: Session) -> list[tuple[int, str, str]]:
    """Categories as (id, name, colour), by name."""
    rows = session.execute(text(quickstart.CATEGORIES_SQL))
    return [(int(r[0]), str(r[1]), str(r[2] or DEFAULT_COLOUR)) for r in rows]


def quick_tiles(session: Session, category_id: int | None, limit: int = TILE_LIMIT) -> list[Tile]:
    """Favourites (``category_id`` None) or one category's products, by name."""
    sql, params = quickstart.tiles_query(category_id, limit)
    rows = session.execute(text(sql), params)
    return [as_tile(quickstart.tile_from_row(tuple(r))) for r in rows]


def as_tile(quick: quickstart.QuickTile) -> Tile:
    """A tile read by the light reader as the grid's :class:`Tile`."""
    hit = ProductHit(ProductId(quick.id), quick.sku, quick.name, quick.price, quick.unit,
                     quick.sold_by_weight, quick.on_hand, quick.archived, quick.option_names)
    return Tile(hit, quick.colour)
