"""Kasbon through the screens, by keys: a credit sale to a new customer at the till, a partial
payment two days later, a kasbon transfer confirmed by the statement import, the WhatsApp bill."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QListWidget, QMessageBox
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import catalog, customers, kasbon, shifts
from app.cart import Cart, CartLine
from app.clock import local, today
from app.customers import CustomerInput
from app.sales import PaymentInput, checkout
from models.books import CreditEntry, Customer
from tests.conftest import ShopClock
from tests.unit.payments.shop_kit import klikbca_csv
from ui.context import AppContext
from ui.customers.payment_dialog import KasbonPaymentDialog
from ui.customers.section import CustomersSection
from ui.payments.confirm_page import ConfirmPaymentsPage
from ui.sell.customer_picker import CustomerPicker
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from ..conftest import answer_next_message_box
from ..helpers import barcoded_products, last_order, press, type_text, wait_dialog, wait_no_dialog

ENTER = Qt.Key.Key_Return


def _credit_sale_to_new_customer(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> str:
    """Scan, F11, type a new number, F2 (form with the phone filled), the name, Enter; F12, F10
    kasbon, Enter. Returns the customer's uuid."""
    _pid, code, price = barcoded_products(ctx, 1)[0]
    type_text(qtbot, screen, code)
    press(qtbot, screen, ENTER)
    press(qtbot, screen, Qt.Key.Key_F11)
    picker = wait_dialog(qtbot, CustomerPicker)
    assert isinstance(picker, CustomerPicker)
    type_text(qtbot, picker, "0812-7777-8888")
    press(qtbot, picker, Qt.Key.Key_F2)
    assert picker.fields.phone.text() == "0812-7777-8888"
    type_text(qtbot, picker, "Bu Warsini")
    press(qtbot, picker, ENTER)
    wait_no_dialog(qtbot)
    assert "Bu Warsini" in screen.customer_bar.text()
    press(qtbot, screen, Qt.Key.Key_F12)
    pay = wait_dialog(qtbot, PayDialog)
    assert isinstance(pay, PayDialog)
    press(qtbot, pay, Qt.Key.Key_F10)
    assert pay.method == "kasbon"
    press(qtbot, pay, ENTER)
    wait_no_dialog(qtbot)
    order = last_order(ctx)
    assert order.total == price and order.customer_uuid is not None
    assert [(p.method, p.amount) for p in order.payments] == [("kasbon", price)]
    assert "Bu Warsini" not in screen.customer_bar.text()  # the next buyer starts without
    with ctx.db.read() as session:
        customer = session.scalars(select(Customer).where(Customer.uuid == order.customer_uuid)).one()
        assert customer.phone == "+6281277778888"
        assert kasbon.balance(session, customer.uuid) == price
        return customer.uuid


def _section(ctx: AppContext, qtbot: QtBot, uuid: str) -> CustomersSection:
    section = CustomersSection(ctx)
    qtbot.addWidget(section)
    section.resize(1200, 700)
    section.show()
    qtbot.waitExposed(section)
    section.open_customer(uuid)
    section.page.setFocus()
    return section


def test_credit_sale_then_partial_payment_two_days_later(
        ctx: AppContext, screen: SellScreen, qtbot: QtBot, shop_clock_running: ShopClock) -> None:
    uuid = _credit_sale_to_new_customer(ctx, screen, qtbot)
    with ctx.db.read() as session:
        owed = kasbon.balance(session, uuid)
    shop_clock_running.shift(timedelta(days=2))
    with ctx.db.unit_of_work() as session:
        shifts.open_shift(session, 100_000)  # cash goes into the open shift's drawer
    section = _section(ctx, qtbot, uuid)
    assert section.page.figures["balance"].text().replace("\xa0", " ").endswith(
        f"{owed:,}".replace(",", "."))
    press(qtbot, section.page, Qt.Key.Key_F5)
    dialog = wait_dialog(qtbot, KasbonPaymentDialog)
    assert isinstance(dialog, KasbonPaymentDialog)
    dialog.amount.selectAll()
    type_text(qtbot, dialog, "1000")
    press(qtbot, dialog, ENTER)
    wait_no_dialog(qtbot)
    with ctx.db.read() as session:
        [payment] = session.scalars(select(CreditEntry).where(CreditEntry.kind == "payment")).all()
        assert (payment.method, payment.amount, payment.status) == ("cash", 1000, "confirmed")
        assert (today() - local(payment.created_at).date()).days == 0
        assert kasbon.balance(session, uuid) == owed - 1000
        sale = kasbon.open_sales(session, uuid, today())[0]
        assert (sale.age(today()), sale.unpaid) == (2, owed - 1000)
    assert section.model.rowCount() >= 1
    assert section.page.lines.rowCount() == 2


