"""A held cart keeps its customer: F11 picks a reseller, F8 holds the cart, another buyer is
served, F9 brings the cart back with the reseller on the bar (their kasbon shown) and the
reseller group's price still on the line; the cart swapped out for it keeps having none."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import customers, held, packs
from app.cart import Cart, CartLine
from app.customers import CustomerInput
from app.db import Database
from app.sales import PaymentInput, checkout
from contract.enums import PaymentMethod
from ui.context import AppContext
from ui.sell.customer_picker import CustomerPicker, stored_choice
from ui.sell.dialogs import LabelDialog
from ui.sell.held_dialog import HeldDialog
from ui.sell.screen import SellScreen

from .helpers import barcoded_products, press, scan, type_text, wait_dialog, wait_no_dialog

ENTER = Qt.Key.Key_Return


def _reseller(ctx: AppContext, product_id: int, group_price: int) -> str:
    """Bu Sari of the group ``reseller`` (her group's price for the product) owing Rp7.000."""
    with ctx.db.unit_of_work() as session:
        packs.set_tiers(session, product_id, [packs.TierInput(Decimal(1), group_price, "reseller")])
        sari = customers.create_customer(session, CustomerInput(
            "Bu Sari Reseller", "0812-7000-1111", group_name="reseller", credit_limit=10**7))
        owed = Cart()
        owed.add(CartLine(product_id, "Utang lama", "pcs", Decimal(1), 7_000, False))
        checkout(session, owed, [PaymentInput(PaymentMethod.KASBON, 7_000)],
                 customer_uuid=sari.uuid, agreed_prices=True)
        return sari.uuid


def test_a_held_cart_comes_back_with_its_customer_and_group_prices(
        ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, a_price), (_b_id, b_code, _b_price) = barcoded_products(ctx, 2)
    group_price = a_price - 100
    sari = _reseller(ctx, a_id, group_price)
    screen.pricer.forget()  # the new wholesale price
    scan(qtbot, screen, a_code)
    press(qtbot, screen, Qt.Key.Key_F11)
    picker = wait_dialog(qtbot, CustomerPicker)
    type_text(qtbot, picker, "0812-7000-1111")
    press(qtbot, picker, ENTER)
    wait_no_dialog(qtbot)
    assert screen.customer_bar.uuid == sari
    assert screen.model.cart.lines[0].unit_price == group_price  # the reseller's price

    press(qtbot, screen, Qt.Key.Key_F8)  # hold it
    wait_dialog(qtbot, LabelDialog)
    type_text(qtbot, screen, "Bu Sari ambil uang")
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    assert screen.customer_bar.uuid is None and screen.model.rowCount() == 0

    scan(qtbot, screen, b_code)  # the next buyer, walk-in, meanwhile
    press(qtbot, screen, Qt.Key.Key_F9)
    dialog = wait_dialog(qtbot, HeldDialog)
    assert isinstance(dialog, HeldDialog)
    dialog.table.selectRow([h.label for h in dialog.items].index("Bu Sari ambil uang"))
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)

    assert [ln.product_id for ln in screen.model.cart.lines] == [a_id]
    assert screen.customer_bar.uuid == sari
    assert "Bu Sari Reseller" in screen.customer_bar.text()
    assert "7.000" in screen.customer_bar.text()  # her kasbon on the bar
    assert screen.model.cart.group == "reseller"
    assert screen.model.cart.lines[0].unit_price == group_price
    with ctx.db.unit_of_work() as session:  # the walk-in cart held by the swap has no customer
        newest = max(h.id for h in held.list_held(session))
        walk_in = held.take_back(session, newest)
    assert walk_in.customer_uuid is None and walk_in.cart.lines[0].product_id == _b_id


def test_a_held_customer_merged_or_archived_meanwhile(db: Database) -> None:
    """Resuming follows a merge to the kept customer; an archived one gives a walk-in cart."""
    with db.unit_of_work() as session:
        keep = customers.create_customer(session, CustomerInput("Bu Sari", "0812-7000-2222"))
        dup = customers.create_customer(session, CustomerInput("Sari", "0812-7000-3333"))
        gone = customers.create_customer(session, CustomerInput("Pak Lama"))
        customers.merge_customers(session, keep.uuid, dup.uuid)
        gone.archived = True
    with db.read() as session:
        back = stored_choice(session, dup.uuid)
        assert back is not None and (back.uuid, back.name) == (keep.uuid, "Bu Sari")
        assert stored_choice(session, gone.uuid) is None
        assert stored_choice(session, "no-such-uuid") is None
        assert stored_choice(session, None) is None
