"""The Pesanan page: paged list with filters, detail, refunds with owner PIN, voids."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

import ui.orders.model as orders_model
from app.cart import Cart, CartLine
from app.order_queries import OrderFilter, fetch_orders
from app.sales import PaymentInput, checkout
from models import Order, OrderLine, Product
from tests.ui.admin.kit import as_user, audit, click, user_id, when_modal
from ui.admin.approval import OwnerPinDialog
from ui.context import AppContext
from ui.orders.model import OrdersModel
from ui.orders.page import OrdersPage
from ui.orders.refund_dialog import RETURN_COLUMN, RefundDialog, RefundLinesModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> OrdersPage:
    widget = OrdersPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.period.setCurrentIndex(widget.period.findData("all"))
    return widget


def _all_orders(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count(Order.id))) or 0)


def _first_paid_sale(page: OrdersPage) -> int:
    """Select the newest paid sale whose first line is at least one whole unit."""
    for row, order in enumerate(page.model.rows):
        if order.kind == "sale" and order.status == "paid":
            page.table.selectRow(row)
            if page.detail is not None and page.detail.lines[0].qty >= 1:
                return order.id
    raise AssertionError("no paid sale in the demo shop")


def test_orders_model_passes_modeltester(ctx: AppContext, qtmodeltester, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(orders_model, "PAGE", 25)
    model = OrdersModel()

    def fetch(after, limit):  # type: ignore[no-untyped-def]
        with ctx.db.read() as s:
            return fetch_orders(s, OrderFilter(), after, limit)

    model.reset(fetch)
    assert model.rowCount() == 25 and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)  # it also fetches more pages
    assert model.rowCount() % 25 == 0 and model.rowCount() <= _all_orders(ctx)


def test_list_pages_lazily_newest_first(page: OrdersPage, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(orders_model, "PAGE", 30)
    page.reload()
    assert page.model.rowCount() == 30
    while page.model.canFetchMore():
        page.model.fetchMore()
    rows = page.model.rows
    assert len(rows) == _all_orders(ctx) == len({r.id for r in rows})
    keys = [(r.created_at, r.id) for r in rows]
    assert keys == sorted(keys, reverse=True)
    assert page.count_label.text() == f"{len(rows)} pesanan"


def test_filters_search_status_and_today(page: OrdersPage, ctx: AppContext, qtbot: QtBot) -> None:
    number = page.model.rows[5].number
    page.search.setText(number[-4:] + "X")  # nothing matches
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.search.setText(number)
    qtbot.waitUntil(lambda: [r.number for r in page.model.rows] == [number])
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("pending"))
    qtbot.waitUntil(lambda: all(r.status == "pending" for r in page.model.rows))
    page.status.setCurrentIndex(0)
    page.period.setCurrentIndex(page.period.findData("today"))
    flt = page.current_filter()
    assert flt.since is not None and flt.until is not None
    assert all(flt.since <= r.created_at < flt.until for r in page.model.rows)


def test_detail_shows_lines_and_payments(page: OrdersPage) -> None:
    order_id = _first_paid_sale(page)
    assert page.detail is not None and page.detail.id == order_id
    assert page.panel.lines.rowCount() == len(page.detail.lines) > 0
    assert page.panel.payments.rowCount() >= 1
    assert page.refund_button.isEnabled() and not page.void_button.isEnabled()
    assert page.detail.number in page.panel.title.text()


def test_refund_lines_model(ctx: AppContext, qtmodeltester, page: OrdersPage) -> None:  # type: ignore[no-untyped-def]
    _first_paid_sale(page)
    assert page.detail is not None
    model = RefundLinesModel(page.detail.lines)
    qtmodeltester.check(model, force_py=True)
    index = model.index(0, RETURN_COLUMN)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "999999")  # more than sold
    assert not model.setData(index, "-1") and not model.setData(index, "abc")
    assert model.setData(index, "1")
    assert model.requests()[0].qty == Decimal(1)


def _on_hand(ctx: AppContext, line_id: int) -> tuple[int, Decimal]:
    with ctx.db.read() as s:
        pid = s.scalar(select(OrderLine.product_id).where(OrderLine.id == line_id))
        return int(pid or 0), Decimal(s.scalar(select(Product.on_hand).where(Product.id == pid)) or 0)


def test_cashier_refund_asks_owner_pin_then_saves(page: OrdersPage, ctx: AppContext,
                                                  qtbot: QtBot) -> None:
    rina, siti = as_user(ctx, "Rina"), user_id(ctx, "Siti")
    sale_id = _first_paid_sale(page)
    assert page.detail is not None
    line = page.detail.lines[0]
    product_id, stock_before = _on_hand(ctx, line.id)
    pin_attempts: list[str] = []

    def fill_pin(dialog: OwnerPinDialog) -> None:
        heading = dialog.findChild(QLabel, "dialogHeading")
        assert heading is not None and "Rina" in heading.text()
        if not pin_attempts:  # first a wrong PIN: refused, the dialog stays open
            pin_attempts.append("0000")
            qtbot.keyClicks(dialog.pin, "0000")
            click(dialog, "Setujui")
            assert "salah" in dialog.error.text() and dialog.isVisible()
        pin_attempts.append("1234")
        qtbot.keyClicks(dialog.pin, "1234")
        click(dialog, "Setujui")

    def fill_refund(dialog: RefundDialog) -> None:
        assert not dialog.save_button.isEnabled()  # nothing chosen yet
        dialog.submit()
        assert "Retur sekarang" in dialog.error.text()
        assert dialog.model.setData(dialog.model.index(0, RETURN_COLUMN), "1")
        dialog.reason.setEditText("Barang rusak/cacat")
        assert dialog.total_label.text().startswith("Uang kembali: Rp")
        when_modal(OwnerPinDialog, fill_pin)
        click(dialog, "Simpan retur")

    when_modal(RefundDialog, fill_refund)
    dialog = page.refund_selected()
    assert dialog is not None and dialog.result_ is not None
    assert pin_attempts == ["0000", "1234"]
    # saved: the detail stays on the refunded sale, stock back, audit with who approved
    assert page.detail is not None and page.detail.id == sale_id and page.detail.kind == "sale"
    assert _on_hand(ctx, line.id) == (product_id, stock_before + Decimal(1))
    assert [(u, a) for u, a, _ in audit(ctx.db, "perm.refund")] == [(rina, siti)]
    [(u, a, detail)] = audit(ctx.db, "refund")
    assert (u, a) == (rina, siti) and json.loads(detail)["reason"] == "Barang rusak/cacat"
    assert [(u, json.loads(d)["for"]) for u, _a, d in audit(ctx.db, "pin.wrong")] == [(rina, "refund")]
    with ctx.db.read() as s:
        refund = s.get(Order, int(dialog.result_.order_id))
        assert refund is not None and refund.refund_of_id == sale_id and refund.cashier_id == rina
    assert QApplication.activeModalWidget() is None


def test_cashier_refund_without_pin_is_not_saved(page: OrdersPage, ctx: AppContext) -> None:
    as_user(ctx, "Rina")
    _first_paid_sale(page)
    before = _all_orders(ctx)
    messages: list[str] = []

    refused: list[list[OwnerPinDialog]] = []  # what the owner-PIN watcher saw

    def fill_refund(dialog: RefundDialog) -> None:
        dialog.model.set_all()
        dialog.reason.setEditText("Salah barang")
        refused.append(when_modal(OwnerPinDialog, lambda pin_dialog: pin_dialog.reject()))
        click(dialog, "Simpan retur")
        messages.append(dialog.error.text())
        dialog.reject()

    opened = when_modal(RefundDialog, fill_refund)
    dialog = page.refund_selected()
    assert opened == [dialog] and dialog is not None and dialog.result_ is None
    # the owner really was asked for this refund, and the PIN dialog was cancelled
    [[pin_dialog]] = refused
    assert pin_dialog.action == "refund"
    assert pin_dialog.result() == OwnerPinDialog.DialogCode.Rejected
    assert "persetujuan pemilik" in messages[0]
    assert _all_orders(ctx) == before and audit(ctx.db, "refund") == []


def test_owner_refund_needs_no_pin_and_everything_returned(page: OrdersPage, ctx: AppContext) -> None:
    siti = as_user(ctx, "Siti")
    _first_paid_sale(page)

    def fill_refund(dialog: RefundDialog) -> None:
        dialog.model.set_all()
        dialog.reason.setEditText("Pembeli berubah pikiran")
        click(dialog, "Simpan retur")

    when_modal(RefundDialog, fill_refund)
    dialog = page.refund_selected()
    assert dialog is not None and dialog.result_ is not None
    assert dialog.result_.total == -dialog.refund_total()
    assert [(u, a) for u, a, _ in audit(ctx.db, "perm.refund")] == [(siti, None)]
    page.show_detail(dialog.order.id)  # the sale is fully returned now
    assert page.detail is not None and not page.detail.refundable
    assert not page.refund_button.isEnabled()


def test_void_pending_order_by_cashier_with_owner_pin(page: OrdersPage, ctx: AppContext,
                                                      qtbot: QtBot) -> None:
    rina = as_user(ctx, "Rina")
    with ctx.db.unit_of_work() as s:
        product = s.scalars(select(Product).where(Product.on_hand > 5).limit(1)).one()
        cart = Cart()
        cart.add(CartLine(product.id, product.name, product.unit, Decimal(2), product.price))
        sale = checkout(s, cart, [PaymentInput("qris", cart.total)], cashier_id=rina)
        assert sale.status == "pending"
        pid = product.id
    with ctx.db.read() as s:
        stock = s.get(Product, pid).on_hand  # type: ignore[union-attr]
    page.reload(int(sale.order_id))
    assert page.void_button.isEnabled()

    def fill_pin(dialog: OwnerPinDialog) -> None:
        qtbot.keyClicks(dialog.pin, "1234")
        click(dialog, "Setujui")

    asked = when_modal(OwnerPinDialog, fill_pin)
    assert page.void_selected("Pembeli batal")
    assert [d.action for d in asked] == ["void"]
    with ctx.db.read() as s:
        assert s.get(Order, sale.order_id).status == "void"  # type: ignore[union-attr]
        assert s.get(Product, pid).on_hand == stock + 2  # type: ignore[union-attr]
    assert [u for u, _a, _d in audit(ctx.db, "void")] == [rina]
    assert page.detail is not None and page.detail.status == "void"
