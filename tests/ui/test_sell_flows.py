"""Sell screen flows: quick grid, hold/resume, clear, unknown barcode, focus-free scans, split."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import held
from models import Barcode, Product
from ui.context import AppContext
from ui.sell.dialogs import LabelDialog, QtyDialog, QuickCreateDialog
from ui.sell.held_dialog import HeldDialog
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from .conftest import answer_next_message_box
from .helpers import (
    barcoded_products,
    last_order,
    on_hand,
    order_count,
    press,
    scan,
    type_text,
    wait_dialog,
    wait_no_dialog,
)

ENTER = Qt.Key.Key_Return


def test_sale_from_quick_grid_by_mouse(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: bool(screen.ui.grid.tiles))
    piece = next(t for t in screen.ui.grid.tiles if "/" not in t.price_text)
    product_id = int(piece.property("productId"))
    before = on_hand(ctx, product_id)
    qtbot.mouseClick(piece, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(piece, Qt.MouseButton.LeftButton)
    assert [(ln.product_id, ln.qty) for ln in screen.model.cart.lines] == [(product_id, Decimal(2))]
    qtbot.mouseClick(screen.ui.pay_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, PayDialog)
    assert isinstance(dialog, PayDialog)
    qtbot.mouseClick(dialog.quick_buttons[0], Qt.MouseButton.LeftButton)  # uang pas
    wait_no_dialog(qtbot)
    order = last_order(ctx)
    assert [(ln.product_id, ln.qty) for ln in order.lines] == [(product_id, Decimal(2))]
    assert order.payments[0].change == 0
    assert on_hand(ctx, product_id) == before - 2


def test_hold_and_resume(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, _), (b_id, b_code, _) = barcoded_products(ctx, 2)
    scan(qtbot, screen, a_code)
    press(qtbot, screen, Qt.Key.Key_F8)
    wait_dialog(qtbot, LabelDialog)
    type_text(qtbot, screen, "Ibu kerudung hijau")
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    assert screen.model.rowCount() == 0
    with ctx.db.read() as session:
        labels = [h.label for h in held.list_held(session)]
    assert "Ibu kerudung hijau" in labels

    scan(qtbot, screen, b_code)                     # next buyer meanwhile
    press(qtbot, screen, Qt.Key.Key_F9)
    dialog = wait_dialog(qtbot, HeldDialog)
    assert isinstance(dialog, HeldDialog)
    row = [h.label for h in dialog.items].index("Ibu kerudung hijau")
    dialog.table.selectRow(row)
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    assert [ln.product_id for ln in screen.model.cart.lines] == [a_id]
    with ctx.db.read() as session:
        summaries = held.list_held(session)
        assert "Ibu kerudung hijau" not in [h.label for h in summaries]
        kept = [held.resume(session, h.id) for h in summaries]
    assert any(ln.product_id == b_id for cart in kept for ln in cart.lines)  # not lost


def test_clear_asks_first(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (_a, a_code, _), = barcoded_products(ctx, 1)
    scan(qtbot, screen, a_code)
    answer_next_message_box(QMessageBox.StandardButton.No)
    press(qtbot, screen, Qt.Key.Key_Escape)
    assert screen.model.rowCount() == 1
    answer_next_message_box(QMessageBox.StandardButton.Yes)
    press(qtbot, screen, Qt.Key.Key_Escape)
    assert screen.model.rowCount() == 0
    press(qtbot, screen, Qt.Key.Key_Escape)          # empty cart: no question at all
    assert screen.model.rowCount() == 0


def test_unknown_barcode_creates_product(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, _), = barcoded_products(ctx, 1)
    scan(qtbot, screen, a_code)
    scan(qtbot, screen, "8990000012345")
    dialog = wait_dialog(qtbot, QuickCreateDialog)
    assert isinstance(dialog, QuickCreateDialog)
    type_text(qtbot, screen, "Keripik Tempe Bu Ning")
    press(qtbot, screen, Qt.Key.Key_Tab)
    type_text(qtbot, screen, "12.500")
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    with ctx.db.read() as session:
        product = session.scalars(select(Product).join(Barcode)
                                  .where(Barcode.code == "8990000012345")).one()
        assert (product.name, product.price, product.unit) == ("Keripik Tempe Bu Ning", 12500, "pcs")
        new_id = product.id
    assert [ln.product_id for ln in screen.model.cart.lines] == [a_id, new_id]
    scan(qtbot, screen, "8990000012345")             # known now
    assert screen.model.cart.lines[-1].qty == 2


def test_scan_while_typing_the_note(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, _), (b_id, b_code, _) = barcoded_products(ctx, 2)
    scan(qtbot, screen, a_code)
    press(qtbot, screen, Qt.Key.Key_F7)
    assert screen.window().focusWidget() is screen.ui.note
    type_text(qtbot, screen, "dibungkus ")
    qtbot.wait(80)                                    # a person types slowly
    scan(qtbot, screen, b_code)                       # the scanner fires into the note
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert [ln.product_id for ln in screen.model.cart.lines] == [a_id, b_id]
    qtbot.waitUntil(lambda: screen.ui.note.text() == "dibungkus ")
    type_text(qtbot, screen, "rapi")
    qtbot.waitUntil(lambda: screen.ui.note.text() == "dibungkus rapi")
    assert screen.window().focusWidget() is screen.ui.note
    assert screen.model.cart.note == "dibungkus rapi"


def test_split_payment_cash_and_transfer(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (_a, a_code, a_price), = barcoded_products(ctx, 1)
    type_text(qtbot, screen, "4*")
    scan(qtbot, screen, a_code)
    total = 4 * a_price
    assert screen.model.cart.total == total
    press(qtbot, screen, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PayDialog)
    assert isinstance(dialog, PayDialog)
    cash = total // 2
    type_text(qtbot, screen, str(cash))
    press(qtbot, screen, ENTER)                       # part in cash
    assert dialog.remaining == total - cash
    press(qtbot, screen, Qt.Key.Key_F2)               # the rest by transfer
    assert dialog.amount.text() == str(total - cash)
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    order = last_order(ctx)
    assert order.status == "pending"
    assert [(p.method, p.amount, p.status) for p in order.payments] == [
        ("cash", cash, "confirmed"), ("transfer", total - cash, "pending")]


def test_weighed_with_quantity_prefix(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    with ctx.db.read() as session:
        sku = session.scalars(select(Product.sku).where(Product.sold_by_weight.is_(True))).first()
    assert sku is not None
    type_text(qtbot, screen, "1,25*")
    scan(qtbot, screen, sku)
    assert screen.model.cart.lines[0].qty == Decimal("1.250")
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QtyDialog) and w.isVisible()]  # the prefix answered the weight


def test_every_order_tagged_with_channel(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (_a, a_code, _), = barcoded_products(ctx, 1)
    start = screen.ui.channel.current_id
    press(qtbot, screen, Qt.Key.Key_F3)
    event_id = screen.ui.channel.current_id
    assert event_id != start and "Bazar" in screen.ui.channel_banner.text()
    scan(qtbot, screen, a_code)
    press(qtbot, screen, Qt.Key.Key_F12)
    wait_dialog(qtbot, PayDialog)
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    order = last_order(ctx)
    assert order.channel_id == event_id and order.source == "event"
    assert order_count(ctx) > 0
