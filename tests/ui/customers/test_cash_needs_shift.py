"""With no shift open, the screens that take money-book cash say what to do (open a shift, or
take a transfer/QRIS) and stay open; nothing crashes and nothing is written. Once a shift is
open the same keys take the cash into its drawer."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import customers, kasbon, preorders, shifts
from app.cart import Cart, CartLine
from app.clock import now_utc
from app.customers import CustomerInput
from app.preorder_settle import DepositInput
from app.preorders import LineInput, PreorderInput
from app.sales import PaymentInput, checkout
from contract.enums import PaymentMethod, PreorderStatus
from models import Product
from models.books import CreditEntry, Preorder
from tests.conftest import ShopClock
from ui.context import AppContext
from ui.customers.payment_dialog import KasbonPaymentDialog
from ui.orders.preorders import CancelDialog, PickupDialog
from ui.orders.preorders_dialog import PreorderDialog

ENTER = Qt.Key.Key_Return


def _no_shift(ctx: AppContext) -> None:
    with ctx.db.unit_of_work() as session:
        shift = shifts.current_shift(session)
        if shift is not None:
            shifts.close_shift(session, shift.id, {})


def _open_shift(ctx: AppContext) -> int:
    with ctx.db.unit_of_work() as session:
        return shifts.open_shift(session, 100_000).id


def _expected(ctx: AppContext, shift_id: int) -> int:
    with ctx.db.read() as session:
        shift = shifts.get_shift(session, shift_id)
        return shifts.shift_cash(session, shift, now_utc() + timedelta(seconds=1)).expected_cash


def test_kasbon_cash_payment_without_a_shift_says_open_one(
        ctx: AppContext, qtbot: QtBot, shop_clock_running: ShopClock) -> None:
    _no_shift(ctx)
    with ctx.db.unit_of_work() as session:
        product = session.scalars(select(Product).where(Product.price > 0).limit(1)).one()
        who = customers.create_customer(session, CustomerInput("Bu Warsini", credit_limit=10**8))
        cart = Cart()
        cart.add(CartLine(product.id, product.name, product.unit, Decimal(1), 80_000, False))
        checkout(session, cart, [PaymentInput(PaymentMethod.KASBON, 80_000)], customer_uuid=who.uuid,
                 agreed_prices=True)
    dialog = KasbonPaymentDialog(ctx, who.uuid, who.name)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount.setText("50000")
    qtbot.keyClick(dialog, ENTER)
    assert dialog.isVisible() and dialog.entry_id is None
    assert "Buka shift dulu" in dialog.error.text() and "transfer/QRIS" in dialog.error.text()
    shift_id = _open_shift(ctx)
    before = _expected(ctx, shift_id)
    qtbot.keyClick(dialog, ENTER)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert _expected(ctx, shift_id) == before + 50_000
    with ctx.db.read() as session:
        assert kasbon.balance(session, who.uuid) == 30_000
        assert session.scalar(select(func.count()).select_from(CreditEntry)
                              .where(CreditEntry.customer_uuid == who.uuid)) == 2


def test_preorder_screens_without_a_shift_say_open_one(
        ctx: AppContext, qtbot: QtBot, shop_clock_running: ShopClock) -> None:
    _no_shift(ctx)
    dialog = PreorderDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    count = _count_preorders(ctx)
    qtbot.keyClicks(dialog.name, "Bu Sri")
    dialog.due.setFocus()
    for widget, text in ((dialog.search, "Zqxw tumpeng khusus"), (dialog.qty, ""),
                         (dialog.price, "150.000"), (dialog.note, "kuning")):
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, ENTER)
    assert dialog.table.rowCount() == 1
    assert dialog.isVisible() and dialog.saved_uuid is None  # adding a line does not save
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH))
    qtbot.keyClicks(dialog.dp, "50.000")
    qtbot.keyClick(dialog.dp, ENTER)  # Enter saves: refused, the dialog stays with the reason
    assert dialog.isVisible() and dialog.saved_uuid is None
    assert "Buka shift dulu" in dialog.error.text()
    assert _count_preorders(ctx) == count

    with ctx.db.unit_of_work() as session:  # a DP by QRIS needs no drawer
        uuid = preorders.create(session, PreorderInput(
            due_at=now_utc() + timedelta(days=1), customer_name="Pak Joko",
            lines=[LineInput("Nasi tumpeng", Decimal(1), 200_000)],
            deposit=DepositInput(PaymentMethod.QRIS, 50_000))).uuid
        preorders.confirm_pending_deposits(session, uuid)
    pickup = PickupDialog(ctx, uuid)
    qtbot.addWidget(pickup)
    pickup.show()
    qtbot.keyClick(pickup.tendered, ENTER)  # the rest in cash (the first method)
    assert pickup.isVisible() and pickup.order_id == 0
    assert "Buka shift dulu" in pickup.error.text()
    with ctx.db.unit_of_work() as session:  # a cash DP taken while a shift was open
        shift_id = shifts.open_shift(session, 0).id
        preorders.add_deposit(session, uuid, DepositInput(PaymentMethod.CASH, 20_000))
        shifts.close_shift(session, shift_id, {"note_20000": 1})
    cancel = CancelDialog(ctx, uuid)
    qtbot.addWidget(cancel)
    cancel.show()
    assert cancel.refund.isChecked()
    cancel.run()  # giving the cash DP back needs a drawer
    assert cancel.isVisible() and "Buka shift dulu" in cancel.error.text()
    with ctx.db.read() as session:
        assert preorders.get(session, uuid).status == PreorderStatus.OPEN


def _count_preorders(ctx: AppContext) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Preorder)) or 0)
