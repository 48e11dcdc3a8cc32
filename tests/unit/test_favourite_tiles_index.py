"""The quick grid's favourites come off their partial index once the shop has statistics
(written by migration 0012 and kept by ``Database.close``), not from a sort of the catalog."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from app import tiles
from app.db import open_database
from app.demo import seed_products
from models import Category, Product


def _plan(path: Path) -> list[str]:
    stmt = (select(*tiles._HIT_COLUMNS, Product.color, Category.color)
            .outerjoin(Category, Category.id == Product.category_id)
            .where(Product.archived.is_(False), Product.favourite.is_(True))
            .order_by(Product.name).limit(tiles.TILE_LIMIT))
    sql = str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    database = open_database(path)
    try:
        with database.read() as session:
            return [str(r[3]) for r in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    finally:
        database.engine.dispose()


def test_favourites_use_their_index_after_the_shop_grew(tmp_path: Path) -> None:
    path = tmp_path / "toko.sqlite"
    database = open_database(path)
    with database.unit_of_work() as session:
        seed_products(session, 3000)
    with database.read() as session:
        assert tiles.quick_tiles(session, None) is not None
    database.close()
    plan = _plan(path)
    assert any("ix_products_favourite_tiles" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan  # no sort of the catalog
