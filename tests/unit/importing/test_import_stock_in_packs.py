"""The Stok column of a product import may name the row's packs: "2 dus 5" is 85 pcs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import Database
from app.importing import ImportRefused, guess_mapping, import_table, read_table
from app.inventory import ledger_sum
from app.pack_units import count_in_packs
from models import Product, StockMovement
from tests.unit.importing.helpers import write_csv

HEAD = "SKU;Nama Produk;Harga Jual;Satuan;Stok;Kemasan\n"


def _import(db: Database, path: Path) -> None:
    table = read_table(path)
    with db.unit_of_work() as s:
        import_table(s, table, guess_mapping(table.headers))


def test_a_new_products_stock_in_its_packs(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", HEAD
                     + "IM-1;Indomie Goreng;3500;pcs;2 dus 5;dus=40@130000\n"
                     + "TH;Teh Botol;5000;pcs;3 krat;krat=24@100000\n"
                     + "GL;Gula;18000;kg;12,5;\n")
    _import(db, path)
    with db.read() as s:
        stock = {p.sku: p.on_hand for p in s.scalars(select(Product))}
        assert all(ledger_sum(s, p.id) == p.on_hand for p in s.scalars(select(Product)))
        kinds = set(s.scalars(select(StockMovement.kind)))
    assert stock == {"IM-1": Decimal(85), "TH": Decimal(72), "GL": Decimal("12.5")}
    assert kinds == {"initial"}


def test_a_pack_the_row_does_not_have_refuses_the_file(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", HEAD + "IM-1;Indomie Goreng;3500;pcs;2 karung;dus=40@130000\n")
    with pytest.raises(ImportRefused) as refused:
        _import(db, path)
    assert [(e.line, e.reason) for e in refused.value.plan.errors] == [
        (2, "Stok: Satuan 'karung' tidak dikenal untuk produk ini.")]
    with db.read() as s:
        assert s.scalars(select(Product)).first() is None


def test_count_in_packs_reads_names_as_the_import_writes_them() -> None:
    assert count_in_packs("1 Dus + 3", "pcs", [("DUS", Decimal(40))]) == Decimal(43)
    assert count_in_packs("2", "pcs", []) == Decimal(2)
