"""The purchase screen (barang masuk): supplier, products by scan or search, qty and unit cost,
the supplier's invoice, and pay now (drawer or bank) or later (utang).

Keys: type or scan in the search field, ↓/↑ to pick a result, Enter picks it; type the qty,
Enter; the unit cost (the product's cost is filled in), Enter adds the line and goes back to
the search. Del removes the selected line (cells can be corrected in the table); Ctrl+S saves.

Packs: scanning a pack's barcode (a dus) picks that pack; the unit can also be chosen (Tab from
the qty) or typed after the qty ("2 dus"). The qty and the cost are then per pack, the line
reads "2 dus (80 pcs)", and the purchase brings qty × factor base units in at cost ÷ factor
(rounded to the rupiah: the HPP) while the line's money stays qty × cost per pack, exactly the
supplier's invoice (:func:`app.pack_units.purchase_line_amount`). The line keeps its pack.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import catalog, purchases, search, suppliers
from app.catalog import ProductHit
from app.clock import today
from app.errors import UserError, ValidationError
from app.money import format_number, format_qty, format_rupiah, round_rupiah
from app.pack_units import UnitChoice, base_choice, unit_choices
from app.purchases import LineInput, PurchaseInput
from contract.enums import MoneySource
from ui.books.purchase_lines import COST, NAME, QTY, SUBTOTAL, UNIT, PurchaseLines
from ui.books.suppliers_tab import SupplierDialog
from ui.context import AppContext
from ui.messages import error_text
from ui.products.unit_choice import UnitQtyField
from ui.widgets import error_label, hint_label

__all__ = [  # the column numbers' home is ui.books.purchase_lines
    "COST", "NAME", "ORDER_ONLY", "PAY_LATER", "QTY", "SUBTOTAL", "UNIT", "PurchaseDialog",
]

PAY_LATER = "later"
ORDER_ONLY = "order"  # a purchase order: the goods come later, received from the Pembelian tab


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PurchaseDialog(QDialog):
    """One purchase from a supplier; ``saved_number`` is set when it was stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_number: str | None = None
        self.setWindowTitle(self.tr("Pembelian baru (barang masuk)"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_search())
        self.lines = PurchaseLines([self.tr("Produk"), self.tr("Jumlah"), self.tr("Satuan"),
                                    self.tr("Harga pokok/satuan"), self.tr("Subtotal")])
        self.lines.itemChanged.connect(lambda _item: self.update_total())
        layout.addWidget(self.lines, 1)
        self.rounding = hint_label("")
        self.rounding.setObjectName("packRounding")
        self.rounding.hide()
        layout.addWidget(self.rounding)
        layout.addLayout(self._build_footer())
        self.error = error_label()
        layout.addWidget(self.error)
        for button in self.findChildren(QPushButton):  # Enter adds a product, never saves
            button.setAutoDefault(False)
            button.setDefault(False)
        self.search.setFocus()

    # ----- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        form = QFormLayout()
        self.supplier = QComboBox()
        self.supplier.setMinimumWidth(260)
        self._load_suppliers()
        new_supplier = QPushButton(self.tr("Baru…"))
        new_supplier.clicked.connect(self.add_supplier)
        pick = QHBoxLayout()
        pick.addWidget(self.supplier, 1)
        pick.addWidget(new_supplier)
        form.addRow(self.tr("Pemasok"), pick)
        self.invoice_no = QLineEdit()
        self.invoice_no.setPlaceholderText(self.tr("nomor nota/faktur pemasok (boleh kosong)"))
        form.addRow(self.tr("No. nota"), self.invoice_no)
        row.addLayout(form, 3)
        dates = QFormLayout()
        self.invoice_date = QDateEdit(_qdate(today()))
        self.invoice_date.setCalendarPopup(True)
        self.invoice_date.setDisplayFormat("dd/MM/yyyy")
        dates.addRow(self.tr("Tanggal nota"), self.invoice_date)
        due_row = QHBoxLayout()
        self.has_due = QCheckBox(self.tr("Tempo s/d"))
        self.due_date = QDateEdit(_qdate(today()).addDays(14))
        self.due_date.setCalendarPopup(True)
        self.due_date.setDisplayFormat("dd/MM/yyyy")
        self.due_date.setEnabled(False)
        self.has_due.toggled.connect(self.due_date.setEnabled)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_date)
        dates.addRow(self.tr("Jatuh tempo"), due_row)
        row.addLayout(dates, 2)
        return row

    def _build_search(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("bigInput")
        self.search.setPlaceholderText(self.tr("Pindai barcode atau ketik nama produk, lalu Enter"))
        self.search.textEdited.connect(self.find_products)
        self.search.returnPressed.connect(self.add_current)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.setMaximumHeight(120)
        self.results.hide()
        self.results.itemActivated.connect(lambda _item: self.add_current())
        box.addWidget(self.search)
        box.addWidget(self.results)
        entry = QHBoxLayout()
        self.picked_label = QLabel(self.tr("Pilih produk dulu"))
        self.picked_label.setObjectName("hint")
        self.amount = UnitQtyField()
        self.qty_edit, self.cost_edit = self.amount.qty, QLineEdit()
        self.qty_edit.setPlaceholderText(self.tr("Jumlah"))
        self.cost_edit.setPlaceholderText(self.tr("Rp per satuan"))
        self.qty_edit.returnPressed.connect(self._to_cost)
        self.cost_edit.returnPressed.connect(self._add_picked)
        self.amount.sig_unit_changed.connect(self.on_unit_changed)
        entry.addWidget(self.picked_label, 2)
        entry.addWidget(QLabel(self.tr("Jumlah")))
        entry.addWidget(self.amount, 3)
        entry.addWidget(QLabel(self.tr("Harga pokok")))
        entry.addWidget(self.cost_edit, 1)
        box.addLayout(entry)
        self.picked: tuple[int, str] | None = None
        self.picked_cost = 0  # the picked product's cost per base unit
        self._prefilled = ""
        return box

    def on_unit_changed(self) -> None:
        """The cost is per the unit chosen: an untouched cost follows it (cost × factor)."""
        choice = self.amount.choice()
        self.cost_edit.setPlaceholderText(self.tr("Rp per %s") % choice.name)
        if self.picked is not None and self.cost_edit.text() == self._prefilled:
            self._prefilled = format_number(round_rupiah(self.picked_cost * choice.factor))
            self.cost_edit.setText(self._prefilled)

    def _to_cost(self) -> None:
        self.cost_edit.setFocus()
        self.cost_edit.selectAll()

    def _add_picked(self) -> None:
        if self.picked is None:
            self.search.setFocus()
            return
        product_id, name = self.picked
        try:
            qty, choice = self.amount.amount() if self.qty_edit.text().strip() else (Decimal(1),
                                                                                     self.amount.choice())
        except UserError as exc:
            self.error.setText(error_text(exc))
            self.qty_edit.setFocus()
            return
        self.add_line(product_id, name, self.cost_edit.text().strip() or "0", format_qty(qty), choice)
        self.picked = None
        self.picked_label.setText(self.tr("Pilih produk dulu"))
        self.qty_edit.clear()
        self.amount.set_choices([base_choice(choice.base_unit)])
        self.cost_edit.clear()
        self.search.setFocus()

    def _build_footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        form = QFormLayout()
        self.pay = QComboBox()
        self.pay.addItem(self.tr("Bayar nanti (utang ke pemasok)"), PAY_LATER)
        self.pay.addItem(self.tr("Lunas, uang dari laci kas"), MoneySource.DRAWER.value)
        self.pay.addItem(self.tr("Lunas, transfer dari rekening bank"), MoneySource.BANK.value)
        self.pay.addItem(self.tr("Pesanan pembelian (barang belum datang)"), ORDER_ONLY)
        form.addRow(self.tr("Pembayaran"), self.pay)
        self.note = QLineEdit()
        form.addRow(self.tr("Catatan"), self.note)
        row.addLayout(form, 3)
        right = QVBoxLayout()
        self.total_label = QLabel(format_rupiah(0))
        self.total_label.setObjectName("purchaseTotal")
        self.total_label.setStyleSheet("font-size: 22px; font-weight: 700;")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.total_label)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Simpan (Ctrl+S)"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addWidget(hint_label(self.tr("Harga pokok menjadi HPP rata-rata produk.")))
        row.addLayout(right, 2)
        return row

    def _load_suppliers(self, select: str | None = None) -> None:
        self.supplier.clear()
        self.supplier.addItem(self.tr("(tanpa pemasok)"), None)
        with self.ctx.db.read() as session:
            for row in suppliers.list_suppliers(session):
                self.supplier.addItem(row.name, row.uuid)
        if select is not None:
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(select)))

    def add_supplier(self) -> None:
        """A new supplier, picked at once."""
        dialog = SupplierDialog(self.ctx, None, self)
        if dialog.exec():
            self._load_suppliers(dialog.saved_uuid)

    # ----- products --------------------------------------------------------------------------

    def find_products(self, text: str) -> None:
        """Show the products matching what was typed."""
        self.results.clear()
        with self.ctx.db.read() as session:
            hits = search.search_products(session, text, limit=8) if len(text.strip()) >= 2 else []
        for hit in hits:
            item = QListWidgetItem(f"{hit.name}  ·  {hit.sku}  ·  {self.tr('stok')} "
                                   f"{format_qty(hit.on_hand)} {hit.unit}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(item)
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓/↑ in the search field move through the results."""
        if watched is self.search and isinstance(event, QKeyEvent) and self.results.isVisible() \
                and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
            self.results.setCurrentRow(row)
            return True
        return False

    def add_current(self) -> None:
        """Enter: the scanned code (a pack's code picks that pack), else the picked result, becomes
        the product being entered."""
        code = self.search.text().strip()
        with self.ctx.db.read() as session:
            hit: ProductHit | None = catalog.find_by_code(session, code) if code else None
            product_id: int | None = int(hit.id) if hit is not None else None
            if product_id is None and self.results.currentItem() is not None:
                product_id = int(self.results.currentItem().data(Qt.ItemDataRole.UserRole))
            product = catalog.get_product(session, product_id) if product_id is not None else None
            choices = unit_choices(session, product_id) if product_id is not None else []
            cost = product.cost if product else 0
            name, unit = (product.name, product.unit) if product else ("", "")
        if product_id is None:
            self.error.setText(self.tr("Produk '{0}' tidak ditemukan.").format(code))
            return
        self.picked, self.picked_cost = (product_id, f"{name} ({unit})"), cost
        self.picked_label.setText(self.picked[1])
        self.search.clear()
        self.results.hide()
        self.error.setText("")
        self.qty_edit.setText("1")
        self.cost_edit.clear()
        self._prefilled = ""
        self.amount.set_choices(choices, hit.pack_id if hit is not None else None)  # fills the cost
        self.qty_edit.setFocus()
        self.qty_edit.selectAll()

    def add_line(self, product_id: int, name: str, cost: str, qty: str = "1",
                 unit: UnitChoice | None = None) -> None:
        """Append a line in ``unit`` (the base unit when not given): qty and cost per that unit as
        typed; they stay editable in the table, the unit cell shows what it comes to in stock."""
        self.lines.add_line(product_id, name, cost, qty, unit or self._base_unit(product_id))
        self.update_total()

    def _base_unit(self, product_id: int) -> UnitChoice:
        with self.ctx.db.read() as session:
            return unit_choices(session, product_id)[0]

    def line_text(self, row: int) -> str:
        """What a line brings in, as the seller reads it: "2 dus (80 pcs)" or "24 pcs"."""
        return self.lines.line_text(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+S saves; Del in the lines removes the selected one; Enter never closes."""
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
        elif event.key() == Qt.Key.Key_Delete and self.lines.hasFocus():
            self.remove_line()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        else:
            super().keyPressEvent(event)

    def remove_line(self) -> None:
        """Del: drop the selected line."""
        if self.lines.remove_current():
            self.update_total()

    def line_inputs(self) -> list[LineInput]:
        """The lines as typed, each in its unit (ValidationError names the first bad cell)."""
        return self.lines.line_inputs()

    def update_total(self) -> None:
        """Refresh each unit cell, subtotal and the total (bad cells count as zero); say when a
        pack's cost does not divide into whole rupiah per base unit (the HPP is rounded, the
        money is not)."""
        total, rounded = self.lines.refresh()
        self.total_label.setText(self.tr("Total {0}").format(format_rupiah(total)))
        self.rounding.setText(self.tr("Harga pokok per kemasan tidak habis dibagi isinya: HPP per satuan "
                                      "dasar dibulatkan ke rupiah, subtotal tetap sesuai nota: {0}")
                              .format(", ".join(rounded)))
        self.rounding.setVisible(bool(rounded))

    # ----- saving ----------------------------------------------------------------------------

    def purchase_input(self) -> PurchaseInput:
        """The whole form as a :class:`PurchaseInput`."""
        if not self.lines.product_ids:
            raise ValidationError(self.tr("Tambahkan barang dulu (pindai atau cari)."))
        pay = self.pay.currentData()
        return PurchaseInput(
            self.supplier.currentData(), self.line_inputs(), invoice_no=self.invoice_no.text(),
            invoice_date=self.invoice_date.date().toPython(),  # type: ignore[arg-type]
            due_date=self.due_date.date().toPython() if self.has_due.isChecked() else None,  # type: ignore[arg-type]
            note=self.note.text(),
            pay_source=None if pay in (PAY_LATER, ORDER_ONLY) else MoneySource(pay),
            ordered=pay == ORDER_ONLY)

    def save(self) -> None:
        """Store the purchase in one transaction; a refusal shows under the lines."""
        try:
            data = self.purchase_input()
            with self.ctx.db.unit_of_work() as session:
                self.saved_number = purchases.create_purchase(session, data,
                                                              user_id=self.ctx.user_id).number
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.ctx.signals.sig_status.emit(self.tr("Pembelian {0} tersimpan.").format(self.saved_number))
        self.accept()
