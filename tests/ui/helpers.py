"""Helpers for driving the sell screen with key events only."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models import Barcode, Order, Product
from ui.context import AppContext

from .conftest import focus_of


def press(qtbot: QtBot, anchor: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier =
          Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key on whatever has focus (a modal dialog first)."""
    qtbot.keyClick(focus_of(anchor), key, modifier)


def type_text(qtbot: QtBot, anchor: QWidget, text: str) -> None:
    """Type into whatever has focus."""
    qtbot.keyClicks(focus_of(anchor), text)


def scan(qtbot: QtBot, anchor: QWidget, code: str) -> None:
    """A scanner burst into the focused widget: the code, then Enter."""
    type_text(qtbot, anchor, code)
    press(qtbot, anchor, Qt.Key.Key_Return)


def wait_dialog(qtbot: QtBot, kind: type[QDialog]) -> QDialog:
    """Wait until a modal dialog of ``kind`` is open and return it."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=2000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    return dialog


def wait_no_dialog(qtbot: QtBot) -> None:
    """Wait until no modal dialog is open."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=2000)


def barcoded_products(ctx: AppContext, count: int) -> list[tuple[int, str, int]]:
    """(product id, barcode, price) of piece products with a barcode and stock."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(Product.id, Barcode.code, Product.price)
            .join(Barcode, Barcode.product_id == Product.id)
            .where(Product.sold_by_weight.is_(False), Product.on_hand > 10)
            .order_by(Product.id).limit(count)).all()
    return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]


def weighed_product(ctx: AppContext) -> tuple[int, str, int]:
    """(id, SKU, price per unit) of a weighed product."""
    with ctx.db.read() as session:
        row = session.execute(select(Product.id, Product.sku, Product.price)
                              .where(Product.sold_by_weight.is_(True)).order_by(Product.id)).first()
    assert row is not None
    return int(row[0]), str(row[1]), int(row[2])


def on_hand(ctx: AppContext, product_id: int) -> Decimal:
    """A product's stock now."""
    with ctx.db.read() as session:
        value = session.scalar(select(Product.on_hand).where(Product.id == product_id))
    assert value is not None
    return Decimal(value)


def last_order(ctx: AppContext) -> Order:
    """The newest order with its lines and payments loaded."""
    session = ctx.db.session()
    order = session.scalars(select(Order).order_by(Order.id.desc()).limit(1)).one()
    _ = (list(order.lines), list(order.payments))
    session.close()
    return order


def order_count(ctx: AppContext) -> int:
    """How many orders the shop has."""
    with ctx.db.read() as session:
        return len(list(session.scalars(select(Order.id))))
