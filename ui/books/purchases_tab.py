"""Buku Kas → Pembelian: purchases with what is still owed and how old, utang aging, and the
actions: new purchase (Ctrl+N), pay (Ctrl+B), return to the supplier (Ctrl+R), receive an order.

Cost figures are shown only to users allowed ``cost_view``; anyone else asks an owner's PIN
to open the tab (one visit).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app import permissions, purchase_queries, purchases
from app.clock import local, today
from app.errors import UserError
from app.money import format_rupiah, parse_rupiah
from app.pack_units import UnitChoice, bought_units, describe_bought, parse_count
from app.purchase_queries import PurchaseRow
from contract.enums import MoneySource, PurchaseKind, PurchaseStatus
from ui.admin.approval import open_screen
from ui.books.purchase_dialog import PurchaseDialog
from ui.context import AppContext
from ui.list_model import Column, TableModel
from ui.messages import error_text, show_error
from ui.widgets import error_label, hint_label, row_table

AGE_COLOURS = ("#2e7d32", "#ef6c00", "#c62828")


class PayDialog(QDialog):
    """Pay (part of) what a purchase still owes, from the drawer or the bank."""

    def __init__(self, ctx: AppContext, row: PurchaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.setWindowTitle(self.tr("Bayar pembelian {0}").format(row.number))
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr("{0} · sisa utang {1}").format(
            row.supplier or self.tr("(tanpa pemasok)"), format_rupiah(row.owed))))
        form = QFormLayout()
        self.amount = QLineEdit(str(row.owed))
        self.amount.selectAll()
        self.source = QComboBox()
        self.source.addItem(self.tr("Transfer dari rekening bank"), MoneySource.BANK.value)
        self.source.addItem(self.tr("Uang dari laci kas"), MoneySource.DRAWER.value)
        form.addRow(self.tr("Jumlah (Rp)"), self.amount)
        form.addRow(self.tr("Dari"), self.source)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Bayar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.amount.setFocus()

    def save(self) -> None:
        """Record the payment."""
        try:
            amount = parse_rupiah(self.amount.text())
            with self.ctx.db.unit_of_work() as session:
                purchases.pay_purchase(session, self.row.uuid, amount,
                                       MoneySource(self.source.currentData()), user_id=self.ctx.user_id)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class ReturnDialog(QDialog):
    """Give goods of a purchase back: a quantity per line in base units or naming a pack of the
    product ("1 dus", or the pack it was bought in); empty = none. Each line shows what was
    bought as it was bought ("dibeli 10 renteng (120 pcs)")."""

    def __init__(self, ctx: AppContext, row: PurchaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.setWindowTitle(self.tr("Retur ke pemasok: {0}").format(row.number))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[int, QLineEdit] = {}
        self.units: dict[int, list[UnitChoice]] = {}  # a line's base unit and the product's packs
        with ctx.db.read() as session:
            lines = []
            for x in purchases.purchase_lines(session, row.uuid):
                choices = bought_units(session, x.product_uuid, x.unit, x.pack_name, x.pack_factor)
                lines.append((x.position, x.name, choices,
                              describe_bought(x.qty_received, choices, x.pack_name, x.pack_factor)))
        for position, name, choices, bought in lines:
            field = QLineEdit()
            field.setPlaceholderText(self.tr("dibeli {0}").format(bought))
            form.addRow(name, field)
            self.fields[position], self.units[position] = field, choices
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("mis. rusak, kedaluwarsa"))
        form.addRow(self.tr("Alasan"), self.reason)
        self.source = QComboBox()
        self.source.addItem(self.tr("Uang kembali ke laci kas"), MoneySource.DRAWER.value)
        self.source.addItem(self.tr("Uang kembali ke rekening bank"), MoneySource.BANK.value)
        form.addRow(self.tr("Jika sudah lunas"), self.source)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("Retur mengurangi utang; kelebihannya dikembalikan pemasok.")))
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Retur"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Record the return."""
        try:
            items = {pos: parse_count(f.text(), self.units[pos])  # "1 dus" → its base units
                     for pos, f in self.fields.items() if f.text().strip()}
            with self.ctx.db.unit_of_work() as session:
                purchases.return_to_supplier(session, self.row.uuid, items,
                                             refund_source=MoneySource(self.source.currentData()),
                                             reason=self.reason.text(), user_id=self.ctx.user_id)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class PurchasesTab(QWidget):
    """The purchases list (owed only by default), the utang aging line and the actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self._locked())
        self.stack.addWidget(self._content())
        ctx.signals.sig_user_changed.connect(lambda *_a: self.apply_cost_view())
        self.apply_cost_view()

    def _locked(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint_label(self.tr("Pembelian memuat harga modal. Hanya pengguna dengan izin "
                                            "melihat harga modal yang bisa membukanya.")))
        ask = QPushButton(self.tr("Minta PIN pemilik"))
        ask.clicked.connect(self.unlock)
        layout.addWidget(ask, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _content(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        actions = ((self.tr("Pembelian baru (Ctrl+N)"), self.new_purchase),
                   (self.tr("Bayar (Ctrl+B)"), self.pay), (self.tr("Retur (Ctrl+R)"), self.give_back),
                   (self.tr("Terima pesanan"), self.receive))
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            top.addWidget(button)
        self.owed_only = QCheckBox(self.tr("Hanya yang belum lunas"))
        self.owed_only.toggled.connect(lambda _on: self.reload())
        top.addWidget(self.owed_only)
        top.addStretch(1)
        layout.addLayout(top)
        self.aging = QLabel("")
        self.aging.setObjectName("payablesAging")
        layout.addWidget(self.aging)
        self.model: TableModel[PurchaseRow] = TableModel(self._columns(), key=lambda r: r.uuid)
        self.table = row_table(self.model)
        self.table.setObjectName("purchasesTable")
        layout.addWidget(self.table, 1)
        return page

    def _columns(self) -> list[Column[PurchaseRow]]:
        return [
            Column(self.tr("Nomor"), lambda r: r.number),
            Column(self.tr("Tanggal"), lambda r: local(r.created_at).strftime("%d/%m/%Y")),
            Column(self.tr("Pemasok"), lambda r: r.supplier or "—"),
            Column(self.tr("No. nota"), lambda r: r.invoice_no),
            Column(self.tr("Status"), self._status),
            Column(self.tr("Total"), lambda r: format_rupiah(r.total), numeric=True),
            Column(self.tr("Sisa utang"), lambda r: format_rupiah(r.owed) if r.owed else "",
                   numeric=True),
            Column(self.tr("Jatuh tempo"), self._due,
                   colour=lambda r: AGE_COLOURS[r.bucket] if r.owed else None),
        ]

    def _status(self, row: PurchaseRow) -> str:
        if row.kind == PurchaseKind.RETURN:
            return PurchaseKind.RETURN.label()
        if row.status == PurchaseStatus.RECEIVED:
            return self.tr("Lunas") if not row.owed else self.tr("Utang")
        return PurchaseStatus(row.status).label()

    def _due(self, row: PurchaseRow) -> str:
        if not row.owed:
            return ""
        when = row.due_date.strftime("%d/%m/%Y") if row.due_date else self.tr("tanpa tempo")
        if row.days > 0:
            return self.tr("{0} (lewat {1} hari)").format(when, row.days)
        return when

    def apply_cost_view(self) -> None:
        """Show the list to users allowed to see costs; the others see the lock."""
        with self.ctx.db.read() as session:
            allowed = permissions.can_view_cost(session, self.ctx.user_id)
        self.stack.setCurrentIndex(1 if allowed or self.ctx.elevation.covers("cost_view") else 0)
        if self.stack.currentIndex() == 1:
            self.reload()

    def unlock(self) -> None:
        """An owner's PIN opens the tab for this visit."""
        if open_screen(self, self.ctx, "cost_view", screen="pembelian"):
            self.stack.setCurrentIndex(1)
            self.reload()

    def reload(self) -> None:
        """Read the purchases and the utang aging."""
        with self.ctx.db.read() as session:
            rows = purchase_queries.purchase_rows(session, today(), owed_only=self.owed_only.isChecked())
            aging = purchase_queries.payables(session, today())
        self.model.set_rows(rows)
        buckets = [sum(p.buckets[i] for p in aging) for i in range(3)]
        self.aging.setText(self.tr("Utang ke pemasok: {0}  ·  0–7 hari {1}  ·  8–30 hari {2}  ·  "
                                   "> 30 hari {3}").format(format_rupiah(sum(buckets)),
                                                           *(format_rupiah(b) for b in buckets)))

    def current(self) -> PurchaseRow | None:
        """The selected purchase."""
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def new_purchase(self) -> None:
        """Open the purchase screen."""
        if PurchaseDialog(self.ctx, self).exec():
            self.reload()

    def pay(self) -> None:
        """Pay the selected purchase (later payment of an utang)."""
        row = self.current()
        if row is None or not row.owed:
            show_error(self, UserError(self.tr("Pilih pembelian yang masih ada sisa utangnya.")))
            return
        if PayDialog(self.ctx, row, self).exec():
            self.reload()

    def give_back(self) -> None:
        """Return goods of the selected purchase."""
        row = self.current()
        if row is None or row.kind != PurchaseKind.PURCHASE:
            show_error(self, UserError(self.tr("Pilih pembelian yang barangnya diretur.")))
            return
        if ReturnDialog(self.ctx, row, self).exec():
            self.reload()

    def receive(self) -> None:
        """Everything still missing of the selected purchase order arrived."""
        row = self.current()
        if row is None or row.status not in (PurchaseStatus.ORDERED, PurchaseStatus.PARTIAL):
            show_error(self, UserError(self.tr("Pilih pesanan pembelian yang belum diterima.")))
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                missing = {x.position: max(Decimal(0), x.qty_ordered - x.qty_received)
                           for x in purchases.purchase_lines(session, row.uuid)}
                purchases.receive_order(session, row.uuid, missing, user_id=self.ctx.user_id)
        except UserError as exc:
            show_error(self, exc)
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+N new, Ctrl+B pay, Ctrl+R return."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            action = {Qt.Key.Key_N: self.new_purchase, Qt.Key.Key_B: self.pay,
                      Qt.Key.Key_R: self.give_back}.get(Qt.Key(event.key()))
            if action is not None and self.stack.currentIndex() == 1:
                action()
                return
        super().keyPressEvent(event)
