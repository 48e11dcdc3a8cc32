"""Reads for the sell screen's quick grid: favourites and per-category tiles, capped so a
100 000-product shop stays instant.

The SQL is :mod:`app.quickstart`'s (one text for the full path and the light start path).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app import quickstart
from app.hits import Tile

__all__ = ["DEFAULT_COLOUR", "TILE_LIMIT", "Tile", "quick_tiles", "tile_categories"]

TILE_LIMIT = quickstart.TILE_LIMIT
DEFAULT_COLOUR = quickstart.DEFAULT_COLOUR


def tile_categories(session: Session) -> list[tuple[int, str, str]]:
    """Categories as (id, name, colour), by name."""
    rows = session.execute(text(quickstart.CATEGORIES_SQL))
    return [(int(r[0]), str(r[1]), str(r[2] or DEFAULT_COLOUR)) for r in rows]


def quick_tiles(session: Session, category_id: int | None, limit: int = TILE_LIMIT) -> list[Tile]:
    """Favourites (``category_id`` None) or one category's products, by name."""
    sql, params = quickstart.tiles_query(category_id, limit)
    rows = session.execute(text(sql), params)
    return [quickstart.tile_from_row(tuple(r)) for r in rows]

