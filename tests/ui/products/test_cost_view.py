"""``cost_view``: a cashier without it sees no cost price — not in Produk's table, the product
editor, receiving goods or the product export; the owner sees all of it. Driven by keys:
Ctrl+L to log in, Ctrl+2 for Produk & Stok."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.importing.mapping import EXPORT_ORDER, label
from models import Product, User
from tests.ui.admin.kit import activate, log_in_with_ctrl_l, user_id
from tests.ui.helpers import press
from ui.admin.login import install_lock_shortcut
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.products.editor import ProductEditor
from ui.products.page import ProductsPage
from ui.products.stock_dialogs import ReceiveDialog
from ui.products.table_model import COST_COLUMN

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
COST_HEADER = label("cost")


def products_as(window: MainWindow, ctx: AppContext, qtbot: QtBot, name: str,
                pin: str) -> ProductsPage:
    """Log in as ``name`` with Ctrl+L, then Ctrl+2: Produk & Stok."""
    install_lock_shortcut(window, ctx)
    log_in_with_ctrl_l(window, ctx, qtbot, name, pin)
    activate(window, qtbot)
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, ProductsPage)
    return page


def cost_cells(page: ProductsPage) -> list[str]:
    """The cost column's header and its first rows as the model gives them."""
    model = page.model
    header = str(model.headerData(COST_COLUMN, Qt.Orientation.Horizontal))
    return [header] + [str(model.data(model.index(r, COST_COLUMN))) for r in range(5)]


def exported_headers(page: ProductsPage, tmp_path: Path) -> tuple[list[str], list[str]]:
    """The header rows of a CSV and an XLSX export made from the page."""
    csv_path, xlsx_path = tmp_path / "produk.csv", tmp_path / "produk.xlsx"
    assert page.export_to(csv_path) > 100 and page.export_to(xlsx_path) > 100
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        csv_header = next(csv.reader(handle, delimiter=";"))
    sheet = load_workbook(xlsx_path, read_only=True).active
    assert sheet is not None
    xlsx_header = [str(c) for c in next(sheet.iter_rows(max_row=1, values_only=True))]
    return csv_header, xlsx_header


def test_cashier_sees_no_cost_in_the_table_or_the_export(
    window: MainWindow, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page = products_as(window, ctx, qtbot, "Rina", "1111")
    assert ctx.user_role == "cashier"
    assert page.table.isColumnHidden(COST_COLUMN)
    assert cost_cells(page) == [""] * 6  # nothing to unhide either
    for header in exported_headers(page, tmp_path):
        assert COST_HEADER not in header and len(header) == len(EXPORT_ORDER) - 1
        assert label("price") in header


def test_owner_sees_the_cost_column_and_exports_it(
    window: MainWindow, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page = products_as(window, ctx, qtbot, "Siti", "1234")
    assert not page.table.isColumnHidden(COST_COLUMN)
    header, *cells = cost_cells(page)
    assert header == "Harga pokok" and all(c.startswith("Rp") for c in cells)
    for exported in exported_headers(page, tmp_path):
        assert exported[EXPORT_ORDER.index("cost")] == COST_HEADER
    log_in_with_ctrl_l(window, ctx, qtbot, "Rina", "1111")  # the cashier takes over the till
    assert page.table.isColumnHidden(COST_COLUMN) and cost_cells(page)[1] == ""


def test_cashier_editor_and_receiving_hide_the_cost_and_keep_it(
    ctx: AppContext, qtbot: QtBot
) -> None:
    with ctx.db.unit_of_work() as s:
        rina = s.get(User, user_id(ctx, "Rina"))
        assert rina is not None
        ctx.user_id, ctx.user_name, ctx.user_role = rina.id, rina.name, rina.role
        product = s.scalars(select(Product).where(Product.cost > 0).limit(1)).one()
        pid, cost = product.id, product.cost
    editor = ProductEditor(ctx, pid)
    qtbot.addWidget(editor)
    assert editor.cost.text() == "" and editor.boxes["cost"].isHidden()
    editor.name.clear()
    qtbot.keyClicks(editor.name, "Nama Baru Dari Kasir")
    assert editor.save()
    receive = ReceiveDialog(ctx, pid)
    qtbot.addWidget(receive)
    assert receive.cost_edit.text() == "" and receive.boxes["cost"].isHidden()
    qtbot.keyClicks(receive.qty, "3")
    assert receive.save()
    with ctx.db.read() as s:
        saved = s.get(Product, pid)
        assert saved is not None and saved.name == "Nama Baru Dari Kasir" and saved.cost == cost
