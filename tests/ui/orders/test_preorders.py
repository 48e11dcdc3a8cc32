"""A pre-order with a DP taken at the booth device, picked up two days later on the shop's
counter device (real sync through a loopback catalog server), the rest paid there — driven by
keys through the pre-order dialog, the pickups list and the pickup dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import customers, preorders, shifts
from app.clock import local, now_utc
from app.db import Database
from app.preorder_settle import DepositInput
from app.preorders import LineInput, PreorderInput
from app.sync.engine import SyncEngine
from contract.enums import PaymentMethod, PreorderStatus
from models import Order, Payment
from models.books import Preorder
from tests.conftest import FROZEN_DAY, ShopClock
from tests.integration.sync.conftest import Catalog, catalog_server, shop_factory
from tests.integration.sync.peken_kit import add_products
from ui.context import AppContext
from ui.orders.preorders import CancelDialog, PickupDialog, PreordersTab
from ui.orders.preorders_dialog import PreorderDialog

__all__ = ["catalog_server", "shop_factory"]  # the loopback server and the shop files


def _type(qtbot: QtBot, widget: object, text: str, enter: bool = True) -> None:
    qtbot.keyClicks(widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_booth_preorder_with_dp_picked_up_at_the_counter_two_days_later(
    qtbot: QtBot, catalog_server: Catalog, shop_factory: Callable[[str], Database],
    shop_clock: ShopClock,
) -> None:
    shop_clock.move_to(f"{FROZEN_DAY - timedelta(days=2)} 09:00")  # the booth's bazaar day
    booth, counter = shop_factory("booth"), shop_factory("counter")
    add_products(counter, 1, stock=5, prefix="TART")
    seller = catalog_server.new_seller("Toko Kue Bu Sri")
    catalog_server.enroll(counter, seller, "Kasir toko")
    catalog_server.enroll(booth, seller, "Booth bazar")
    at_counter, at_booth = SyncEngine(counter), SyncEngine(booth)
    at_counter.run_round()
    at_booth.run_round()  # the booth has the catalog
    for db in (booth, counter):
        with db.unit_of_work() as session:
            shifts.open_shift(session, 100_000)

    # at the booth: a cake for Saturday, DP in cash
    booth_ctx = AppContext(db=booth)
    dialog = PreorderDialog(booth_ctx)
    qtbot.addWidget(dialog)
    _type(qtbot, dialog.name, "Bu Sri", enter=False)
    _type(qtbot, dialog.phone, "0812 3456 7890", enter=False)
    dialog.due.setFocus()
    _type(qtbot, dialog.search, "TART0000")  # Enter: the catalog's best match
    assert dialog.price.text() == "10000" and dialog.reserve.isChecked()
    qtbot.keyClick(dialog.qty, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, dialog.qty, "2")
    qtbot.keyClick(dialog.price, Qt.Key.Key_Return)
    _type(qtbot, dialog.note, "Tulisan: Selamat ulang tahun Dina")
    _type(qtbot, dialog.search, "Lilin angka 7 pink")  # no product: made to order
    _type(qtbot, dialog.qty, "")
    _type(qtbot, dialog.price, "5.000")
    _type(qtbot, dialog.note, "warna pink")
    assert dialog.table.rowCount() == 2
    kept = dialog.table.item(0, 5)
    assert kept is not None and kept.text() == "3"  # 5 on hand − 2 kept aside for this order
    _type(qtbot, dialog.dp, "10.000")  # Enter saves
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    uuid = dialog.saved_uuid
    assert uuid is not None
    with booth.read() as session:
        order = preorders.get(session, uuid)
        assert (order.total, order.customer_phone) == (25_000, "+6281234567890")
        assert local(order.due_at).date() == FROZEN_DAY - timedelta(days=1)
        shift = shifts.current_shift(session)
        assert shift is not None and shifts.book_cash(session, shift.id)["deposits_cash"] == 10_000
    assert at_booth.run_round().rejected == 0

    # two days later at the shop's counter: it is in the list (overdue: due yesterday)
    shop_clock.move_to(f"{FROZEN_DAY} 09:30")
    assert at_counter.run_round().rejected == 0
    counter_ctx = AppContext(db=counter)
    tab = PreordersTab(counter_ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.selected() == uuid
    assert "terlambat 1" in tab.reminder.text()
    pickup = PickupDialog(counter_ctx, uuid, tab)
    qtbot.addWidget(pickup)
    assert pickup.money.due == 15_000
    _type(qtbot, pickup.tendered, "20.000")
    assert pickup.result() == pickup.DialogCode.Accepted, pickup.error.text()
    with counter.read() as session:
        order = preorders.get(session, uuid)
        sale = session.scalars(select(Order).where(Order.uuid == order.order_uuid)).one()
        pays = {p.method: (p.amount, p.change) for p in
                session.scalars(select(Payment).where(Payment.order_id == sale.id))}
        assert order.status == PreorderStatus.PICKED_UP
        assert pays == {PaymentMethod.DEPOSIT: (10_000, 0), PaymentMethod.CASH: (15_000, 5_000)}
        assert [line.qty for line in sale.lines] == [Decimal(2), Decimal(1)]
    for engine in (at_counter, at_booth):
        assert engine.run_round().rejected == 0
    with booth.read() as session:  # the booth sees it picked up
        assert session.scalar(select(Preorder.status).where(Preorder.uuid == uuid)) \
            == PreorderStatus.PICKED_UP


def test_list_actions_confirm_dp_print_slip_and_cancel_keeping_the_dp(
    qtbot: QtBot, ctx: AppContext, shop_clock: ShopClock, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with ctx.db.unit_of_work() as session:
        uuid = preorders.create(session, PreorderInput(
            due_at=now_utc() + timedelta(hours=5), customer_name="Mbak Rina",
            lines=[LineInput("Kue lapis legit", Decimal(1), 120_000, note="potong kotak")],
            deposit=DepositInput(PaymentMethod.TRANSFER, 50_000))).uuid
    tab = PreordersTab(ctx)
    qtbot.addWidget(tab)
    assert "Hari ini 1 pesanan" in tab.reminder.text() and tab.selected() == uuid
    tab.buttons["confirm"].click()  # F7: the DP transfer arrived
    with ctx.db.read() as session:
        assert preorders.money(session, preorders.get(session, uuid)).paid == 50_000
    target = tmp_path / "nota.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    ctx.printer = None
    tab.buttons["print"].click()  # no receipt printer: the slip as a PDF
    assert target.read_bytes().startswith(b"%PDF")
    dialog = CancelDialog(ctx, uuid, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.refund.isChecked()  # the shop's rule: refund
    qtbot.keyClick(dialog.keep, Qt.Key.Key_Space)  # the seller keeps it this time
    dialog.run()
    with ctx.db.read() as session:
        order = preorders.get(session, uuid)
        assert (order.status, order.dp_kept) == (PreorderStatus.CANCELLED, 50_000)


def test_typing_a_name_offers_the_shops_customers_to_pick(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.db.unit_of_work() as session:
        joko = customers.create_customer(session, customers.CustomerInput(
            "Pak Joko Susilo", "081311112222")).uuid
    dialog = PreorderDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "joko")
    offered = dialog._names.stringList()
    assert offered == ["Pak Joko Susilo · 0813 1111 2222"]
    completer = dialog.name.completer()
    assert completer is not None
    completer.activated.emit(offered[0])  # picked from the list
    assert dialog.data().customer_uuid == joko
    assert dialog.phone.text() == "0813 1111 2222" and "terdaftar" in dialog.known.text()