def test_kasbon_transfer_confirmed_by_statement_and_whatsapp_bill(
        ctx: AppContext, screen: SellScreen, qtbot: QtBot, tmp_path: Path,
        monkeypatch: MonkeyPatch) -> None:
    uuid = _credit_sale_to_new_customer(ctx, screen, qtbot)
    section = _section(ctx, qtbot, uuid)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()))
    press(qtbot, section.page, Qt.Key.Key_F6)
    link = urlparse(opened[-1])
    assert (link.netloc, link.path) == ("wa.me", "/6281277778888")
    assert "Halo Bu Warsini" in parse_qs(link.query)["text"][0]
    press(qtbot, section.page, Qt.Key.Key_F5)
    dialog = wait_dialog(qtbot, KasbonPaymentDialog)
    assert isinstance(dialog, KasbonPaymentDialog)
    press(qtbot, dialog, Qt.Key.Key_F2)  # transfer with a kode unik to the shop's account
    due = dialog.transfer_panel.amount_due()
    assert due > dialog.owed
    press(qtbot, dialog, ENTER)
    wait_no_dialog(qtbot)
    with ctx.db.read() as session:
        assert kasbon.balance(session, uuid) == dialog.owed  # pending: not lower yet
        [entry] = session.scalars(select(CreditEntry).where(CreditEntry.kind == "payment")).all()
        assert entry.status == "pending"
    day = today()
    statement = klikbca_csv(tmp_path / "mutasi.csv", [(day, due, "CR", "TRSF E-BANKING CR WARSINI")],
                            period=(day.replace(day=1), day))
    page = ConfirmPaymentsPage(ctx)
    qtbot.addWidget(page)
    page.import_file(statement)
    qtbot.waitUntil(lambda: bool(page.proposals), timeout=5000)
    assert [p.payment.order_number for p in page.proposals] == ["Kasbon Bu Warsini"]
    qtbot.mouseClick(page.confirm_all, Qt.MouseButton.LeftButton)
    with ctx.db.read() as session:
        qtbot.waitUntil(lambda: kasbon.balance(session, uuid) == 0, timeout=5000)
    with ctx.db.read() as session:
        assert kasbon.balance(session, uuid) == 0
        entry = session.scalars(select(CreditEntry).where(CreditEntry.kind == "payment")).one()
        assert entry.status == "confirmed" and entry.statement_key


def test_waiting_transfer_confirmed_by_hand_with_f10(ctx: AppContext, qtbot: QtBot) -> None:
    with ctx.db.unit_of_work() as session:
        who = customers.create_customer(session, CustomerInput("Pak Darto", "0812 4444 5555"))
        _pid, code, _price = barcoded_products(ctx, 1)[0]
        hit = catalog.find_by_code(session, code)
        assert hit is not None
        cart = Cart()
        cart.add(CartLine(hit.id, hit.name, hit.unit, Decimal(2), hit.price, False))
        checkout(session, cart, [PaymentInput("kasbon", cart.total)], customer_uuid=who.uuid)
        uuid, owed = who.uuid, cart.total
    section = _section(ctx, qtbot, uuid)
    press(qtbot, section.page, Qt.Key.Key_F5)
    dialog = wait_dialog(qtbot, KasbonPaymentDialog)
    press(qtbot, dialog, Qt.Key.Key_F2)
    press(qtbot, dialog, ENTER)
    wait_no_dialog(qtbot)
    assert section.page.figures["waiting"].text().endswith(f"{owed:,}".replace(",", "."))
    answer_next_message_box(QMessageBox.StandardButton.Yes)
    press(qtbot, section.page, Qt.Key.Key_F10)
    with ctx.db.read() as session:
        qtbot.waitUntil(lambda: kasbon.balance(session, uuid) == 0, timeout=5000)
    assert section.page.figures["balance"].text().endswith("0")


def test_statement_pdf_and_merge_by_keys(ctx: AppContext, qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: MonkeyPatch) -> None:
    with ctx.db.unit_of_work() as session:
        keep = customers.create_customer(session, CustomerInput("Bu Tini", "0812 6666 7777")).uuid
        customers.create_customer(session, CustomerInput("Tini (dobel)", "0812 6666 0000"))
    section = _section(ctx, qtbot, keep)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()))
    target = tmp_path / "tagihan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    press(qtbot, section.page, Qt.Key.Key_F7)
    assert target.read_bytes().startswith(b"%PDF") and opened[-1].endswith("tagihan.pdf")
    press(qtbot, section.page, Qt.Key.Key_F9)
    picker = wait_dialog(qtbot, CustomerPicker)
    type_text(qtbot, picker, "dobel")
    qtbot.waitUntil(lambda: picker.findChild(QListWidget, "customerResults").count() == 1)  # type: ignore[union-attr]
    answer_next_message_box(QMessageBox.StandardButton.Yes)
    press(qtbot, picker, ENTER)
    with ctx.db.read() as session:
        qtbot.waitUntil(lambda: customers.find_customers(session, "tini") != [] and [
            c.name for c in customers.find_customers(session, "tini")] == ["Bu Tini"], timeout=5000)
