"""The product export writes the cost price only for a user allowed to see it (``cost_view``):
the owner, a cashier granted it, or nobody in a shop without users; never a plain cashier."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app import catalog, permissions, users
from app.db import Database
from app.importing import export_products
from app.importing.mapping import EXPORT_ORDER, label


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


@pytest.fixture
def shop(db: Database) -> Database:
    """One product costing Rp7.777 (sold at Rp9.500)."""
    with db.unit_of_work() as s:
        catalog.create_product(s, catalog.ProductInput(sku="GL-1", name="Gula 1 kg", price=9_500,
                                                       cost=7_777, unit="pcs"))
    return db


def test_nobody_in_a_new_shop_gets_the_cost(shop: Database, tmp_path: Path) -> None:
    with shop.read() as s:
        assert permissions.can_view_cost(s, None)
        export_products(s, tmp_path / "p.csv")
    header, row = _rows(tmp_path / "p.csv")
    assert row[header.index(label("cost"))] == "7777"


def test_cashier_export_has_no_cost_column(shop: Database, tmp_path: Path) -> None:
    with shop.unit_of_work() as s:
        owner = int(users.create_user(s, "Siti", "owner", "1234"))
        rina = int(users.create_user(s, "Rina", "cashier", "1111"))
        budi = int(users.create_user(s, "Budi", "cashier", "2222"))
        permissions.set_permissions(s, owner, budi, {"cost_view"})
    seen: dict[str, list[list[str]]] = {}
    for name, who in (("rina", rina), ("owner", owner), ("budi", budi), ("nobody", None)):
        with shop.read() as s:
            export_products(s, tmp_path / f"{name}.csv", who)
        seen[name] = _rows(tmp_path / f"{name}.csv")
    for plain in ("rina", "nobody"):  # nobody logged in, in a shop with users: no cost either
        header, row = seen[plain]
        assert label("cost") not in header and len(header) == len(row) == len(EXPORT_ORDER) - 1
        assert "7777" not in row and row[header.index(label("price"))] == "9500"
    for allowed in ("owner", "budi"):
        header, row = seen[allowed]
        assert header == [label(key) for key in EXPORT_ORDER]
        assert row[header.index(label("cost"))] == "7777"
