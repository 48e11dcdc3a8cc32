"""Every Qt model of the products area passes qtmodeltester; the lazy table pages correctly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from app.db import Database
from app.importing import build_plan, guess_mapping
from app.importing.reader import read_csv_bytes
from app.inventory import history, low_stock
from app.labels import LabelItem
from app.product_queries import ProductFilter
from tests.unit.foundation_kit import add_product
from ui.products.import_wizard import preview_model, preview_rows
from ui.products.labels_dialog import LabelLine, LabelModel
from ui.products.stock_dialogs import low_stock_model, movement_model
from ui.products.stocktake import StocktakeModel
from ui.products.table_model import ID_ROLE, ProductTableModel


@pytest.fixture
def shop(db: Database) -> Database:
    """40 products over two categories, a few low, one archived, one with a barcode."""
    with db.unit_of_work() as s:
        s.execute(text("INSERT INTO categories (name, color) VALUES ('Sembako', '#fff'), "
                       "('Minuman', '#000')"))
        for i in range(40):
            add_product(s, f"P{i:03d}", f"Produk {'Gula' if i % 4 == 0 else 'Teh'} {i:03d}",
                        1000 + i * 100, stock=i % 7, min_stock=3 if i % 5 == 0 else 0,
                        barcodes=(f"CODE{i:03d}",) if i == 7 else ())
        s.execute(text("UPDATE products SET category_id = 1 + (id % 2), published = (id % 3 = 0)"))
        s.execute(text("UPDATE products SET archived = 1 WHERE sku = 'P039'"))
    return db


def test_product_table_model(qtmodeltester, shop: Database) -> None:  # type: ignore[no-untyped-def]
    model = ProductTableModel(shop, page_size=7)
    assert model.rowCount() == 39
    qtmodeltester.check(model)
    model.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    prices = [model.row_at(r).price for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert prices == sorted(prices, reverse=True)


@pytest.mark.parametrize(("flt", "count"), [
    (ProductFilter(search="gula"), 10), (ProductFilter(search="te"), 29),
    (ProductFilter(search="CODE007"), 1), (ProductFilter(category_id=1), 19),
    (ProductFilter(archived=True), 1), (ProductFilter(low_stock=True), 5),
    (ProductFilter(unpublished=True), 26), (ProductFilter(search="gula", unpublished=True), 7),
])
def test_filters(shop: Database, flt: ProductFilter, count: int) -> None:
    model = ProductTableModel(shop, page_size=5)
    model.set_filter(flt)
    assert model.rowCount() == count
    ids = {model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())}
    assert len(ids) == count


def test_small_models(qtmodeltester, shop: Database) -> None:  # type: ignore[no-untyped-def]
    with shop.read() as s:
        qtmodeltester.check(movement_model(history(s, 1)))
        qtmodeltester.check(low_stock_model(low_stock(s)))
        table = read_csv_bytes(b"Nama,Harga\nGula,abc\nTeh,3000\n")
        mapping = guess_mapping(table.headers)
        plan = build_plan(s, table, mapping)
    qtmodeltester.check(preview_model(table, mapping, preview_rows(table, plan)))
    labels = LabelModel([LabelLine(1, LabelItem("Gula", 18500, "8991234567891"), 2)])
    qtmodeltester.check(labels)
    assert labels.setData(labels.index(0, 4), "5") and labels.rows[0].count == 5
    assert not labels.setData(labels.index(0, 4), "lima")


def test_stocktake_model(qtmodeltester, shop: Database) -> None:  # type: ignore[no-untyped-def]
    from app.catalog import find_by_code

    model = StocktakeModel()
    with shop.read() as s:
        for code in ("P001", "P002", "P001"):
            hit = find_by_code(s, code)
            assert hit is not None
            model.add(hit, Decimal(1))
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 4), "2,5")
    assert not model.setData(model.index(0, 4), "-1")
    assert model.counts() == {3: Decimal("2.5"), 2: Decimal(2)}


def test_stocktake_model_roles(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from app.catalog import ProductHit
    from models.base import ProductId

    model = StocktakeModel()
    for pid in (1, 2):
        model.add(ProductHit(ProductId(pid), f"S{pid}", f"P{pid}", 100, "pcs", False,
                             Decimal(5), False), Decimal(5))
    model.add(ProductHit(ProductId(2), "S2", "P2", 100, "pcs", False, Decimal(5), False),
              Decimal(2))
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == \
        ["SKU", "Nama", "Satuan", "Sistem", "Dihitung", "Selisih"]
    assert [model.data(model.index(0, c)) for c in range(6)] == ["S2", "P2", "pcs", "5", "7", "+2"]
    editable = [bool(model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable) for c in range(6)]
    assert editable == [False, False, False, False, True, False]
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    aligned = [model.data(model.index(0, c), Qt.ItemDataRole.TextAlignmentRole) for c in range(6)]
    assert aligned == [None, None, None, right, right, right]
    assert all(model.data(model.index(0, c), Qt.ItemDataRole.ToolTipRole) is None for c in range(6))
    fg = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(0, 5), fg).color().name() == "#2e7d32"
    assert model.data(model.index(1, 5), fg) is None and model.data(model.index(0, 4), fg) is None
    assert not model.setData(model.index(1, 4), "lima") and not model.setData(model.index(1, 3), "1")
    assert model.setData(model.index(1, 4), "3")
    assert model.data(model.index(1, 5)) == "-2"
    assert model.data(model.index(1, 5), fg).color().name() == "#c62828"
    assert model.differences() == model.lines
