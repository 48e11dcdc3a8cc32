"""A cashier's kasbon over the customer's limit asks the owner's PIN (the approval dialog)
and the sale is saved once the owner typed it; without it nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import audit, customers, kasbon
from app.customers import CustomerInput
from models import User
from ui.admin.approval import OwnerPinDialog
from ui.context import AppContext
from ui.sell.customer_picker import CustomerPicker
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from ..helpers import barcoded_products, order_count, press, type_text, wait_dialog, wait_no_dialog

ENTER = Qt.Key.Key_Return


def _answer_pin(pin: str | None) -> None:
    """Type ``pin`` into the next owner-PIN dialog (None: cancel it)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OwnerPinDialog):
            QTimer.singleShot(10, poll)
        elif pin is None:
            dialog.reject()
        else:
            dialog.pin.setText(pin)
            dialog.submit()

    QTimer.singleShot(0, poll)


def _as_cashier(ctx: AppContext) -> None:
    with ctx.db.unit_of_work() as session:
        rina = session.scalars(select(User).where(User.name == "Rina")).one()
        ctx.user_id, ctx.user_name, ctx.user_role = rina.id, rina.name, rina.role
        customers.create_customer(session, CustomerInput("Pak Limit", "0813 9999 0000",
                                                         credit_limit=1_000))


def _kasbon_sale(ctx: AppContext, screen: SellScreen, qtbot: QtBot, pin: str | None) -> PayDialog:
    _pid, code, _price = barcoded_products(ctx, 1)[0]
    type_text(qtbot, screen, code)
    press(qtbot, screen, ENTER)
    press(qtbot, screen, Qt.Key.Key_F11)
    picker = wait_dialog(qtbot, CustomerPicker)
    type_text(qtbot, picker, "Pak Limit")
    press(qtbot, picker, ENTER)
    wait_no_dialog(qtbot)
    press(qtbot, screen, Qt.Key.Key_F12)
    pay = wait_dialog(qtbot, PayDialog)
    assert isinstance(pay, PayDialog)
    press(qtbot, pay, Qt.Key.Key_F10)
    _answer_pin(pin)
    press(qtbot, pay, ENTER)
    return pay


def test_over_the_limit_the_owner_types_her_pin(ctx: AppContext, screen: SellScreen,
                                                qtbot: QtBot) -> None:
    _as_cashier(ctx)
    before = order_count(ctx)
    _kasbon_sale(ctx, screen, qtbot, "1234")
    wait_no_dialog(qtbot)
    assert order_count(ctx) == before + 1
    with ctx.db.read() as session:
        who = customers.find_customers(session, "Pak Limit")[0].uuid
        assert kasbon.balance(session, who) > 1_000
        assert audit.recent(session, action="perm.kasbon_limit")


def test_without_the_pin_nothing_is_saved(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    _as_cashier(ctx)
    before = order_count(ctx)
    pay = _kasbon_sale(ctx, screen, qtbot, None)
    qtbot.waitUntil(lambda: "pemilik" in pay.error.text(), timeout=3000)
    assert order_count(ctx) == before
    pay.reject()
