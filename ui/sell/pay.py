"""The pay dialog: cash with change shown large, transfer/QRIS pending, split payment.

Enter adds the payment typed for the chosen method; when nothing remains to pay
the order is saved through :func:`app.sales.checkout` in one transaction. A
failure keeps the dialog (and the cart) open with the reason shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import cart_store, sales
from app.cart import Cart
from app.errors import UserError, ValidationError
from app.kasbon import LIMIT_ACTION, KasbonLimitError
from app.money import format_rupiah, parse_rupiah
from app.owner_only import OwnerPin
from app.payments import rounding
from app.sales import CheckoutResult, PaymentInput
from contract.enums import PENDING_METHODS, PaymentMethod, PaymentStatus
from ui import i18n
from ui.admin.approval import ask_owner
from ui.context import AppContext
from ui.messages import error_text
from ui.payments.qris_panel import QrisPanel
from ui.payments.transfer_panel import TransferPanel
from ui.sell.customer_picker import CustomerChoice
from ui.widgets import error_label

# The method buttons and their keys; their words (the same on the rows, the order list, the
# receipt and the report) come from contract.enums through the catalog (ui.i18n.method_name).
METHODS = ((PaymentMethod.CASH, Qt.Key.Key_F1, "F1"), (PaymentMethod.TRANSFER, Qt.Key.Key_F2, "F2"),
           (PaymentMethod.QRIS, Qt.Key.Key_F3, "F3"), (PaymentMethod.OTHER, Qt.Key.Key_F4, "F4"),
           (PaymentMethod.KASBON, Qt.Key.Key_F10, "F10"))  # kasbon: only with a customer (F11)
ROUND_STEPS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
BIG_STEPS = (50_000, 100_000)
QUICK_KEYS = ("F5", "F6", "F7", "F8")
log = logging.getLogger(__name__)


def quick_amounts(remaining: int, count: int = 4) -> list[int]:
    """``remaining`` (uang pas) then the next round banknote amounts above it."""
    useful = [s for s in ROUND_STEPS if s * 40 >= remaining] or [ROUND_STEPS[-1]]
    rounds = {-(-remaining // step) * step for step in useful}
    for step in BIG_STEPS:  # and the next bigger notes, e.g. 600.000 → 650.000, 700.000
        first = -(-remaining // step) * step
        rounds |= {first + step, first + 2 * step}
    return [remaining, *sorted(a for a in rounds if a > remaining)][:count]


class PayDialog(QDialog):
    """Take the money for a cart and save the order; ``result_`` holds the outcome."""

    def __init__(self, ctx: AppContext, cart: Cart, parent: QWidget | None = None, *,
                 customer: CustomerChoice | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cart = cart
        self.customer = customer  # the sale's customer: kasbon is possible only with one
        self.total = cart.total
        self.payments: list[PaymentInput] = []
        self.result_: CheckoutResult | None = None
        self.method: str = PaymentMethod.CASH
        with ctx.db.read() as session:
            self.rounding_rule = rounding.rule(session)  # cash only; transfers/QRIS to the rupiah
        self.setWindowTitle(self.tr("Pembayaran"))
        self.setObjectName("payDialog")
        self._build()
        self.method_buttons[PaymentMethod.KASBON].setEnabled(customer is not None)
        if customer is not None:
            self.setWindowTitle(self.tr("Pembayaran · {name}").format(name=customer.name))
        self._select_method(PaymentMethod.CASH)

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._big_row(self.tr("Total"), format_rupiah(self.total), "payTotal"))
        self.rounding_label = QLabel("")
        self.rounding_label.setObjectName("payRounding")
        layout.addWidget(self.rounding_label)
        layout.addLayout(self._method_row())
        self.amount_label = QLabel(self.tr("Uang diterima"))
        self.amount = QLineEdit()
        self.amount.setObjectName("payAmount")
        self.amount.textChanged.connect(self._refresh)
        self.amount.textChanged.connect(self._on_amount_edited)
        amount_row = QHBoxLayout()  # caption beside the field: one row less to fit 768 px
        amount_row.addWidget(self.amount_label)
        amount_row.addWidget(self.amount, 1)
        layout.addLayout(amount_row)
        self.quick_box = QWidget()
        self.quick_layout = QHBoxLayout(self.quick_box)
        self.quick_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quick_box)
        self.transfer_panel = TransferPanel(self.ctx, self)
        self.qris_panel = QrisPanel(self.ctx, self)
        for panel in (self.transfer_panel, self.qris_panel):
            panel.hide()
            layout.addWidget(panel, 1)
        self.rows = QListWidget()
        self.rows.setObjectName("payRows")
        self.rows.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows.setMaximumHeight(90)
        layout.addWidget(self.rows)
        self.remaining_label = self._big_row(self.tr("Sisa"), "", "payRemaining")
        layout.addWidget(self.remaining_label)
        self.change_label = self._big_row(self.tr("Kembalian"), "", "payChange")
        layout.addWidget(self.change_label)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)  # spare height below the figures, not between them
        hint = QLabel(self.tr("Enter: bayar  ·  F1–F4, F10 kasbon: cara bayar  ·  F5–F8: uang cepat  ·  "
                              "F9: hapus bayar terakhir  ·  Esc: kembali"))
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.resize(700, 600)

    def _big_row(self, title: str, value: str, name: str) -> QWidget:
        box = QWidget()
        box.setObjectName(name)
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 4, 8, 4)
        caption = QLabel(title)
        caption.setObjectName("payCaption")
        number = QLabel(value)
        number.setObjectName("payValue")
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(caption)
        row.addWidget(number, 1)
        box.setProperty("valueLabel", number)
        return box

    @staticmethod
    def _value(box: QWidget) -> QLabel:
        label = box.property("valueLabel")
        assert isinstance(label, QLabel)
        return label

    def _method_row(self) -> QGridLayout:
        grid = QGridLayout()
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QPushButton] = {}
        for column, (key, _, shortcut) in enumerate(METHODS):
            button = QPushButton(f"{i18n.method_name(key)} ({shortcut})")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setObjectName("methodButton")
            button.clicked.connect(lambda _=False, k=key: self._select_method(k))
            self.method_group.addButton(button)
            self.method_buttons[key] = button
            grid.addWidget(button, 0, column)
        return grid

    # ----- state --------------------------------------------------------------------------

    @property
    def remaining(self) -> int:
        """What is still to be paid (with the cash rounding once cash is among the payments)."""
        rows = [(p.method, p.amount) for p in self.payments]
        return self.total + self.rounding_rule.for_payments(self.total, rows) - self._paid()

    @property
    def cash_due(self) -> int:
        """What is still to be paid when the rest is paid in cash: rounded by the shop's rule
        (app.payments.rounding), exactly as app.sales.checkout books it."""
        rows = [(p.method, p.amount) for p in self.payments] + [(PaymentMethod.CASH, 0)]
        return self.total + self.rounding_rule.for_payments(self.total, rows) - self._paid()

    @property
    def due_now(self) -> int:
        """The amount proposed for the chosen method: cash rounded, others to the rupiah."""
        return self.cash_due if self.method == PaymentMethod.CASH else self.remaining

    def _paid(self) -> int:
        return sum(p.amount for p in self.payments)

    def _select_method(self, method: str) -> None:
        if not self.method_buttons[method].isEnabled():  # kasbon without a customer
            self.error.setText(self.tr("Kasbon perlu pelanggan: tutup (Esc), tekan F11 dan pilih "
                                       "pelanggan dulu."))
            return
        self.method = method
        self.method_buttons[method].setChecked(True)
        self.amount_label.setText(self.tr("Uang diterima (Rp)") if method == PaymentMethod.CASH
                                  else self.tr("Jumlah (Rp)"))
        self._fill_quick_buttons()
        self.amount.setText(str(self.due_now))
        self.amount.selectAll()
        self.amount.setFocus()
        self._refresh()
        self._show_panel()

    def _on_amount_edited(self, _text: str) -> None:
        if self.method in PENDING_METHODS:
            self._show_panel()

    def _show_panel(self) -> None:
        """Transfer shows the account and the exact amount with its kode unik; QRIS its QR."""
        self.transfer_panel.setVisible(self.method == PaymentMethod.TRANSFER)
        self.qris_panel.setVisible(self.method == PaymentMethod.QRIS)
        self.change_label.setVisible(self.method == PaymentMethod.CASH)
        self._keep_on_screen()
        if self.method not in PENDING_METHODS:
            return
        try:
            amount = self._typed_amount()
        except UserError:
            return
        if not 0 < amount <= self.remaining:
            return
        if self.method == PaymentMethod.TRANSFER:
            self.transfer_panel.show_for(amount)
        else:
            self.qris_panel.show_for(amount)

    def _keep_on_screen(self) -> None:
        """After a panel appears the dialog may grow: keep all of it (Sisa, hints) on screen."""
        layout = self.layout()
        if not self.isVisible() or layout is None:
            return
        layout.activate()
        screen = self.screen().availableGeometry()
        frame = self.frameGeometry()
        left = max(screen.left(), min(frame.left(), screen.right() + 1 - frame.width()))
        top = max(screen.top(), min(frame.top(), screen.bottom() + 1 - frame.height()))
        if (left, top) != (frame.left(), frame.top()):  # the top (Total) wins over the bottom
            self.move(self.pos().x() + left - frame.left(), self.pos().y() + top - frame.top())

    def _fill_quick_buttons(self) -> None:
        while self.quick_layout.count():
            item = self.quick_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.quick_buttons: list[QPushButton] = []
        if self.method != PaymentMethod.CASH or self.cash_due <= 0:
            return
        for position, amount in enumerate(quick_amounts(self.cash_due)):
            text = self.tr("Uang pas") if position == 0 else format_rupiah(amount)
            button = QPushButton(f"{text} ({QUICK_KEYS[position]})")
            button.setAutoDefault(False)
            button.setObjectName("quickAmount")
            button.clicked.connect(lambda _=False, a=amount: self.tender(a))
            self.quick_layout.addWidget(button)
            self.quick_buttons.append(button)

    def _typed_amount(self) -> int:
        text = self.amount.text().strip()
        return parse_rupiah(text) if text else self.due_now

    def _refresh(self) -> None:
        self._value(self.remaining_label).setText(format_rupiah(self.remaining))
        self.remaining_label.setVisible(bool(self.payments))
        self.rows.setVisible(bool(self.payments))
        change = 0
        try:
            typed = self._typed_amount()
            if self.method == PaymentMethod.CASH:
                change = max(0, typed - self.cash_due)
        except UserError:
            typed = 0
        self._value(self.change_label).setText(format_rupiah(change))
        self._show_rounding()
        self.error.setText("")

    def _show_rounding(self) -> None:
        """ "Pembulatan −Rp40 · bayar tunai Rp12.500" while cash is rounded (else hidden)."""
        adjustment = self.cash_due - (self.total - self._paid())
        shown = self.method == PaymentMethod.CASH and adjustment != 0
        self.rounding_label.setVisible(shown)
        if shown:
            self.rounding_label.setText(self.tr("Pembulatan {rounding} · bayar tunai {due}").format(
                rounding=format_rupiah(adjustment), due=format_rupiah(self.cash_due)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter pays; F1–F4 methods; F5–F8 quick cash amounts; F9 undo a payment; Esc back."""
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        methods = {qt_key: method for method, qt_key, _ in METHODS}
        if key in methods:
            self._select_method(methods[key])
            return
        if key == Qt.Key.Key_F9:
            self.remove_last_payment()
            return
        quick = {Qt.Key.Key_F5: 0, Qt.Key.Key_F6: 1, Qt.Key.Key_F7: 2, Qt.Key.Key_F8: 3}
        if key in quick and quick[key] < len(getattr(self, "quick_buttons", [])):
            self.quick_buttons[quick[key]].click()
            return
        super().keyPressEvent(event)

    # ----- actions ------------------------------------------------------------------------

    def tender(self, amount: int) -> None:
        """A quick amount button: that much cash was handed over."""
        self.amount.setText(str(amount))
        self.submit()

    def submit(self) -> None:
        """Add the typed payment; save the order once nothing remains."""
        try:
            amount = self._typed_amount()
            if amount <= 0:
                raise ValidationError(self.tr("Jumlah bayar harus lebih dari nol."), field="amount")
            self.payments.append(self.payment_for(self.method, amount))
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.rows.addItem(self._row_text(self.payments[-1]))
        if self.remaining <= 0:
            self.confirm()
        else:
            self._select_method(self.method)

    @staticmethod
    def _row_text(p: PaymentInput) -> str:
        label = i18n.method_name(p.method)
        text = f"{label}  {format_rupiah(p.amount)}"
        if p.method == PaymentMethod.CASH and p.tendered and p.tendered > p.amount:
            received = QCoreApplication.translate("PayDialog", "(diterima {amount})")
            text += "  " + received.format(amount=format_rupiah(p.tendered))
        if p.method in PENDING_METHODS:
            text += "  — " + i18n.word(f"payment_status.{PaymentStatus.PENDING}")
        return text

    def remove_last_payment(self) -> None:
        """Take back the last payment row (F9)."""
        if self.payments:
            self.payments.pop()
            self.rows.takeItem(self.rows.count() - 1)
            self._select_method(self.method)

    def payment_for(self, method: str, amount: int) -> PaymentInput:
        """One payment row for ``method``; each method has its own hook below."""
        hooks: dict[str, Callable[[int], PaymentInput]] = {
            PaymentMethod.CASH: self.pay_cash, PaymentMethod.TRANSFER: self.pay_transfer,
            PaymentMethod.QRIS: self.pay_qris, PaymentMethod.OTHER: self.pay_other,
            PaymentMethod.KASBON: self.pay_kasbon}
        if method != PaymentMethod.CASH and amount > self.remaining:
            message = self.tr("Jumlah melebihi sisa {amount}.")
            raise ValidationError(message.format(amount=format_rupiah(self.remaining)),
                                  field="amount")
        return hooks[method](amount)

    def pay_cash(self, tendered: int) -> PaymentInput:
        """Cash: what was handed over; the change is what exceeds the remaining."""
        return PaymentInput(PaymentMethod.CASH, min(tendered, self.cash_due), tendered=tendered)

    def pay_transfer(self, amount: int) -> PaymentInput:
        """Bank transfer to the shop's account with a kode unik, pending until confirmed."""
        if self.transfer_panel.base_amount != amount or self.transfer_panel.quote is None:
            self.transfer_panel.show_for(amount)
        return self.transfer_panel.payment_input()

    def pay_qris(self, amount: int) -> PaymentInput:
        """QRIS with the amount in a dynamic payload, pending until confirmed."""
        if self.qris_panel.amount != amount or self.qris_panel.payload is None:
            self.qris_panel.show_for(amount)
        return self.qris_panel.payment_input()

    def pay_other(self, amount: int) -> PaymentInput:
        """Another method (e-wallet, marketplace), recorded as confirmed."""
        return PaymentInput(PaymentMethod.OTHER, amount)

    def pay_kasbon(self, amount: int) -> PaymentInput:
        """On the customer's kasbon (the limit is checked when the sale is saved)."""
        return PaymentInput(PaymentMethod.KASBON, amount)

    def _checkout(self, owner_pin: OwnerPin | None) -> None:
        with self.ctx.db.unit_of_work() as session:
            self.result_ = sales.checkout(
                session, self.cart, list(self.payments), cashier_id=self.ctx.user_id,
                customer_uuid=self.customer.uuid if self.customer else None, owner_pin=owner_pin)
            cart_store.clear(session)  # sold: a crash after this never brings the cart back

    def _checkout_over_limit(self) -> None:
        """Kasbon over the customer's limit: the owner's PIN (the approval dialog), then again."""
        owner_pin = ask_owner(self, self.ctx, LIMIT_ACTION)
        if owner_pin is None:
            raise KasbonLimitError(self.tr("Kasbon di atas batas tidak disetujui pemilik."))
        self._checkout(owner_pin)

    def confirm(self) -> None:
        """Save the order in one transaction; on failure keep everything and say why."""
        try:
            try:
                self._checkout(None)
            except KasbonLimitError:
                self._checkout_over_limit()
        except Exception as exc:  # the sale is kept in the cart whatever went wrong
            if not isinstance(exc, UserError):
                log.exception("checkout failed")
            self.payments.clear()
            self.rows.clear()
            self._select_method(self.method)
            self.error.setText(self.tr("Belum tersimpan: {error}").format(error=error_text(exc)))
            return
        self.accept()
