"""One method, one word (issue 13): the pay dialog's button and row, the order list and the
report export name a bank transfer with the same word, in either screen language, because all
of them ask :class:`contract.enums.PaymentMethod` (through the catalog) for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from app.cart import Cart, CartLine
from app.clock import now_utc
from app.labels_i18n import translate
from app.orders import confirm_payment
from app.reports import build_report, periods
from app.reports.export import tables
from contract.enums import PaymentMethod
from models import Order, Product
from ui import i18n
from ui.context import AppContext
from ui.orders.page import OrdersPage
from ui.sell.pay import PayDialog

from .helpers import barcoded_products, press

# The decided word (one wording per concept, contract.enums): not "Transfer" on one screen and
# "Transfer bank" on another.
TRANSFER = {"id": "Transfer bank", "en": "Bank transfer"}


@pytest.fixture(params=["id", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "en":
        assert i18n.install("en")
    yield request.param
    i18n.install("id")


def _pay_by_transfer(ctx: AppContext, qtbot: QtBot) -> tuple[PayDialog, int]:
    """Ring one product, choose transfer with F2 and pay with Enter, as the cashier does."""
    product_id = barcoded_products(ctx, 1)[0][0]
    with ctx.db.read() as session:
        product = session.get(Product, product_id)
        assert product is not None
        cart = Cart()
        cart.add(CartLine(product.id, product.name, product.unit, Decimal(1), product.price))
    dialog = PayDialog(ctx, cart)
    qtbot.addWidget(dialog)
    dialog.show()
    press(qtbot, dialog, Qt.Key.Key_F2)
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result_ is not None, dialog.error.text()
    return dialog, int(dialog.result_.order_id)


def _money_arrived(ctx: AppContext, order_id: int) -> None:
    with ctx.db.unit_of_work() as session:
        order = session.get(Order, order_id)
        assert order is not None
        payment = order.payments[0]
        confirm_payment(session, payment.id, received=payment.amount + payment.unique_code)


def _order_list_methods(ctx: AppContext, qtbot: QtBot, order_id: int) -> str:
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    model = page.model
    header = QCoreApplication.translate("OrdersModel", "Pembayaran")
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == header)
    row = next(i for i, r in enumerate(model.rows) if r.id == order_id)
    return str(model.data(model.index(row, column)))


def _report_methods(ctx: AppContext, language: str) -> list[str]:
    with ctx.db.read() as session:
        report = build_report(session, periods.today(now_utc()))
    by_title = {title: rows for title, _headers, rows in tables(report, language=language)}
    return [str(row[0]) for row in by_title[translate("report.per_method", language)]]


def test_a_transfer_has_one_word_on_the_pay_dialog_the_order_list_and_the_report_export(
    ctx: AppContext, qtbot: QtBot, language: str, shop_clock_running: object
) -> None:
    word = TRANSFER[language]
    assert PaymentMethod.TRANSFER.label(language) == word
    dialog, order_id = _pay_by_transfer(ctx, qtbot)
    assert dialog.method_buttons[PaymentMethod.TRANSFER].text() == f"{word} (F2)"
    assert dialog.rows.item(0).text().startswith(f"{word}  ")  # the payment row
    _money_arrived(ctx, order_id)
    assert _order_list_methods(ctx, qtbot, order_id) == word
    assert word in _report_methods(ctx, language)
