"""The orders list and the refund lines on the shared table model: columns, colours, keys,
keyset paging and the per-line edit rule (checked by qtmodeltester too); the page's payment
method filter and its capped count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import ui.orders.model as orders_model
import ui.orders.page as orders_page
from app.order_queries import LineView, OrderRow
from ui.context import AppContext
from ui.list_model import KEY_ROLE, RIGHT
from ui.orders.model import OrdersModel
from ui.orders.page import OrdersPage
from ui.orders.refund_dialog import RETURN_COLUMN, RefundLinesModel

T0 = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)


def _orders(count: int) -> list[OrderRow]:
    kinds = [("sale", "paid", 0), ("refund", "paid", 0), ("sale", "void", 0), ("sale", "paid", -5000)]
    return [OrderRow(1000 - n, f"K1-20260302-{1000 - n:04d}", T0 - timedelta(minutes=n), *kinds[n % 4][:2],
                     "Toko", "Rina", "cash,qris", 25_000, kinds[n % 4][2]) for n in range(count)]


def test_orders_model_pages_by_key_after_the_last_row(qtmodeltester, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(orders_model, "PAGE", 4)
    everything, asked = _orders(10), []

    def fetch(after: tuple[datetime, int] | None, limit: int) -> list[OrderRow]:
        asked.append(after)
        rest = [r for r in everything if after is None or (r.created_at, r.id) < after]
        return rest[:limit]

    model = OrdersModel()
    model.reset(fetch)
    assert model.rowCount() == 4 and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert [r.id for r in model.rows] == [r.id for r in everything]
    assert asked[1] == (everything[3].created_at, everything[3].id)
    assert model.columnCount() == 7 and model.headerData(0, Qt.Orientation.Horizontal) == "No. pesanan"


def test_orders_model_cells_colours_and_keys(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = OrdersModel()
    model.reset(lambda after, limit: _orders(4) if after is None else [])
    qtmodeltester.check(model, force_py=True)
    cell = lambda row, col, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(row, col), role)  # noqa: E731
    assert cell(0, 0) == "K1-20260302-1000" and cell(0, 2) == "Rp25.000"
    assert cell(0, 2, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert cell(0, 0, Qt.ItemDataRole.TextAlignmentRole) is None
    assert cell(1, 3) == "Retur" and cell(3, 3) == "Lunas · ada retur"
    assert cell(0, 4) == "Tunai, QRIS"
    assert cell(0, 0, KEY_ROLE) == 1000
    colours = [cell(r, 0, Qt.ItemDataRole.ForegroundRole) for r in range(4)]
    assert colours[0] is None and colours[3] is None
    assert colours[1].color().name() == "#b71c1c" and colours[2].color().name() == "#8a939c"


def _lines() -> list[LineView]:
    return [LineView(1, "Kopi Bubuk", "pcs", Decimal(3), 12_000, 0, 36_000, Decimal(1)),
            LineView(2, "Gula Pasir", "kg", Decimal("1.5"), 18_000, 0, 27_000, Decimal("1.5"))]


def test_refund_lines_edit_only_what_is_left(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RefundLinesModel(_lines())
    qtmodeltester.check(model, force_py=True)
    open_cell, done_cell = model.index(0, RETURN_COLUMN), model.index(1, RETURN_COLUMN)
    assert model.flags(open_cell) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(done_cell) & Qt.ItemFlag.ItemIsEditable  # all of it came back already
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(open_cell, Qt.ItemDataRole.BackgroundRole).color().name() == "#fff8e1"
    assert model.data(done_cell, Qt.ItemDataRole.BackgroundRole) is None
    assert not model.setData(open_cell, "3")  # only 2 are left
    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    assert model.setData(open_cell, "2") and changed == [0]
    assert model.data(open_cell) == "2" and model.returning == [Decimal(2), Decimal(0)]
    assert [(r.line_id, r.qty) for r in model.requests()] == [(1, Decimal(2))]
    model.setData(open_cell, "")
    assert model.requests() == []
    model.set_all()
    assert model.returning == [Decimal(2), Decimal(0)] and len(model.requests()) == 1

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_page_filters_by_method_and_caps_the_count(ctx: AppContext, qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(orders_page, "COUNT_CAP", 5)
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.period.setCurrentIndex(page.period.findData("all"))
    assert page.count_label.text() == "Lebih dari 5 pesanan"
    page.method.setCurrentIndex(page.method.findData("qris"))
    rows = page.model.rows
    assert rows and all("qris" in row.methods.split(",") for row in rows)
    page.search.setText(rows[0].number)
    page.reload()
    assert [row.id for row in page.model.rows] == [rows[0].id]
    assert page.count_label.text() == "1 pesanan"


def test_page_loads_once_when_built_and_shown_and_again_when_shown_later(
        ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[int] = []
    real = OrdersModel.reset
    monkeypatch.setattr(OrdersModel, "reset", lambda self, fetch: (loads.append(1), real(self, fetch)))
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert len(loads) == 1  # built and shown in one go: one query, not two
    page.hide()
    qtbot.wait(10)  # the event loop turns: what was loaded may be stale by the next show
    page.show()
    assert len(loads) == 2
