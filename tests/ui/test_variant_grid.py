"""A variant picked from the grid: the parent's tile asks the option; Enter adds that variant."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import catalog, inventory, variants
from app.catalog import ProductInput
from ui.context import AppContext
from ui.sell.screen import SellScreen
from ui.sell.variant_dialog import VariantDialog


def _kemeja(ctx: AppContext) -> tuple[int, list[int]]:
    with ctx.db.unit_of_work() as session:
        parent = catalog.create_product(session, ProductInput(
            sku="KB-PARANG", name="Kemeja Batik Parang", price=150_000, favourite=True))
        variants.make_parent(session, parent, ["Ukuran", "Warna"])
        ids = variants.generate_variants(session, parent, {"Ukuran": ["M", "L"], "Warna": ["Merah"]})
        for vid in ids:
            inventory.receive(session, vid, Decimal(4))
        data = catalog.input_from_product(catalog.get_product(session, ids[1]))
        data.price, data.favourite = 155_000, True  # a favourite variant still shows as its parent
        catalog.update_product(session, ids[1], data)
    ctx.signals.sig_catalog_changed.emit()
    return int(parent), ids


def test_a_variant_picked_from_the_grid(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    parent, ids = _kemeja(ctx)
    grid = screen.ui.grid
    grid.show_category(None)
    qtbot.waitUntil(lambda: grid.tile_for(parent) is not None)
    assert grid.tile_for(ids[1]) is None  # variants are not tiles of their own
    seen: list[list[str]] = []

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VariantDialog):
            QTimer.singleShot(20, pick)
            return
        table = dialog.table
        seen.append([table.item(r, 0).text() for r in range(table.rowCount())])  # type: ignore[union-attr]
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    tile = grid.tile_for(parent)
    assert tile is not None
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.model.cart.lines))
    assert seen == [["M / Merah", "L / Merah"]]
    [line] = screen.model.cart.lines
    assert (line.product_id, line.qty, line.unit_price) == (ids[1], Decimal(1), 155_000)
    assert "L / Merah" in line.name


def test_escape_adds_nothing(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    parent, _ids = _kemeja(ctx)
    grid = screen.ui.grid
    grid.show_category(None)
    qtbot.waitUntil(lambda: grid.tile_for(parent) is not None)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VariantDialog):
            QTimer.singleShot(20, cancel)
            return
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    tile = grid.tile_for(parent)
    assert tile is not None
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert screen.model.cart.lines == []


def test_a_parent_typed_by_its_sku_also_asks_the_variant(ctx: AppContext, screen: SellScreen,
                                                         qtbot: QtBot) -> None:
    """A parent is never a cart line of its own, whichever way it was found (scan, SKU, search)."""
    parent, ids = _kemeja(ctx)

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VariantDialog):
            QTimer.singleShot(20, pick)
            return
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the first: M / Merah

    QTimer.singleShot(0, pick)
    qtbot.keyClicks(screen.ui.scan, "KB-PARANG")
    qtbot.keyClick(screen.ui.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(screen.model.cart.lines))
    assert [line.product_id for line in screen.model.cart.lines] == [ids[0]]
    assert parent not in [line.product_id for line in screen.model.cart.lines]
