"""The quick grid's favourites come off their partial index once the shop has statistics
(written by migration 0012 and kept by ``Database.close``), not from a sort of the catalog."""

from __future__ import annotations

from pathlib import Path

from app import quickstart, tiles
from app.db import open_database
from app.demo import seed_products


def _plan(path: Path) -> list[str]:
    """The plan of the favourites' SQL text that app.tiles and app.quickstart both run."""
    sql, params = quickstart.tiles_query(None, tiles.TILE_LIMIT)
    database = open_database(path)
    try:
        with database.read() as session:
            return [str(r[3]) for r in session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql.replace(":limit", str(params["limit"])))]
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
