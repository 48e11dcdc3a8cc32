"""The customer form (name, phone, address, note, group, kasbon limit), as a widget for the
till's picker ("Pelanggan baru" inline) and as a dialog for the Pelanggan section."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import customers
from app.customers import CustomerInput, local_phone
from app.errors import UserError, ValidationError
from app.money import format_number, parse_rupiah
from models.books import Customer
from ui.context import AppContext
from ui.messages import error_text
from ui.widgets import error_label


class CustomerFields(QWidget):
    """The customer's fields; :meth:`value` reads them (phone and limit checked by app)."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setObjectName("customerName")
        self.phone = QLineEdit()
        self.phone.setObjectName("customerPhone")
        self.phone.setPlaceholderText("0812-3456-7890")
        self.address = QLineEdit()
        self.note = QLineEdit()
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("kosong = umum; mis. reseller"))
        self.limit = QLineEdit()
        self.limit.setObjectName("customerLimit")
        self.limit.setPlaceholderText(self.tr("kosong = batas toko"))
        form.addRow(self.tr("Nama"), self.name)
        form.addRow(self.tr("No. HP / WA"), self.phone)
        if not compact:
            form.addRow(self.tr("Alamat"), self.address)
            form.addRow(self.tr("Catatan"), self.note)
            form.addRow(self.tr("Grup harga"), self.group)
            form.addRow(self.tr("Batas kasbon (Rp)"), self.limit)

    def load(self, customer: Customer) -> None:
        """Fill the fields from a stored customer."""
        self.name.setText(customer.name)
        self.phone.setText(local_phone(customer.phone))
        self.address.setText(customer.address)
        self.note.setText(customer.note)
        self.group.setText(customer.group_name)
        limit = customer.credit_limit
        self.limit.setText("" if limit is None else format_number(limit))

    def value(self) -> CustomerInput:
        """What was typed (the limit parsed as rupiah; empty = the shop's default)."""
        text = self.limit.text().strip()
        try:
            limit = parse_rupiah(text) if text else None
        except UserError as exc:
            raise ValidationError(self.tr("Batas kasbon: {error}").format(error=error_text(exc)),
                                  field="credit_limit") from exc
        return CustomerInput(self.name.text(), self.phone.text(), self.address.text(),
                             self.note.text(), self.group.text(), limit)


class CustomerDialog(QDialog):
    """New or edit customer; ``uuid`` holds the saved customer's uuid after accept."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 customer_uuid: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uuid = customer_uuid
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Ubah pelanggan") if customer_uuid else self.tr("Pelanggan baru"))
        layout = QVBoxLayout(self)
        self.fields = CustomerFields(self)
        layout.addWidget(self.fields)
        if customer_uuid:
            with ctx.db.read() as session:
                self.fields.load(customers.get_customer(session, customer_uuid))
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields.name.setFocus()

    def save(self) -> None:
        """Store the customer; a refusal (bad phone, duplicate) keeps the dialog open."""
        try:
            data = self.fields.value()
            with self.ctx.db.unit_of_work() as session:
                if self.uuid:
                    customers.update_customer(session, self.uuid, data, user_id=self.ctx.user_id)
                else:
                    self.uuid = customers.create_customer(session, data, user_id=self.ctx.user_id).uuid
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
