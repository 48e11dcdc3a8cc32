"""The till's customer: F11 opens the picker (type a phone or a name, Enter picks, F2 "Pelanggan
baru" inline), and the bar on the sell screen shows who the sale is for and their kasbon.

The chosen customer is attached to the sale (``app.sales.checkout(customer_uuid=…)``) and
makes "Kasbon" possible in the pay dialog. A new cart (sold, held, cleared) starts without one;
a held cart keeps its customer and brings them back when resumed (:func:`stored_choice`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.money import format_rupiah
from ui.context import AppContext
from ui.messages import error_text
from ui.widgets import error_label

if TYPE_CHECKING:
    from app.db import Session
    from models.books import Customer

UUID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class CustomerChoice:
    """The customer attached to the cart, with their kasbon when picked."""

    uuid: str
    name: str
    phone: str
    balance: int


def choice_of(session_customer: Customer, balance: int) -> CustomerChoice:
    """A choice from a stored customer and their balance."""
    return CustomerChoice(session_customer.uuid, session_customer.name, session_customer.phone, balance)


def stored_choice(session: Session, uuid: str | None) -> CustomerChoice | None:
    """The choice for a customer kept by uuid (a held cart's), with today's kasbon: a merged
    duplicate stands for the customer it was merged into; None when unknown or archived."""
    from app import kasbon  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

    kept = kasbon.kept_with_balance(session, uuid)
    return None if kept is None else choice_of(*kept)


class CustomerPicker(QDialog):
    """Find or add the customer of this sale; ``chosen`` after accept (None: "tanpa pelanggan")."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: CustomerChoice | None = None
        from ui.customers.form import CustomerFields  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        self.setObjectName("customerPicker")
        self.setWindowTitle(self.tr("Pilih pelanggan"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Pilih pelanggan untuk penjualan ini (kasbon perlu pelanggan)"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Ketik no. HP atau nama pelanggan…"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemDoubleClicked.connect(lambda _i: self.pick())
        layout.addWidget(self.results, 1)
        self.new_box = QWidget()
        box = QVBoxLayout(self.new_box)
        box.setContentsMargins(0, 6, 0, 0)
        title = QLabel(self.tr("Pelanggan baru"))
        title.setObjectName("sectionTitle")
        box.addWidget(title)
        self.fields = CustomerFields(self.new_box, compact=True)
        box.addWidget(self.fields)
        self.new_box.hide()
        layout.addWidget(self.new_box)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        hint = QLabel(self.tr("Enter: pilih/simpan  ·  ↑/↓: pilih  ·  F2: pelanggan baru  ·  "
                              "F9: tanpa pelanggan  ·  Esc: kembali"))
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.resize(560, 480)
        self.refresh()
        self.search.setFocus()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Pelanggan baru (F2)"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.start_new)
        none_button = QPushButton(self.tr("Tanpa pelanggan (F9)"))
        none_button.setAutoDefault(False)
        none_button.clicked.connect(self.no_customer)
        row.addWidget(self.new_button)
        row.addWidget(none_button)
        row.addStretch(1)
        return row

    def refresh(self) -> None:
        """Show the customers matching what is typed (phone prefix or name), with their kasbon."""
        from app import customers, kasbon  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)
        from app.customers import local_phone  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        self._timer.stop()
        with self.ctx.db.read() as session:
            found = [choice_of(c, kasbon.balance(session, c.uuid))
                     for c in customers.find_customers(session, self.search.text())]
        self.results.clear()
        for customer in found:
            phone = local_phone(customer.phone) if customer.phone else "–"
            text = f"{customer.name}  ·  {phone}"
            if customer.balance:
                text += "  ·  " + self.tr("kasbon {amount}").format(
                    amount=format_rupiah(customer.balance))
            item = QListWidgetItem(text)
            item.setData(UUID_ROLE, customer.uuid)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)

    def start_new(self) -> None:
        """F2: the inline form, filled with what was typed (a number goes to the phone)."""
        typed = self.search.text().strip()
        self.new_box.show()
        if typed and not self.fields.name.text() and not self.fields.phone.text():
            digits = typed.replace(" ", "").replace("-", "").lstrip("+")
            (self.fields.phone if digits.isdigit() else self.fields.name).setText(typed)
        (self.fields.name if not self.fields.name.text() else self.fields.phone).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter picks (or saves the new customer), arrows move, F2 new, F9 none, Esc back."""
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.new_box.isVisible():
                self.save_new()
            else:
                self.pick()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not self.new_box.isVisible():
            step = -1 if key == Qt.Key.Key_Up else 1
            count = self.results.count()
            if count:
                self.results.setCurrentRow(max(0, min(count - 1, self.results.currentRow() + step)))
        elif key == Qt.Key.Key_F2:
            self.start_new()
        elif key == Qt.Key.Key_F9:
            self.no_customer()
        else:
            super().keyPressEvent(event)

    def pick(self) -> None:
        """Take the selected customer; nothing found opens the new-customer form."""
        if self._timer.isActive():  # typed faster than the search: search now
            self.refresh()
        item = self.results.currentItem()
        if item is None:
            self.start_new()
            return
        self._choose(str(item.data(UUID_ROLE)))

    def _choose(self, uuid: str) -> None:
        from app import customers, kasbon  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        with self.ctx.db.read() as session:
            self.chosen = choice_of(customers.get_customer(session, uuid), kasbon.balance(session, uuid))
        self.accept()

    def save_new(self) -> None:
        """Store the new customer and take them for this sale."""
        from app import customers  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        try:
            data = self.fields.value()
            with self.ctx.db.unit_of_work() as session:
                uuid = customers.create_customer(session, data, user_id=self.ctx.user_id).uuid
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self._choose(uuid)

    def no_customer(self) -> None:
        """F9: this sale has no customer."""
        self.chosen = None
        self.accept()


class CustomerBar(QLabel):
    """"Pelanggan: Bu Sari · kasbon Rp20.000" on the sell screen (F11 to change)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerBar")
        self.setWordWrap(True)
        self.customer: CustomerChoice | None = None
        self.set_customer(None)

    @property
    def uuid(self) -> str | None:
        """The sale's customer's uuid (None: a walk-in buyer), e.g. to hold the cart for them."""
        return self.customer.uuid if self.customer is not None else None

    def set_customer(self, customer: CustomerChoice | None) -> None:
        """Show the sale's customer (or the F11 hint)."""
        self.customer = customer
        if customer is None:
            self.setText(self.tr("Pelanggan: –  (F11 pilih)"))
            return
        text = self.tr("Pelanggan: {name}").format(name=customer.name)
        if customer.balance:
            text += "  ·  " + self.tr("kasbon {amount}").format(amount=format_rupiah(customer.balance))
        self.setText(text + "  (F11)")
