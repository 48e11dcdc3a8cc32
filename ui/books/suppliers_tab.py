"""Buku Kas → Pemasok: the suppliers list, with add (Ctrl+N) and edit (Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import suppliers
from app.errors import UserError
from app.suppliers import SupplierInput
from models import Supplier
from ui.context import AppContext
from ui.list_model import Column, TableModel
from ui.messages import error_text
from ui.widgets import error_label, row_table


class SupplierDialog(QDialog):
    """Name, phone, address and note of a supplier (new or existing)."""

    def __init__(self, ctx: AppContext, supplier: Supplier | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uuid = supplier.uuid if supplier else None
        self.saved_uuid: str | None = None
        self.setWindowTitle(self.tr("Ubah pemasok") if supplier else self.tr("Pemasok baru"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name, self.phone = QLineEdit(), QLineEdit()
        self.address, self.note = QLineEdit(), QLineEdit()
        self.name.setPlaceholderText(self.tr("mis. CV Sumber Rejeki"))
        self.phone.setPlaceholderText(self.tr("mis. 0812 3456 7890"))
        for label, field in ((self.tr("Nama"), self.name), (self.tr("Telepon"), self.phone),
                             (self.tr("Alamat"), self.address), (self.tr("Catatan"), self.note)):
            form.addRow(label, field)
        if supplier is not None:
            self.name.setText(supplier.name)
            self.phone.setText(supplier.phone)
            self.address.setText(supplier.address)
            self.note.setText(supplier.note)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name.setFocus()

    def save(self) -> None:
        """Store the supplier; a refusal shows under the form."""
        data = SupplierInput(self.name.text(), self.phone.text(), self.address.text(), self.note.text())
        try:
            with self.ctx.db.unit_of_work() as session:
                if self.uuid is None:
                    row = suppliers.create_supplier(session, data, user_id=self.ctx.user_id)
                else:
                    row = suppliers.update_supplier(session, self.uuid, data, user_id=self.ctx.user_id)
                self.saved_uuid = row.uuid
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class SuppliersTab(QWidget):
    """Suppliers by name; type to filter."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari pemasok (nama atau telepon)"))
        self.search.textChanged.connect(lambda _t: self.reload())
        add = QPushButton(self.tr("Pemasok baru (Ctrl+N)"))
        add.clicked.connect(self.add)
        top.addWidget(self.search, 1)
        top.addWidget(add)
        layout.addLayout(top)
        self.model: TableModel[Supplier] = TableModel([
            Column(self.tr("Nama"), lambda s: s.name),
            Column(self.tr("Telepon"), lambda s: s.phone),
            Column(self.tr("Alamat"), lambda s: s.address),
            Column(self.tr("Catatan"), lambda s: s.note),
        ], key=lambda s: s.uuid)
        self.table = row_table(self.model)
        self.table.activated.connect(lambda _i: self.edit())
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        """Read the suppliers matching the search."""
        with self.ctx.db.read() as session:
            rows = suppliers.list_suppliers(session, self.search.text())
            session.expunge_all()
        self.model.set_rows(rows)

    def add(self) -> None:
        """A new supplier."""
        if SupplierDialog(self.ctx, None, self).exec():
            self.reload()

    def edit(self) -> None:
        """Change the selected supplier."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if SupplierDialog(self.ctx, self.model.rows[index.row()], self).exec():
            self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+N: new supplier."""
        if event.key() == Qt.Key.Key_N and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.add()
        else:
            super().keyPressEvent(event)
