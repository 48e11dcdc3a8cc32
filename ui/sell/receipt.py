"""A plain-text receipt preview shown after a sale until the receipts issue prints."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app import sales, shop
from app.money import format_number, format_qty

WIDTH = 32


def _pair(left: str, right: str, width: int = WIDTH) -> str:
    room = width - len(right) - 1
    return f"{left[:room]:<{room}} {right}"


def receipt_text(session: Session, order_id: int) -> str:
    """A 32-column text receipt of a saved order."""
    order = sales.get_order(session, order_id)
    profile = shop.profile(session)
    out = [profile.name.center(WIDTH), (profile.address or "")[:WIDTH].center(WIDTH),
           "-" * WIDTH, order.number, "-" * WIDTH]
    for line in order.lines:
        out.append(line.name[:WIDTH])
        out.append(_pair(f"  {format_qty(line.qty)} x {format_number(line.unit_price)}",
                         format_number(line.total + line.discount)))
        if line.discount:
            out.append(_pair("  " + QCoreApplication.translate("ReceiptText", "Diskon"),
                             f"-{format_number(line.discount)}"))
    out.append("-" * WIDTH)
    if order.discount:
        out.append(_pair(QCoreApplication.translate("ReceiptText", "Diskon pesanan"),
                         f"-{format_number(order.discount)}"))
    out.append(_pair(QCoreApplication.translate("ReceiptText", "TOTAL"), format_number(order.total)))
    for payment in order.payments:
        label = QCoreApplication.translate(
            "PayDialog", sales.METHOD_LABELS.get(payment.method, payment.method))
        out.append(_pair(label, format_number(payment.tendered or payment.amount)))
        if payment.change:
            out.append(_pair(QCoreApplication.translate("ReceiptText", "Kembali"),
                             format_number(payment.change)))
        if payment.status == "pending":
            out.append("  " + QCoreApplication.translate("ReceiptText", "(menunggu konfirmasi)"))
    out += ["-" * WIDTH, QCoreApplication.translate("ReceiptText", "Terima kasih").center(WIDTH)]
    return "\n".join(out)


class ReceiptPreview(QDialog):
    """A non-modal window with the text receipt; it never takes the keyboard."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau struk"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(view)
        self.resize(340, 460)
