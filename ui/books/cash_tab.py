"""Buku Kas → Kas masuk/keluar: today's movements (or the open shift's) with the two buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import cashbook
from app.cashbook import CashRow
from app.clock import local
from app.money import format_rupiah
from app.shifts import current_shift, shift_cash
from contract.enums import CashCategory, CashDirection
from ui.books.cash_dialog import CashDialog
from ui.context import AppContext
from ui.list_model import Column, TableModel
from ui.widgets import row_table

IN_COLOUR, OUT_COLOUR = "#2e7d32", "#c62828"


class CashTab(QWidget):
    """The list of kas masuk / kas keluar with "Kas keluar (F10)" and "Kas masuk (Ctrl+M)"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.out_button = QPushButton(self.tr("Kas keluar (F10)"))
        self.out_button.setObjectName("primaryButton")
        self.in_button = QPushButton(self.tr("Kas masuk (Ctrl+M)"))
        self.out_button.clicked.connect(lambda: self.add(CashDirection.OUT))
        self.in_button.clicked.connect(lambda: self.add(CashDirection.IN))
        self.shift_only = QCheckBox(self.tr("Hanya shift ini"))
        self.shift_only.setChecked(True)
        self.shift_only.toggled.connect(lambda _on: self.reload())
        for widget in (self.out_button, self.in_button, self.shift_only):
            top.addWidget(widget)
        top.addStretch(1)
        self.total_label = QLabel("")
        self.total_label.setObjectName("cashTotals")
        top.addWidget(self.total_label)
        layout.addLayout(top)
        self.model: TableModel[CashRow] = TableModel([
            Column(self.tr("Jam"), lambda r: local(r.created_at).strftime("%d/%m %H:%M")),
            Column(self.tr("Jenis"), lambda r: CashDirection(r.direction).label(),
                   colour=lambda r: IN_COLOUR if r.direction == CashDirection.IN else OUT_COLOUR),
            Column(self.tr("Untuk"), lambda r: CashCategory(r.category).label()),
            Column(self.tr("Jumlah"), lambda r: format_rupiah(r.signed), numeric=True),
            Column(self.tr("Nota"), lambda r: self.tr("ada foto") if r.has_photo else ""),
            Column(self.tr("Catatan"), lambda r: r.note),
        ], key=lambda r: r.id)
        self.table = row_table(self.model)
        self.table.setObjectName("cashTable")
        layout.addWidget(self.table, 1)
        self.empty = QLabel("")
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        self.reload()

    def reload(self) -> None:
        """Read the open shift's (or today's) movements."""
        with self.ctx.db.read() as session:
            shift = current_shift(session)
            drawer = shift_cash(session, shift) if shift is not None else None
            if self.shift_only.isChecked() and shift is not None:
                rows = cashbook.shift_movements(session, shift.id)
            else:
                rows = cashbook.day_movements(session)
        self.model.set_rows(rows)
        cash_in = sum(r.amount for r in rows if r.direction == CashDirection.IN)
        cash_out = sum(r.amount for r in rows if r.direction == CashDirection.OUT)
        text = self.tr("Masuk {0}   ·   Keluar {1}").format(format_rupiah(cash_in),
                                                           format_rupiah(cash_out))
        if drawer is not None:
            text += "   ·   " + self.tr("Bayar pemasok dari laci {0}   ·   Seharusnya di laci {1}").format(
                format_rupiah(drawer.supplier_cash), format_rupiah(drawer.expected_cash))
        self.total_label.setText(text)
        self.empty.setText("" if rows else self.tr(
            "Belum ada kas masuk/keluar. Tekan F10 saat mengambil uang dari laci (listrik, "
            "belanja, gaji…), supaya Laporan Z tetap pas."))

    def add(self, direction: CashDirection) -> bool:
        """Open the dialog; True when a movement was recorded."""
        dialog = CashDialog(self.ctx, direction, self)
        saved = bool(dialog.exec())
        dialog.deleteLater()
        self.reload()
        return saved

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F10: kas keluar; Ctrl+M: kas masuk."""
        if event.key() == Qt.Key.Key_F10:
            self.add(CashDirection.OUT)
        elif event.key() == Qt.Key.Key_M and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.add(CashDirection.IN)
        else:
            super().keyPressEvent(event)
