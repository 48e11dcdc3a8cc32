"""The product editor's Kemasan & Grosir and Varian parts: typed in, saved, shown again."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from app import packs, variants
from app.db import Database
from ui.context import AppContext
from ui.products.editor import ProductEditor


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The app context on a fresh shop."""
    return AppContext(db=db, user_id=None)


def _editor(ctx: AppContext, qtbot: QtBot, product_id: int | None = None) -> ProductEditor:
    editor = ProductEditor(ctx, product_id)
    qtbot.addWidget(editor)
    return editor


def test_packs_and_tiers_typed_in_the_editor_are_saved(ctx: AppContext, qtbot: QtBot) -> None:
    editor = _editor(ctx, qtbot)
    editor.sku.setText("IM-1")
    editor.name.setText("Indomie Goreng")
    editor.price.setText("3.500")
    part = editor.packs_part
    part.add_row(part.pack_table, ["Dus", "40", "130.000", "8998866200028"])
    part.add_row(part.tier_table, ["", "12", "3.300", ""])
    part.add_row(part.tier_table, ["dus", "5", "125.000", "reseller"])
    assert editor.save()
    pid = editor.product_id
    assert pid is not None
    with ctx.db.read() as session:
        [dus] = packs.packs_of(session, pid)
        assert (dus.name, dus.factor, dus.price, dus.barcodes) == ("dus", Decimal(40), 130_000,
                                                                   ("8998866200028",))
        assert [(t.pack, t.min_qty, t.price, t.group) for t in packs.tiers_of(session, pid)] == [
            ("", Decimal(12), 3_300, ""), ("dus", Decimal(5), 125_000, "reseller")]
    again = _editor(ctx, qtbot, pid)
    assert again.packs_part.pack_table.rowCount() == 1 and again.packs_part.tier_table.rowCount() == 2
    again.packs_part.add_row(again.packs_part.tier_table, ["", "24", "3.600", ""])  # above the price
    assert not again.save()
    assert again.tabs.currentWidget() is again.packs_part
    assert "di bawah" in again.packs_part.error.text()


def test_variants_made_in_the_editor(ctx: AppContext, qtbot: QtBot) -> None:
    editor = _editor(ctx, qtbot)
    editor.sku.setText("KB")
    editor.name.setText("Kemeja Batik Parang")
    editor.price.setText("150.000")
    part = editor.variants_part
    part.names[0].setText("Ukuran")
    part.values[0].setText("M, L")
    part.names[1].setText("Warna")
    part.values[1].setText("Merah")
    assert editor.save()
    pid = editor.product_id
    assert pid is not None
    again = _editor(ctx, qtbot, pid)
    table = again.variants_part.table
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == ["M / Merah", "L / Merah"]  # type: ignore[union-attr]
    table.setItem(1, 2, QTableWidgetItem("160.000"))
    assert again.save()
    with ctx.db.read() as session:
        views = variants.variants_of(session, pid)
    assert [(v.label, v.price) for v in views] == [("M / Merah", 150_000), ("L / Merah", 160_000)]
