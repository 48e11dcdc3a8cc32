"""The Pesanan detail of a buyer's online order shows what the buyer ordered: "2 dus (80 pcs)"
at the dus price, and the wholesale tier's note under the product of a tier-priced line."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.sync.apply import apply_changes
from models import Order, Product
from tests.unit.sync.sync_kit import placed
from ui.context import AppContext
from ui.orders.page import OrdersPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _online_order(ctx: AppContext) -> int:
    with ctx.db.unit_of_work() as session:
        key = str(session.scalars(select(Product.uuid).order_by(Product.id).limit(1)).one())
        change = placed(key, 1, "order-dus-grosir")
        change["payload"]["lines"] = [
            {"product_uuid": key, "name": "Indomie Goreng", "unit": "pcs", "price": 3_750,
             "qty": "80.000", "line_total": 300_000, "pack_name": "dus", "pack_factor": "40.000",
             "pack_qty": "2.000", "pack_price": 150_000},
            {"product_uuid": key, "name": "Indomie Goreng", "unit": "pcs", "price": 3_300,
             "qty": "12.000", "line_total": 39_600, "price_note": "harga grosir ≥12 pcs"}]
        change["payload"]["total"] = 339_600
        apply_changes(session, [change])
    with ctx.db.read() as session:
        return int(session.scalars(select(Order.id).where(
            Order.remote_id == "order-dus-grosir")).one())


def test_the_detail_shows_the_dus_and_the_grosir_note(ctx: AppContext, qtbot: QtBot) -> None:
    order_id = _online_order(ctx)
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.period.setCurrentIndex(page.period.findData("all"))
    page.select_order(order_id)  # as the seller picks it in the list
    assert page.detail is not None and page.detail.id == order_id
    table = page.panel.lines
    items = [[table.item(r, c) for c in range(4)] for r in range(table.rowCount())]
    cells = [[item.text() if item is not None else None for item in row] for row in items]
    assert cells == [
        ["Indomie Goreng", "2 dus (80 pcs)", "Rp150.000", ""],
        ["Indomie Goreng\nharga grosir ≥12 pcs", "12 pcs", "Rp3.300", ""]]
    assert "Rp339.600" in page.panel.totals.text()
